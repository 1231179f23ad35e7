using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElementFlow.Reports;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Http;

namespace ElementFlow.Server.Api;

/// <summary>
/// <c>GET /api/reviews/{id}/report?format=…</c>: the report as the CLI wrote it at the end of the check; the JSON
/// report also carries the decisions in force, as <c>decision</c> on each finding decided.
/// </summary>
public static class ReportEndpoint
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["json"] = "application/json; charset=utf-8",
        ["sarif"] = "application/sarif+json; charset=utf-8",
        ["geojson"] = "application/geo+json; charset=utf-8",
        ["html"] = "text/html; charset=utf-8",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pdf"] = "application/pdf",
        ["text"] = "text/plain; charset=utf-8",
    };

    public static IResult Get(string id, string? format, HttpContext context, IReviewStore store, DataFolder data)
    {
        if (ReviewEndpoints.Visible(id, context.User, store) is not { } review) return Replies.NotFound(context);
        format = (format ?? "json").ToLowerInvariant();
        if (ReportWriters.Find(format) is null || !ContentTypes.TryGetValue(format, out var contentType))
        {
            return Replies.Error(context, StatusCodes.Status400BadRequest, Messages.UnknownFormat(format, string.Join(", ", ContentTypes.Keys)));
        }

        if (review.Status != ReviewStatus.Done) return Replies.Error(context, StatusCodes.Status409Conflict, Messages.ReviewNotDone);
        var path = data.Report(review.Id, format);
        if (!File.Exists(path))
        {
            var reason = File.Exists(path + ".error") ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path + ".error")) : null;
            var language = Replies.Language(context) == Core.Text.Language.En ? "en" : "zh";
            return Replies.Error(context, StatusCodes.Status503ServiceUnavailable, Messages.FormatUnavailable(format, reason?.GetValueOrDefault(language) ?? "?"));
        }

        var name = $"elementflow-{review.Plan}-v{review.Version}.{format}";
        if (format == "html")
        {
            // The report's own scripts run, but apart from this origin: it cannot read the session.
            context.Response.Headers.ContentSecurityPolicy = "sandbox allow-scripts";
            return Results.File(path, contentType);
        }

        if (format == "json") return Results.Bytes(WithDecisions(File.ReadAllBytes(path), store.DecisionsFor(review)), contentType, name);
        return Results.File(path, contentType, ContentTypes[format].StartsWith("application/", StringComparison.Ordinal) ? name : null);
    }

    /// <summary>The JSON report with <c>decision</c> added to each finding a decision names by fingerprint.</summary>
    public static byte[] WithDecisions(byte[] report, IReadOnlyList<StoredDecision> decisions)
    {
        if (decisions.Count == 0) return report;
        var byFinding = decisions.ToDictionary(d => d.Finding, StringComparer.Ordinal);
        var root = JsonNode.Parse(report)!;
        foreach (var finding in root["findings"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (finding["fingerprint"]?.GetValue<string>() is not { } fingerprint || !byFinding.TryGetValue(fingerprint, out var d)) continue;
            finding["decision"] = new JsonObject
            {
                ["decision"] = d.Decision,
                ["note"] = d.Note,
                ["document"] = d.Document,
                ["by"] = d.User,
                ["at"] = d.At.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["review"] = d.Review,
            };
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The fingerprints of a review's findings, from its JSON report.</summary>
    public static IReadOnlySet<string> Fingerprints(DataFolder data, StoredReview review)
    {
        var path = data.Report(review.Id, "json");
        if (!File.Exists(path)) return new HashSet<string>();
        var root = JsonNode.Parse(File.ReadAllBytes(path))!;
        return (root["findings"]?.AsArray().OfType<JsonObject>() ?? []).Select(f => f["fingerprint"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }
}
