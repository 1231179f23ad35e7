using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ElementFlow.Server.Api;

/// <summary><c>/api/session</c>: sign in with a password (a cookie), see who is signed in, sign out.</summary>
public static class SessionEndpoints
{
    /// <summary>The sign-in body.</summary>
    public sealed record Credentials(string? Username, string? Password);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/session", SignIn).AllowAnonymous();
        app.MapGet("/api/session", (HttpContext context, IAntiforgery antiforgery) => Results.Ok(Who(context, antiforgery)));
        app.MapDelete("/api/session", async (HttpContext context) =>
        {
            await context.SignOutAsync(Principals.Cookie);
            return Results.NoContent();
        }).AddEndpointFilter<AntiforgeryCheck>();
    }

    private static async Task<IResult> SignIn(HttpContext context, IReviewStore store, IAntiforgery antiforgery)
    {
        Credentials? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<Credentials>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            body = null;
        }

        if (body is not { Username: { } name, Password: { } password } || store.FindUser(name) is not { } user || !Passwords.Verify(user, password))
        {
            return Replies.Error(context, StatusCodes.Status401Unauthorized, Messages.SignInFailed);
        }

        var principal = Principals.Of(user, Principals.Cookie);
        await context.SignInAsync(Principals.Cookie, principal);
        store.Audit(user.Name, "sign-in", null, "", DateTimeOffset.UtcNow);

        // The anti-forgery token is bound to the user: issue it for the user just signed in.
        context.User = principal;
        return Results.Ok(Who(context, antiforgery));
    }

    private static object Who(HttpContext context, IAntiforgery antiforgery) => new
    {
        username = context.User.Name(),
        role = context.User.Role().Name(),
        csrf = antiforgery.GetAndStoreTokens(context).RequestToken,
    };
}
