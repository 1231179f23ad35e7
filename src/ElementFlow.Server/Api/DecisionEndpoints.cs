using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ElementFlow.Server.Api;

/// <summary><c>/api/reviews/{id}/decisions</c>: a reviewer confirms a finding, grants an exception or comments; each one audited.</summary>
public static class DecisionEndpoints
{
    /// <summary>The decision body; <c>finding</c> is the finding's fingerprint.</summary>
    public sealed record DecisionBody(string? Finding, string? Decision, string? Note, string? Document);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reviews/{id}/decisions", Decide).AddEndpointFilter<AntiforgeryCheck>();
        app.MapGet("/api/reviews/{id}/decisions", (string id, HttpContext context, IReviewStore store) =>
            ReviewEndpoints.Visible(id, context.User, store) is { } review ? Results.Ok(store.DecisionsFor(review).Select(View).ToList()) : Replies.NotFound(context));
    }

    private static async Task<IResult> Decide(string id, HttpContext context, IReviewStore store, DataFolder data)
    {
        if (ReviewEndpoints.Visible(id, context.User, store) is not { } review) return Replies.NotFound(context);
        if (!context.User.Role().Reviews()) return Replies.Forbidden(context);
        if (review.Status != ReviewStatus.Done) return Replies.Error(context, StatusCodes.Status409Conflict, Messages.ReviewNotDone);

        DecisionBody? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<DecisionBody>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            body = null;
        }

        if (body is not { Finding: { } finding, Decision: { } decision }) return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.BadDecisionBody);
        if (!Decisions.All.Contains(decision)) return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.BadDecision);
        if (!ReportEndpoint.Fingerprints(data, review).Contains(finding)) return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.UnknownFinding(finding));

        var stored = store.AddDecision(review, finding, decision, body.Note, body.Document, context.User.Name(), DateTimeOffset.UtcNow);
        return Results.Created($"/api/reviews/{review.Id}/decisions", View(stored));
    }

    private static object View(StoredDecision d) => new
    {
        id = d.Id, review = d.Review, plan = d.Plan, finding = d.Finding, decision = d.Decision, note = d.Note, document = d.Document, by = d.User, at = d.At,
    };
}
