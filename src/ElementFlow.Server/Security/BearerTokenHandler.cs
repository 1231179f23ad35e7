using System.Security.Claims;
using System.Text.Encodings.Web;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElementFlow.Server.Security;

/// <summary>Signs in a call that carries <c>Authorization: Bearer &lt;token&gt;</c> as the token's user.</summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IReviewStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var token = header["Bearer ".Length..].Trim();
        if (store.FindUserByToken(Tokens.Hash(token)) is not { } user) return Task.FromResult(AuthenticateResult.Fail("unknown token"));
        var principal = Principals.Of(user, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }
}

/// <summary>The claims a signed-in user carries: name and role, and how they signed in.</summary>
public static class Principals
{
    public const string Cookie = "Cookies";
    public const string Bearer = "Bearer";

    public static ClaimsPrincipal Of(StoredUser user, string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, user.Name), new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role.Name())],
        scheme, ClaimTypes.Name, ClaimTypes.Role));

    public static string Name(this ClaimsPrincipal principal) => principal.Identity?.Name ?? "";

    public static Role Role(this ClaimsPrincipal principal) =>
        Roles.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : Store.Role.Planner;

    /// <summary>True when the call was signed in by the session cookie (and so needs the anti-forgery token to change anything).</summary>
    public static bool ByCookie(this ClaimsPrincipal principal) => principal.Identity?.AuthenticationType == Cookie;
}
