using System.Diagnostics;
using System.Text.Json.Nodes;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.Reports;
using ElementFlow.Review.Ledger;

namespace ElementFlow.Review;

/// <summary>
/// One task through the ledger, the same on every worker: a finished task is taken from the ledger; otherwise each
/// attempt is recorded before it starts (so a worker that dies in the middle still counts one), and a task that has
/// used its attempts becomes ENGINE-FAILED findings for its plans instead of a hole in the report.
/// </summary>
public static class TaskExecution
{
    public const string EngineFailed = "ENGINE-FAILED";

    /// <returns>The task's record as the ledger holds it, and whether it was already there.</returns>
    public static (TaskRecord Record, bool Resumed) Execute(ReviewTask task, ITaskRunner runner, IReviewLedger ledger, int maxAttempts, string worker, Language language, string toolVersion, CancellationToken cancellation)
    {
        if (ledger.Find(task.Id) is { } finished) return (finished, true);
        string? lastError = null;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var attempts = ledger.Attempts(task.Id);
            if (attempts >= maxAttempts)
            {
                var failed = new TaskRecord(task.Id, task.Kind, task.PlanIds, TaskOutcome.Failed, attempts, 0, worker, lastError ?? "the worker stopped during every attempt",
                    FailureReport(task, attempts, lastError, language, toolVersion)) { Fence = attempts };
                ledger.Complete(failed);
                return (ledger.Find(task.Id) ?? failed, false);
            }

            var fence = ledger.BeginAttempt(task.Id, worker);
            var clock = Stopwatch.StartNew();
            try
            {
                var report = runner.Run(task, cancellation);
                var done = new TaskRecord(task.Id, task.Kind, task.PlanIds, TaskOutcome.Done, (int)fence, clock.Elapsed.TotalSeconds, worker, null, report) { Fence = fence };

                // Refused when another worker finished first or this attempt was superseded: theirs stands.
                ledger.Complete(done);
                return (ledger.Find(task.Id) ?? done, false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                lastError = $"{e.GetType().Name}: {e.Message}";
            }
        }
    }

    /// <summary>The report of a task that kept failing: an ENGINE-FAILED error on each of its plans, saying which rules did not run.</summary>
    public static JsonObject FailureReport(ReviewTask task, int attempts, string? error, Language language, string toolVersion)
    {
        var what = task.Kind == TaskKind.Plan ? new LocalizedText("本规划自身的规则", "own rules") : new LocalizedText("跨规划（上下级、要素流动）规则", "cross-plan rules (parent, children, flows)");
        var findings = task.PlanIds.Select(id => new Finding
        {
            Rule = EngineFailed,
            Severity = Severity.Error,
            Plan = id,
            MessageTemplate = new LocalizedText(
                "任务 {task} 尝试 {attempts} 次均未完成，规划 {plan} 的{what}没有检查：{error}",
                "Task {task} failed {attempts} times; the {what} of plan {plan} were not checked: {error}"),
            Arguments = new Dictionary<string, object?>
            {
                ["task"] = task.Id, ["attempts"] = attempts, ["plan"] = id, ["what"] = what, ["error"] = error ?? "the worker stopped",
            },
            Subjects = [new Subject("task", task.Id)],
            Measure = new Measure("attempts", attempts, null),
        }).ToList();
        var report = new Report { Plans = [], RuleSets = [], Findings = findings };
        return CheckTaskRunner.Json(report, new ReportContext(language, toolVersion));
    }
}
