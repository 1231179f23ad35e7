using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ElementFlow.Server.Tests;

public class CompareTests : ServerTest
{
    /// <summary>The example city with its urban development boundary area declared as measured: DATA-008 goes away.</summary>
    private static byte[] Corrected()
    {
        var zip = TestHost.Zipped("qinghe-city");
        using var bytes = new MemoryStream();
        bytes.Write(zip);
        using (var archive = new ZipArchive(bytes, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry("plan.yaml")!;
            string yaml;
            using (var reader = new StreamReader(entry.Open())) yaml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("plan.yaml").Open(), new UTF8Encoding(false));
            writer.Write(yaml.Replace("urban_development_boundary_area: { value: 43.79931", "urban_development_boundary_area: { value: 42.9405", StringComparison.Ordinal));
        }

        return bytes.ToArray();
    }

    [Fact]
    public async Task Compare_MarksTheCorrectedFindingFixedAndCarriesTheDecision()
    {
        await using var host = await TestHost.Start(Data);
        var ann = host.WithToken("ann");
        var rita = host.WithToken("rita");
        var first = await TestHost.Upload(ann, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(ann, first);
        var fingerprint = await DecisionTests.FirstFingerprint(rita, first);
        await rita.PostAsJsonAsync($"/api/reviews/{first}/decisions", new { finding = fingerprint, decision = "exception", note = "agreed", document = "清自然资函〔2026〕12号" });
        var second = await TestHost.Upload(ann, Corrected());
        await TestHost.Finished(ann, second);

        var compared = await rita.GetFromJsonAsync<JsonElement>($"/api/reviews/{second}/compare/{first}");

        var findings = compared.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal("fixed", findings.Single(f => f.GetProperty("rule").GetString() == "DATA-008").GetProperty("state").GetString());
        var carried = findings.Single(f => f.GetProperty("fingerprint").GetString() == fingerprint);
        Assert.Equal("unchanged", carried.GetProperty("state").GetString());
        Assert.Equal("清自然资函〔2026〕12号", carried.GetProperty("decision").GetProperty("document").GetString());
        Assert.Equal(1, compared.GetProperty("fixed").GetInt32());
    }

    [Fact]
    public async Task Compare_OfTwoDifferentPlansIsRefused()
    {
        await using var host = await TestHost.Start(Data);
        var ann = host.WithToken("ann");
        var city = await TestHost.Upload(ann, TestHost.Zipped("qinghe-city"));
        var county = await TestHost.Upload(ann, TestHost.Zipped("xishan-county"));
        await TestHost.Finished(ann, city);
        await TestHost.Finished(ann, county);

        var response = await ann.GetAsync($"/api/reviews/{city}/compare/{county}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Compare_WithAnotherPlannersReviewIsNotFound()
    {
        await using var host = await TestHost.Start(Data, checks: 0);
        var mine = await TestHost.Upload(host.WithToken("ann"), TestHost.Zipped("qinghe-city"));
        var theirs = await TestHost.Upload(host.WithToken("bob"), TestHost.Zipped("qinghe-city"));

        var response = await host.WithToken("ann").GetAsync($"/api/reviews/{mine}/compare/{theirs}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
