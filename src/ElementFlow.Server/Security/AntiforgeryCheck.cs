using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace ElementFlow.Server.Security;

/// <summary>
/// Refuses a state-changing call signed in by the session cookie without a valid anti-forgery token in
/// <c>X-CSRF-TOKEN</c> (the sign-in answer and <c>GET /api/session</c> hand it out). Token calls are exempt:
/// a browser never adds a bearer token by itself.
/// </summary>
public sealed class AntiforgeryCheck(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Without the header the antiforgery service would look in the form, reading a whole upload first: refuse at once.
        if (http.User.ByCookie() && (!http.Request.Headers.ContainsKey(Authentication.CsrfHeader) || !await antiforgery.IsRequestValidAsync(http)))
        {
            return Api.Replies.Error(http, StatusCodes.Status400BadRequest, Messages.AntiforgeryFailed);
        }

        return await next(context);
    }
}
