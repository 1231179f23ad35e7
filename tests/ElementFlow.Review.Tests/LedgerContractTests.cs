using System.Text.Json.Nodes;
using ElementFlow.Review.Ledger;

namespace ElementFlow.Review.Tests;

/// <summary>What every ledger promises (idempotent, fenced, leased, keeping the report as written), run against each kind.</summary>
public abstract class LedgerContractTests
{
    /// <summary>A new, empty ledger of the kind under test.</summary>
    protected abstract IReviewLedger NewLedger();

    protected static TaskRecord Record(string worker, long fence, JsonObject? report = null) =>
        new("plan-a", TaskKind.Plan, ["a"], TaskOutcome.Done, (int)fence, 1.5, worker, null, report ?? new JsonObject { ["findings"] = new JsonArray() }) { Fence = fence };

    [SkippableFact]
    public void Complete_TwiceForOneTask_KeepsTheFirstRecord()
    {
        var ledger = NewLedger();
        using var owned = ledger as IDisposable;
        ledger.BeginAttempt("plan-a", "w1");

        Assert.True(ledger.Complete(Record("w1", 1)));
        Assert.False(ledger.Complete(Record("w2", 1)));
        Assert.Equal("w1", ledger.Find("plan-a")!.Worker);
    }

    [SkippableFact]
    public void Complete_FromASupersededAttempt_IsRefused()
    {
        // A worker cut off (its lease expired) finishes late: the attempt begun after it holds the task.
        var ledger = NewLedger();
        using var owned = ledger as IDisposable;
        ledger.BeginAttempt("plan-a", "slow");
        ledger.BeginAttempt("plan-a", "retry");

        Assert.False(ledger.Complete(Record("slow", 1)));
        Assert.Null(ledger.Find("plan-a"));
    }

    [SkippableFact]
    public void Renew_AfterALaterAttemptBegan_IsRefused()
    {
        var ledger = NewLedger();
        using var owned = ledger as IDisposable;
        var first = ledger.BeginAttempt("plan-a", "silent", DateTimeOffset.UtcNow.AddSeconds(30));
        ledger.BeginAttempt("plan-a", "retry", DateTimeOffset.UtcNow.AddSeconds(30));

        Assert.False(ledger.Renew("plan-a", first, DateTimeOffset.UtcNow.AddMinutes(5)));
        Assert.Equal("retry", ledger.Latest("plan-a")!.Worker);
    }

    [SkippableFact]
    public void Abandon_EndsTheLeaseAndKeepsTheError()
    {
        var ledger = NewLedger();
        using var owned = ledger as IDisposable;
        var fence = ledger.BeginAttempt("plan-a", "w1", DateTimeOffset.UtcNow.AddMinutes(5));

        ledger.Abandon("plan-a", fence, "InvalidOperationException: boom");

        var latest = ledger.Latest("plan-a")!;
        Assert.True(latest.Expired(DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Equal("InvalidOperationException: boom", latest.Error);
    }

    [SkippableFact]
    public void Complete_KeepsTheReportsKeyOrder()
    {
        var ledger = NewLedger();
        using var owned = ledger as IDisposable;
        ledger.BeginAttempt("plan-a", "w1");
        var report = new JsonObject { ["schema"] = "elementflow/report/v1", ["findings"] = new JsonArray(new JsonObject { ["rule"] = "DATA-008", ["severity"] = "error", ["plan"] = "a" }) };

        ledger.Complete(Record("w1", 1, report));

        Assert.Equal(report.ToJsonString(), ledger.Find("plan-a")!.Report.ToJsonString());
    }
}
