using ElementFlow.Server.Map;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ElementFlow.Server.Api;

/// <summary>
/// The review's map: <c>GET /api/reviews/{id}/map</c> (layers, bounds, the bounds of the features findings name) and
/// <c>GET /api/reviews/{id}/tiles/{z}/{x}/{y}.mvt</c> (Mapbox vector tiles, longitude and latitude in Web Mercator
/// tiles); whoever may see the review may see its map, and no one else.
/// </summary>
public static class MapEndpoints
{
    public const string TileType = "application/vnd.mapbox-vector-tile";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reviews/{id}/map", (string id, HttpContext context, IReviewStore store, PlanMaps maps) =>
        {
            if (ReviewEndpoints.Visible(id, context.User, store) is not { } review) return Replies.NotFound(context);
            if (review.Status != ReviewStatus.Done) return Replies.Error(context, StatusCodes.Status409Conflict, Messages.ReviewNotDone);
            return maps.Summary(review.Id) is { } json
                ? Results.Text(json, "application/json; charset=utf-8")
                : Replies.Error(context, StatusCodes.Status404NotFound, Messages.NoMap);
        });
        app.MapGet("/api/reviews/{id}/tiles/{z:int}/{x:int}/{y:int}.mvt", (string id, int z, int x, int y, HttpContext context, IReviewStore store, PlanMaps maps) =>
        {
            if (ReviewEndpoints.Visible(id, context.User, store) is not { } review) return Replies.NotFound(context);
            if (review.Status != ReviewStatus.Done) return Replies.Error(context, StatusCodes.Status409Conflict, Messages.ReviewNotDone);
            if (maps.Tile(review.Id, z, x, y) is not { } tile) return Replies.Error(context, StatusCodes.Status404NotFound, Messages.NoMap);

            // A finished review's tiles never change; the browser may keep them for the session (private: they need the sign-in).
            context.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Bytes(tile, TileType);
        });
    }
}
