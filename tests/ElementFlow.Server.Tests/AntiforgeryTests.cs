using System.Net;

namespace ElementFlow.Server.Tests;

public class AntiforgeryTests : ServerTest
{
    [Fact]
    public async Task CookiePost_WithoutTheAntiforgeryToken_IsRejected()
    {
        await using var host = await TestHost.Start(Data, checks: 0);
        var client = await host.SignedIn("ann", csrf: false);

        var response = await client.PostAsync("/api/reviews", TestHost.Package(TestHost.Zipped("qinghe-city")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Store.Reviews(null));
    }

    [Fact]
    public async Task CookiePost_WithAForgedAntiforgeryToken_IsRejected()
    {
        await using var host = await TestHost.Start(Data, checks: 0);
        var client = await host.SignedIn("ann", csrf: false);
        client.DefaultRequestHeaders.Add(Security.Authentication.CsrfHeader, "forged");

        var response = await client.PostAsync("/api/reviews", TestHost.Package(TestHost.Zipped("qinghe-city")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CookiePost_WithTheAntiforgeryToken_IsAccepted()
    {
        await using var host = await TestHost.Start(Data, checks: 0);
        var client = await host.SignedIn("ann");

        var response = await client.PostAsync("/api/reviews", TestHost.Package(TestHost.Zipped("qinghe-city")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task BearerPost_NeedsNoAntiforgeryToken()
    {
        await using var host = await TestHost.Start(Data, checks: 0);

        var response = await host.WithToken("ann").PostAsync("/api/reviews", TestHost.Package(TestHost.Zipped("qinghe-city")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
