using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ElementFlow.Server.Api;

/// <summary>How the API answers: errors as <c>{error, diagnostics}</c> in the caller's language.</summary>
public static class Replies
{
    /// <summary><c>?lang=en|zh</c>, else an Accept-Language that starts with English, else the server's language.</summary>
    public static Language Language(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        if (asked == "en") return Core.Text.Language.En;
        if (asked == "zh") return Core.Text.Language.Zh;
        var accept = context.Request.Headers.AcceptLanguage.ToString();
        if (accept.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return Core.Text.Language.En;
        if (accept.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return Core.Text.Language.Zh;
        return context.RequestServices.GetService<ServerOptions>()?.Language ?? Core.Text.Language.Zh;
    }

    public static IResult Error(HttpContext context, int status, LocalizedText message, IEnumerable<Diagnostic>? diagnostics = null)
    {
        var language = Language(context);
        return Results.Json(new
        {
            error = message[language],
            diagnostics = (diagnostics ?? []).Select(d => new { code = d.Code, severity = d.Severity.ToString().ToLowerInvariant(), message = d.Format(language) }).ToList(),
        }, statusCode: status);
    }

    public static IResult NotFound(HttpContext context) => Error(context, StatusCodes.Status404NotFound, Messages.ReviewNotFound);

    public static IResult Forbidden(HttpContext context) => Error(context, StatusCodes.Status403Forbidden, Messages.Forbidden);
}
