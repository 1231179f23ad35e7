using System.Net.Http.Json;
using System.Text.Json;
using ElementFlow.Server.Store;
using ElementFlow.Tests.Shared;

namespace ElementFlow.Server.Tests;

/// <summary>The server over the PostgreSQL store (<c>serve --store</c>): what was uploaded and decided outlives the process.</summary>
public class PostgresServerTests(PostgresCluster cluster) : ServerTest, IClassFixture<PostgresCluster>
{
    [SkippableFact]
    public async Task UploadAndDecision_OutliveARestart()
    {
        var store = cluster.NewDatabase();
        string id;
        string finding;
        await using (var first = await TestHost.Start(Data, store: store))
        {
            id = await TestHost.Upload(first.WithToken("ann"), TestHost.Zipped("qinghe-city"));
            Assert.Equal("done", (await TestHost.Finished(first.WithToken("ann"), id)).GetProperty("status").GetString());
            var reviewer = first.WithToken("rita");
            var report = await reviewer.GetFromJsonAsync<JsonElement>($"/api/reviews/{id}/report?format=json");
            finding = report.GetProperty("findings")[0].GetProperty("fingerprint").GetString()!;
            var decided = await reviewer.PostAsJsonAsync($"/api/reviews/{id}/decisions", new { finding, decision = "exception", note = "已批准", document = "清自然资〔2026〕7号" });
            decided.EnsureSuccessStatusCode();
        }

        await using var second = await TestHost.Start(Data, store: store);
        var review = await second.WithToken("rita").GetFromJsonAsync<JsonElement>($"/api/reviews/{id}");

        Assert.Equal("done", review.GetProperty("status").GetString());
        Assert.Equal("exception", Assert.Single(second.Store.DecisionsFor(second.Store.FindReview(id)!)).Decision);
    }

    [SkippableFact]
    public async Task QueuedReview_RunsAfterARestart()
    {
        var store = cluster.NewDatabase();
        string id;
        await using (var first = await TestHost.Start(Data, checks: 0, store: store))
        {
            id = await TestHost.Upload(first.WithToken("ann"), TestHost.Zipped("qinghe-city"));
        }

        // As a kill -9 leaves it: marked running, never finished.
        new DataFolder(Data).OpenStore(store).SetStatus(id, ReviewStatus.Running);
        await using var second = await TestHost.Start(Data, store: store);

        Assert.Equal("done", (await TestHost.Finished(second.WithToken("ann"), id)).GetProperty("status").GetString());
    }
}
