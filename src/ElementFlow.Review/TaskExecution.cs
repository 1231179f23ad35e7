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
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var latest = ledger.Latest(task.Id);
            if (latest is { } l && l.Attempt >= maxAttempts) return (Fail(task, ledger, l, worker, language, toolVersion), false);
            if (Attempt(task, runner, ledger, worker, lease: null, cancellation) is { } record) return (record, false);
        }
    }

    /// <summary>
    /// One attempt: begin it in the ledger (holding a lease renewed every third of <paramref name="lease"/> when given),
    /// run the task, and complete it. Returns the ledger's record, or null when the attempt failed (the error is kept in
    /// the ledger) or was superseded by a later one.
    /// </summary>
    public static TaskRecord? Attempt(ReviewTask task, ITaskRunner runner, IReviewLedger ledger, string worker, TimeSpan? lease, CancellationToken cancellation)
    {
        if (ledger.Find(task.Id) is { } finished) return finished;
        var fence = ledger.BeginAttempt(task.Id, worker, lease is { } l ? DateTimeOffset.UtcNow + l : null);
        using var superseded = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var renewal = lease is { } every ? new Timer(_ =>
        {
            // A lost renewal means another worker has the task now: stop, its record will stand.
            try
            {
                if (!ledger.Renew(task.Id, fence, DateTimeOffset.UtcNow + every)) superseded.Cancel();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The ledger is out of reach for a moment: the lease runs on until the next renewal.
            }
        }, null, every / 3, every / 3) : null;
        var clock = Stopwatch.StartNew();
        try
        {
            var report = runner.Run(task, superseded.Token);
            var done = new TaskRecord(task.Id, task.Kind, task.PlanIds, TaskOutcome.Done, (int)fence, clock.Elapsed.TotalSeconds, worker, null, report) { Fence = fence };

            // Refused when another worker finished first or this attempt was superseded: theirs stands.
            ledger.Complete(done);
            return ledger.Find(task.Id);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (superseded.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ledger.Abandon(task.Id, fence, $"{e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    /// <summary>Records a task that used its attempts as failed: ENGINE-FAILED findings naming the last error.</summary>
    public static TaskRecord Fail(ReviewTask task, IReviewLedger ledger, AttemptState latest, string worker, Language language, string toolVersion)
    {
        var error = latest.Error ?? "the worker stopped during every attempt";
        var failed = new TaskRecord(task.Id, task.Kind, task.PlanIds, TaskOutcome.Failed, latest.Attempt, 0, worker, error,
            FailureReport(task, latest.Attempt, latest.Error, language, toolVersion)) { Fence = latest.Attempt };
        ledger.Complete(failed);
        return ledger.Find(task.Id) ?? failed;
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
