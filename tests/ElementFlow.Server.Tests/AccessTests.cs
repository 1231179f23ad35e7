using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ElementFlow.Server.Tests;

public class AccessTests : ServerTest
{
    [Fact]
    public async Task Planner_GetsNotFoundForAnotherPlannersReview()
    {
        await using var host = await TestHost.Start(Data, checks: 0);
        var id = await TestHost.Upload(host.WithToken("ann"), TestHost.Zipped("qinghe-city"));
        var bob = host.WithToken("bob");

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/reviews/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/reviews/{id}/report?format=json")).StatusCode);
        Assert.Equal(0, (await bob.GetFromJsonAsync<JsonElement>("/api/reviews")).GetArrayLength());
    }

    [Fact]
    public async Task Reviewer_SeesEveryPlannersReview()
    {
        await using var host = await TestHost.Start(Data, checks: 0);
        await TestHost.Upload(host.WithToken("ann"), TestHost.Zipped("qinghe-city"));
        await TestHost.Upload(host.WithToken("bob"), TestHost.Zipped("qinghe-city"));

        var reviews = await host.WithToken("rita").GetFromJsonAsync<JsonElement>("/api/reviews");

        Assert.Equal(2, reviews.GetArrayLength());
    }

    [Fact]
    public async Task Planner_CannotDecide()
    {
        await using var host = await TestHost.Start(Data);
        var ann = host.WithToken("ann");
        var id = await TestHost.Upload(ann, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(ann, id);
        var finding = await DecisionTests.FirstFingerprint(ann, id);

        var response = await ann.PostAsJsonAsync($"/api/reviews/{id}/decisions", new { finding, decision = "exception", note = "mine", document = "doc" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(host.Store.AuditTrail(), a => a.Action == "decide");
    }

    [Theory]
    [InlineData("..%2F..%2Felementflow.db")]
    [InlineData("..")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task ReviewId_NotAnIdOfOurs_Is404(string id)
    {
        await using var host = await TestHost.Start(Data, checks: 0);
        var rita = host.WithToken("rita");

        Assert.Equal(HttpStatusCode.NotFound, (await rita.GetAsync($"/api/reviews/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rita.GetAsync($"/api/reviews/{id}/report?format=json")).StatusCode);
    }

    [Fact]
    public async Task Users_AreManagedByAdminsOnly()
    {
        await using var host = await TestHost.Start(Data, checks: 0);

        var byReviewer = await host.WithToken("rita").PostAsJsonAsync("/api/users", new { username = "carl", password = "long enough", role = "planner" });
        var byAdmin = await host.WithToken("ada").PostAsJsonAsync("/api/users", new { username = "carl", password = "long enough", role = "planner" });

        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
    }
}
