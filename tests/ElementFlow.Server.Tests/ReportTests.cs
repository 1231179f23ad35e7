using System.Net;
using System.Text.Json;

namespace ElementFlow.Server.Tests;

public class ReportTests : ServerTest
{
    [Fact]
    public async Task Report_DownloadsInEveryFormat()
    {
        await using var host = await TestHost.Start(Data);
        var client = host.WithToken("ann");
        var id = await TestHost.Upload(client, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(client, id);

        foreach (var (format, type, starts) in new[]
                 {
                     ("json", "application/json", "{"), ("sarif", "application/sarif+json", "{"), ("geojson", "application/geo+json", "{"),
                     ("html", "text/html", "<!"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"),
                 })
        {
            var response = await client.GetAsync($"/api/reviews/{id}/report?format={format}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith(starts, System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.OrdinalIgnoreCase);
        }

        // A PDF needs a CJK font on the server: either the report, or a 503 that says why.
        var pdf = await client.GetAsync($"/api/reviews/{id}/report?format=pdf");
        Assert.Contains(pdf.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
    }

    [Fact]
    public async Task JsonReport_IsTheCliReportWithAFingerprintPerFinding()
    {
        await using var host = await TestHost.Start(Data);
        var client = host.WithToken("ann");
        var id = await TestHost.Upload(client, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(client, id);

        var report = JsonDocument.Parse(await client.GetStringAsync($"/api/reviews/{id}/report?format=json")).RootElement;

        Assert.Equal("elementflow/report/v1", report.GetProperty("schema").GetString());
        Assert.All(report.GetProperty("findings").EnumerateArray(), f => Assert.Equal(64, f.GetProperty("fingerprint").GetString()!.Length));
    }

    [Fact]
    public async Task Report_OfAQueuedReview_Is409()
    {
        await using var host = await TestHost.Start(Data, checks: 0);
        var client = host.WithToken("ann");
        var id = await TestHost.Upload(client, TestHost.Zipped("qinghe-city"));

        var response = await client.GetAsync($"/api/reviews/{id}/report?format=json");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
