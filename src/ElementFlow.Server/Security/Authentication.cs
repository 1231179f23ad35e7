using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ElementFlow.Server.Security;

/// <summary>
/// Who is calling: a session cookie (HttpOnly, SameSite=Strict) or an API token; every call needs one
/// unless its endpoint allows anonymous callers. Failures answer 401/403 as JSON, never a redirect.
/// </summary>
public static class Authentication
{
    private const string Either = "cookie-or-bearer";
    public const string CsrfHeader = "X-CSRF-TOKEN";

    public static void AddTo(IServiceCollection services)
    {
        services.AddAuthentication(Either)
            .AddPolicyScheme(Either, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Principals.Bearer : Principals.Cookie)
            .AddCookie(Principals.Cookie, o =>
            {
                o.Cookie.Name = "elementflow.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c => Refuse(c.HttpContext, StatusCodes.Status401Unauthorized, Messages.SignInRequired);
                o.Events.OnRedirectToAccessDenied = c => Refuse(c.HttpContext, StatusCodes.Status403Forbidden, Messages.Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(Principals.Bearer, null);
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "elementflow.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
    }

    private static Task Refuse(HttpContext context, int status, Core.Text.LocalizedText message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { error = message[Api.Replies.Language(context)] }));
    }
}
