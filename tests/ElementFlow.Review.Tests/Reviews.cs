using System.Text.Json.Nodes;
using ElementFlow.Checking;
using ElementFlow.Core.Text;
using ElementFlow.Reports;
using ElementFlow.Rules;

namespace ElementFlow.Review.Tests;

/// <summary>Requests and comparisons the review tests share.</summary>
internal static class Reviews
{
    public static readonly RuleCatalog Catalog = RuleCatalog.Load([Repo.Rules], Repo.Rules, relativeTo: Repo.Root);

    public static CheckRequest Template(IReadOnlyList<string> plans) => new()
    {
        Plans = plans,
        Rules = Catalog,
        Settings = new CheckSettings { Language = Language.En, AsOf = new DateOnly(2026, 1, 1), SourceRoot = Repo.Root },
    };

    public static ReviewRequest Request(string tree, string output, ITaskRunner? runner = null, int attempts = 3) => new()
    {
        Inputs = [tree],
        Out = output,
        Check = Template([]),
        Runner = runner,
        MaxAttempts = attempts,
        Workers = 2,
    };

    /// <summary>The JSON report <c>check</c> writes for a folder, through the same entry point.</summary>
    public static JsonObject Check(string tree)
    {
        var outcome = new CheckService().Check(Template([tree]));
        return CheckTaskRunner.Json(outcome.Report, outcome.ReportContext(Language.En, "0.1.0", Repo.Root));
    }

    public static List<string> Findings(JsonObject report) =>
        (report["findings"] as JsonArray ?? []).Select(f => f!.ToJsonString()).Order(StringComparer.Ordinal).ToList();

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ef-review-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>A runner that counts what it runs and, for the plans named, throws instead (a worker that always crashes on them).</summary>
internal sealed class ScriptedRunner(ITaskRunner inner, params string[] crashOn) : ITaskRunner
{
    private int _runs;

    public int Runs => _runs;

    public JsonObject Run(ReviewTask task, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _runs);
        if (task.Kind == TaskKind.Plan && task.PlanIds.Any(crashOn.Contains)) throw new InvalidOperationException($"worker crashed on {string.Join(", ", task.PlanIds)}");
        return inner.Run(task, cancellation);
    }
}
