using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ElementFlow.Server.Tests;

public class DecisionTests : ServerTest
{
    public static async Task<string> FirstFingerprint(HttpClient client, string id)
    {
        var report = JsonDocument.Parse(await client.GetStringAsync($"/api/reviews/{id}/report?format=json")).RootElement;
        return report.GetProperty("findings")[0].GetProperty("fingerprint").GetString()!;
    }

    private static async Task<JsonElement> Finding(HttpClient client, string id, string fingerprint)
    {
        var report = JsonDocument.Parse(await client.GetStringAsync($"/api/reviews/{id}/report?format=json")).RootElement;
        return report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("fingerprint").GetString() == fingerprint);
    }

    [Fact]
    public async Task Decision_ShowsInTheJsonReportOnItsFinding()
    {
        await using var host = await TestHost.Start(Data);
        var ann = host.WithToken("ann");
        var rita = host.WithToken("rita");
        var id = await TestHost.Upload(ann, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(ann, id);
        var fingerprint = await FirstFingerprint(rita, id);

        var response = await rita.PostAsJsonAsync($"/api/reviews/{id}/decisions", new { finding = fingerprint, decision = "exception", note = "agreed at the hearing", document = "清自然资函〔2025〕7号" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/reviews/{id}/decisions", response.Headers.Location!.ToString());
        Assert.Single(await rita.GetFromJsonAsync<JsonElement[]>($"/api/reviews/{id}/decisions") ?? []);
        var decision = (await Finding(ann, id, fingerprint)).GetProperty("decision");
        Assert.Equal("exception", decision.GetProperty("decision").GetString());
        Assert.Equal("清自然资函〔2025〕7号", decision.GetProperty("document").GetString());
        Assert.Equal("rita", decision.GetProperty("by").GetString());
    }

    [Fact]
    public async Task Decision_CarriesForwardToTheNextUploadOfThePlan()
    {
        await using var host = await TestHost.Start(Data);
        var ann = host.WithToken("ann");
        var rita = host.WithToken("rita");
        var first = await TestHost.Upload(ann, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(ann, first);
        var fingerprint = await FirstFingerprint(rita, first);
        await rita.PostAsJsonAsync($"/api/reviews/{first}/decisions", new { finding = fingerprint, decision = "confirmed", note = "fix it", document = (string?)null });

        var second = await TestHost.Upload(ann, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(ann, second);

        var decision = (await Finding(ann, second, fingerprint)).GetProperty("decision");
        Assert.Equal("confirmed", decision.GetProperty("decision").GetString());
        Assert.Equal(first, decision.GetProperty("review").GetString());
    }

    [Fact]
    public async Task Decision_IsAuditedWithWhoWhenAndWhat()
    {
        await using var host = await TestHost.Start(Data);
        var ann = host.WithToken("ann");
        var rita = host.WithToken("rita");
        var id = await TestHost.Upload(ann, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(ann, id);
        var fingerprint = await FirstFingerprint(rita, id);

        await rita.PostAsJsonAsync($"/api/reviews/{id}/decisions", new { finding = fingerprint, decision = "comment", note = "see page 3", document = (string?)null });

        var audit = Assert.Single(host.Store.AuditTrail(), a => a.Action == "decide");
        Assert.Equal("rita", audit.User);
        Assert.Equal(id, audit.Review);
        Assert.Equal($"comment {fingerprint}: see page 3", audit.Detail);
        Assert.True(DateTimeOffset.UtcNow - audit.At < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Decision_OnAFingerprintNotInTheReport_Is400()
    {
        await using var host = await TestHost.Start(Data);
        var ann = host.WithToken("ann");
        var id = await TestHost.Upload(ann, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(ann, id);

        var response = await host.WithToken("rita").PostAsJsonAsync($"/api/reviews/{id}/decisions", new { finding = new string('0', 64), decision = "confirmed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
