using System.Text.Json.Nodes;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ElementFlow.Server.Api;

/// <summary>
/// <c>GET /api/reviews/{id}/compare/{otherId}</c>: two versions of one plan side by side, by fingerprint. Taking the
/// other review as the baseline, a finding is <c>new</c> (only in this review), <c>unchanged</c> (in both) or
/// <c>fixed</c> (only in the other); each carries the decision in force in the review it is listed from, so the
/// decisions carried forward show on the unchanged ones.
/// </summary>
public static class CompareEndpoint
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/reviews/{id}/compare/{otherId}", Compare);

    private static IResult Compare(string id, string otherId, HttpContext context, IReviewStore store, DataFolder data)
    {
        if (ReviewEndpoints.Visible(id, context.User, store) is not { } review) return Replies.NotFound(context);
        if (ReviewEndpoints.Visible(otherId, context.User, store) is not { } other) return Replies.NotFound(context);
        if (review.Plan != other.Plan) return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.OtherPlan(review.Plan, other.Plan));
        if (review.Status != ReviewStatus.Done || other.Status != ReviewStatus.Done) return Replies.Error(context, StatusCodes.Status409Conflict, Messages.ReviewNotDone);

        var these = Findings(data, store, review);
        var those = Findings(data, store, other);
        var before = those.Select(Fingerprint).ToHashSet(StringComparer.Ordinal);
        var now = these.Select(Fingerprint).ToHashSet(StringComparer.Ordinal);
        var listed = new JsonArray();
        foreach (var f in these) listed.Add(With(f, before.Contains(Fingerprint(f)) ? "unchanged" : "new"));
        foreach (var f in those.Where(f => !now.Contains(Fingerprint(f)))) listed.Add(With(f, "fixed"));
        var states = listed.Select(f => f!["state"]!.GetValue<string>()).ToList();
        var reply = new JsonObject
        {
            ["review"] = review.Id,
            ["other"] = other.Id,
            ["plan"] = review.Plan,
            ["version"] = review.Version,
            ["other_version"] = other.Version,
            ["new"] = states.Count(s => s == "new"),
            ["fixed"] = states.Count(s => s == "fixed"),
            ["unchanged"] = states.Count(s => s == "unchanged"),
            ["findings"] = listed,
        };
        return Results.Text(reply.ToJsonString(), "application/json; charset=utf-8");
    }

    private static List<JsonObject> Findings(DataFolder data, IReviewStore store, StoredReview review)
    {
        var path = data.Report(review.Id, "json");
        if (!File.Exists(path)) return [];
        var root = JsonNode.Parse(ReportEndpoint.WithDecisions(File.ReadAllBytes(path), store.DecisionsFor(review)))!;
        return (root["findings"]?.AsArray().OfType<JsonObject>() ?? []).Where(f => f["fingerprint"] is not null).ToList();
    }

    private static string Fingerprint(JsonObject finding) => finding["fingerprint"]!.GetValue<string>();

    private static JsonObject With(JsonObject finding, string state)
    {
        var copy = (JsonObject)finding.DeepClone();
        copy["state"] = state;
        return copy;
    }
}
