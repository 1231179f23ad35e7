using System.Text.Json.Nodes;
using ElementFlow.Review.Ledger;

namespace ElementFlow.Review.Tests;

/// <summary>The folder ledger: atomic, idempotent and fenced writes.</summary>
public class FolderLedgerTests : LedgerContractTests
{
    protected override IReviewLedger NewLedger() => new FolderLedger(Reviews.TempFolder());

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
