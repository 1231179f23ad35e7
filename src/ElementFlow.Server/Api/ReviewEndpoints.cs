using System.Security.Claims;
using System.Text.Json;
using ElementFlow.Server.Queue;
using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ElementFlow.Server.Api;

/// <summary><c>/api/reviews</c>: upload a package, list reviews, see one, download its report.</summary>
public static class ReviewEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reviews", UploadReceiver.Receive).AddEndpointFilter<AntiforgeryCheck>();
        app.MapGet("/api/reviews", (HttpContext context, IReviewStore store, ReviewQueue queue) =>
        {
            var positions = queue.Positions();
            return Results.Ok(store.Reviews(context.User.Role().Reviews() ? null : context.User.Name()).Select(r => View(r, queue, positions)).ToList());
        });
        app.MapGet("/api/reviews/{id}", (string id, HttpContext context, IReviewStore store, ReviewQueue queue) =>
            Visible(id, context.User, store) is { } review ? Results.Ok(View(review, queue, queue.Positions())) : Replies.NotFound(context));
        app.MapGet("/api/reviews/{id}/report", ReportEndpoint.Get);
    }

    /// <summary>The review, when the id is well formed, exists and the caller may see it; else null (a 404, whichever it was).</summary>
    public static StoredReview? Visible(string id, ClaimsPrincipal user, IReviewStore store) =>
        ReviewIds.IsValid(id) && store.FindReview(id) is { } review && (user.Role().Reviews() || review.Owner == user.Name()) ? review : null;

    private static object View(StoredReview r, ReviewQueue queue, IReadOnlyDictionary<string, int> positions) => new
    {
        id = r.Id,
        plan = r.Plan,
        version = r.Version,
        status = r.Status.ToString().ToLowerInvariant(),
        progress = r.Status switch
        {
            ReviewStatus.Done or ReviewStatus.Failed => 1.0,
            ReviewStatus.Running => Math.Round(queue.Progress(r.Id) ?? 0, 3),
            _ => 0.0,
        },
        position = positions.TryGetValue(r.Id, out var place) ? place : (int?)null,
        summary = r.Summary is { } s ? JsonDocument.Parse(s).RootElement : (JsonElement?)null,
        error = r.Error,
        owner = r.Owner,
        file = r.FileName,
        uploaded = r.UploadedAt,
        finished = r.FinishedAt,
    };
}
