using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ElementFlow.Server.Web;

/// <summary>The page at <c>/</c>: signs in, uploads, lists reviews and shows findings with decisions, all through the API.</summary>
public static class WebPage
{
    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = typeof(WebPage).Assembly.GetManifestResourceStream("ElementFlow.Server.Web.index.html")!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(Page.Value, "text/html; charset=utf-8");
        }).AllowAnonymous();
    }
}
