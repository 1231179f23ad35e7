using System.Text.Json.Nodes;
using ElementFlow.Review.Ledger;

namespace ElementFlow.Review.Tests;

/// <summary>The folder ledger: atomic, idempotent and fenced writes.</summary>
public class FolderLedgerTests
{
    private static TaskRecord Record(string worker, long fence) =>
        new("plan-a", TaskKind.Plan, ["a"], TaskOutcome.Done, (int)fence, 1.5, worker, null, new JsonObject { ["findings"] = new JsonArray() }) { Fence = fence };

    [Fact]
    public void Complete_TwiceForOneTask_KeepsTheFirstRecord()
    {
        var ledger = new FolderLedger(Reviews.TempFolder());
        ledger.BeginAttempt("plan-a", "w1");

        var first = ledger.Complete(Record("w1", 1));
        var second = ledger.Complete(Record("w2", 1));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("w1", ledger.Find("plan-a")!.Worker);
    }

    [Fact]
    public void Complete_FromASupersededAttempt_IsRefused()
    {
        // A worker cut off (its lease expired) finishes late: the attempt begun after it holds the task.
        var ledger = new FolderLedger(Reviews.TempFolder());
        ledger.BeginAttempt("plan-a", "slow");
        ledger.BeginAttempt("plan-a", "retry");

        var late = ledger.Complete(Record("slow", 1));

        Assert.False(late);
        Assert.Null(ledger.Find("plan-a"));
    }

    [Fact]
    public void Renew_AfterALaterAttemptBegan_IsRefused()
    {
        var ledger = new FolderLedger(Reviews.TempFolder());
        var first = ledger.BeginAttempt("plan-a", "silent", DateTimeOffset.UtcNow.AddSeconds(30));
        ledger.BeginAttempt("plan-a", "retry", DateTimeOffset.UtcNow.AddSeconds(30));

        Assert.False(ledger.Renew("plan-a", first, DateTimeOffset.UtcNow.AddMinutes(5)));
        Assert.Equal("retry", ledger.Latest("plan-a")!.Worker);
    }

    [Fact]
    public void Abandon_EndsTheLeaseAndKeepsTheError()
    {
        var ledger = new FolderLedger(Reviews.TempFolder());
        var fence = ledger.BeginAttempt("plan-a", "w1", DateTimeOffset.UtcNow.AddMinutes(5));

        ledger.Abandon("plan-a", fence, "InvalidOperationException: boom");

        var latest = ledger.Latest("plan-a")!;
        Assert.True(latest.Expired(DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Equal("InvalidOperationException: boom", latest.Error);
    }

    [Fact]
    public void Latest_OfALedgerWrittenBeforeLeases_ReadsTheCount()
    {
        var folder = Reviews.TempFolder();
        File.WriteAllText(Path.Combine(folder, "plan-a.attempts"), "2");

        Assert.Equal(2, new FolderLedger(folder).Attempts("plan-a"));
    }

    [Fact]
    public void BeginAttempt_FromManyLedgersAtOnce_CountsEveryAttempt()
    {
        // Silos on one host share the folder: each ledger instance stands for a process.
        var folder = Reviews.TempFolder();

        Parallel.For(0, 40, i => new FolderLedger(folder).BeginAttempt("plan-a", $"w{i}"));

        Assert.Equal(40, new FolderLedger(folder).Attempts("plan-a"));
    }

    [Fact]
    public void BeginAttempt_CountsAttemptsAcrossLedgerInstances()
    {
        var folder = Reviews.TempFolder();
        new FolderLedger(folder).BeginAttempt("plan-a", "w1");

        var second = new FolderLedger(folder).BeginAttempt("plan-a", "w2");

        Assert.Equal(2, second);
    }

    [Fact]
    public void Complete_LeavesNoTemporaryFileBehind()
    {
        var folder = Reviews.TempFolder();
        var ledger = new FolderLedger(folder);
        ledger.BeginAttempt("plan-a", "w1");

        ledger.Complete(Record("w1", 1));

        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }
}
