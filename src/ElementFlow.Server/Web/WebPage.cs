using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ElementFlow.Server.Web;

/// <summary>
/// The page at <c>/</c> and its static files under <c>/static/</c>: signs in, uploads, lists reviews and shows
/// findings with decisions and the plan's map, all through the API. MapLibre GL JS is built into the server (see
/// the csproj); a server built where npm was missing has no map files, and the page says the map is unavailable.
/// </summary>
public static class WebPage
{
    private const string Prefix = "ElementFlow.Server.Web.";

    /// <summary>The files under /static/ and their types; nothing else is served from the assembly.</summary>
    private static readonly Dictionary<string, string> StaticFiles = new(StringComparer.Ordinal)
    {
        ["maplibre-gl.mjs"] = "text/javascript; charset=utf-8",
        ["maplibre-gl-worker.mjs"] = "text/javascript; charset=utf-8",
        ["maplibre-gl.css"] = "text/css; charset=utf-8",
    };

    private const string Policy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'";

    private static readonly Lazy<byte[]> Page = new(() => Resource("index.html")!);

    /// <summary>True when the map library was built in.</summary>
    public static bool HasMap { get; } = typeof(WebPage).Assembly.GetManifestResourceInfo(Prefix + "static.maplibre-gl.mjs") is not null;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = Policy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(Page.Value, "text/html; charset=utf-8");
        }).AllowAnonymous();
        app.MapGet("/static/{name}", (string name, HttpContext context) =>
        {
            if (!StaticFiles.TryGetValue(name, out var type) || Resource("static." + name) is not { } bytes) return Results.NotFound();
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(bytes, type);
        }).AllowAnonymous();
    }

    private static byte[]? Resource(string name)
    {
        using var stream = typeof(WebPage).Assembly.GetManifestResourceStream(Prefix + name);
        if (stream is null) return null;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
