using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElementFlow.Review.Ledger;

namespace ElementFlow.Review;

/// <summary>Where a review is: tasks finished of all, and the one that just ended.</summary>
public sealed record ReviewProgress(int Done, int Total, TaskRecord Task, bool Resumed);

/// <summary>What a review produced: the merged report and the records it was merged from.</summary>
public sealed record ReviewResult(JsonObject Report, ReviewIndex Index, IReadOnlyList<TaskRecord> Records, TimeSpan Elapsed)
{
    /// <summary>True when some input could not be read (an error diagnostic) or some rule was skipped: exit 2, as <c>check</c>.</summary>
    public bool HasInputErrors => (Report["diagnostics"] as JsonArray ?? []).Any(d => (string?)d?["severity"] == "error")
        || (Report["skipped"] as JsonArray ?? []).Count > 0;

    /// <summary>True when an unwaived finding is at or above <paramref name="threshold"/>.</summary>
    public bool FailsAt(Core.Findings.Severity? threshold) => threshold is { } t && (Report["findings"] as JsonArray ?? []).OfType<JsonObject>()
        .Any(f => f["waived_by"] is not JsonObject && Core.Findings.Severities.TryParse((string?)f["severity"], out var s) && s >= t);
}

/// <summary>
/// A national review (DESIGN §9): index the plans, run a task per plan and a cross-plan task per parent through the
/// ledger, merge, and write <c>report.json</c>, <c>plans/&lt;id&gt;.json</c> and <c>review.json</c> into the output folder.
/// A second run with the same output folder (and ledger) takes finished tasks from the ledger.
/// </summary>
public sealed class ReviewRunner
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Raised as each task ends (or is found finished in the ledger), one at a time.</summary>
    public event EventHandler<ReviewProgress>? Progress;

    /// <summary>Raised once the plans are indexed: how many tasks there are.</summary>
    public event EventHandler<ReviewIndex>? Indexed;

    public ReviewResult Run(ReviewRequest request, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(request.Out);
        var ledger = request.Ledger ?? new FolderLedger(Path.Combine(request.Out, "ledger"));
        var index = ReviewIndex.Build(request.Inputs, request.Check, cancellation);
        Indexed?.Invoke(this, index);
        var runner = request.Runner ?? new CheckTaskRunner(request.Check, request.ToolVersion);
        var tasks = index.Tasks.ToList();
        var done = 0;
        var gate = new object();
        var records = (request.Dispatcher ?? new InProcessDispatcher()).RunAll(tasks, request, runner, ledger, (record, resumed) =>
        {
            lock (gate) Progress?.Invoke(this, new ReviewProgress(++done, tasks.Count, record, resumed));
        }, cancellation);

        var language = request.Check.Settings.Language;
        var context = new Reports.ReportContext(language, request.ToolVersion);
        var skeleton = CheckTaskRunner.Json(index.Skeleton, context);
        var catalogDiagnostics = request.Check.Rules.Diagnostics.Count;
        var report = ReportMerger.Merge(skeleton, catalogDiagnostics, records);
        WriteJson(Path.Combine(request.Out, "report.json"), report);

        var planFolder = Path.Combine(request.Out, "plans");
        var owners = records.SelectMany(r => r.PlanIds.Select(id => (id, r))).ToLookup(x => x.id, x => x.r, StringComparer.Ordinal);
        foreach (var id in index.Skeleton.Plans.Select(p => p.Id).Distinct(StringComparer.Ordinal))
        {
            var one = ReportMerger.Merge(skeleton, catalogDiagnostics, owners[id].ToList(), new HashSet<string>(StringComparer.Ordinal) { id });
            WriteJson(Path.Combine(planFolder, ReviewIndex.Safe(id) + ".json"), one);
        }

        var result = new ReviewResult(report, index, records, clock.Elapsed);
        WriteJson(Path.Combine(request.Out, "review.json"), Summary(result, ledger, tasks));
        return result;
    }

    /// <summary>review.json: every plan with its status, attempts and seconds; every task; the failures; the wall time.</summary>
    private static JsonObject Summary(ReviewResult result, IReviewLedger ledger, IReadOnlyList<ReviewTask> tasks)
    {
        var records = result.Records;
        var plans = new JsonArray();
        foreach (var entry in result.Index.Skeleton.Plans)
        {
            var own = records.Where(r => r.PlanIds.Contains(entry.Id)).ToList();
            plans.Add(new JsonObject
            {
                ["id"] = entry.Id,
                ["path"] = entry.Path.Replace('\\', '/'),
                ["status"] = own.Any(r => r.Status == TaskOutcome.Failed) ? "failed" : "done",
                ["attempts"] = own.Count == 0 ? 0 : own.Max(r => r.Attempts),
                ["seconds"] = Math.Round(own.Sum(r => r.Seconds), 3),
            });
        }

        return new JsonObject
        {
            ["schema"] = "elementflow/review/v1",
            ["ledger"] = ledger.Name,
            ["wall_seconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
            ["task_count"] = tasks.Count,
            ["plans"] = plans,
            ["tasks"] = new JsonArray(records.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.TaskId,
                ["kind"] = r.Kind.ToString().ToLowerInvariant(),
                ["plans"] = new JsonArray(r.PlanIds.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
                ["status"] = r.Status.ToString().ToLowerInvariant(),
                ["attempts"] = r.Attempts,
                ["seconds"] = Math.Round(r.Seconds, 3),
                ["worker"] = r.Worker,
            }).ToArray()),
            ["failures"] = new JsonArray(records.Where(r => r.Status == TaskOutcome.Failed).Select(r => (JsonNode)new JsonObject
            {
                ["task"] = r.TaskId,
                ["plans"] = new JsonArray(r.PlanIds.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
                ["attempts"] = r.Attempts,
                ["error"] = r.Error,
            }).ToArray()),
        };
    }

    private static void WriteJson(string path, JsonObject json) => AtomicFile.Write(path, json.ToJsonString(Indented) + "\n");
}
