using System.Net;
using System.Net.Http.Json;

namespace ElementFlow.Server.Tests;

public class SessionTests : ServerTest
{
    [Fact]
    public async Task SignIn_RightPassword_SetsAnHttpOnlySameSiteCookie()
    {
        await using var host = await TestHost.Start(Data);

        var response = await host.Anonymous().PostAsJsonAsync("/api/session", new { username = "ann", password = TestHost.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("elementflow.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_WrongPassword_Is401()
    {
        await using var host = await TestHost.Start(Data);

        var response = await host.Anonymous().PostAsJsonAsync("/api/session", new { username = "ann", password = "wrong password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignedInCookie_ListsReviews()
    {
        await using var host = await TestHost.Start(Data);
        var client = await host.SignedIn("ann");

        var response = await client.GetAsync("/api/reviews");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/reviews")]
    [InlineData("POST", "/api/reviews")]
    [InlineData("GET", "/api/session")]
    [InlineData("GET", "/api/reviews/0123456789abcdef0123456789abcdef")]
    [InlineData("GET", "/api/users")]
    public async Task Api_WithoutCredentials_Is401(string method, string path)
    {
        await using var host = await TestHost.Start(Data);

        var response = await host.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BearerToken_IsAcceptedInsteadOfACookie()
    {
        await using var host = await TestHost.Start(Data);

        var response = await host.WithToken("rita").GetAsync("/api/reviews");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownBearerToken_Is401()
    {
        await using var host = await TestHost.Start(Data);
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "ef_not-a-token");

        var response = await client.GetAsync("/api/reviews");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Store_KeepsPasswordsOnlyHashed()
    {
        await using var host = await TestHost.Start(Data);

        var user = host.Store.FindUser("ann")!;

        Assert.DoesNotContain(TestHost.Password, user.PasswordHash, StringComparison.Ordinal);
        Assert.True(Security.Passwords.Verify(user, TestHost.Password));
    }

    [Fact]
    public async Task WebPage_IsServedWithoutSigningIn()
    {
        await using var host = await TestHost.Start(Data);

        var response = await host.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/session", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
