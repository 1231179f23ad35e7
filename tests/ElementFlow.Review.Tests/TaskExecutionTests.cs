using System.Text.Json.Nodes;
using ElementFlow.Review.Ledger;

namespace ElementFlow.Review.Tests;

/// <summary>One attempt through the ledger, as a silo runs it: leases renewed while it works, given up when superseded.</summary>
public class TaskExecutionTests
{
    private static readonly ReviewTask Task = new("plan-a", TaskKind.Plan, ["a"], ["a"], []);

    [Fact]
    public void Attempt_SupersededWhileItRuns_StopsAndLeavesTheTaskToTheLaterAttempt()
    {
        var ledger = new FolderLedger(Reviews.TempFolder());
        var runner = new WaitingRunner(() => ledger.BeginAttempt("plan-a", "retry", DateTimeOffset.UtcNow.AddMinutes(1)));

        var record = TaskExecution.Attempt(Task, runner, ledger, "silent", TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Null(record);
        Assert.True(runner.Cancelled);
        Assert.Null(ledger.Find("plan-a"));
    }

    [Fact]
    public void Attempt_ThatThrows_GivesTheAttemptUpWithTheError()
    {
        var ledger = new FolderLedger(Reviews.TempFolder());

        var record = TaskExecution.Attempt(Task, new ScriptedRunner(new WaitingRunner(() => { }), "a"), ledger, "w1", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Null(record);
        var latest = ledger.Latest("plan-a")!;
        Assert.True(latest.Expired(DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Contains("worker crashed on a", latest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Attempt_WhileItRuns_KeepsRenewingItsLease()
    {
        // The runner works until it sees the lease moved on (no timing assumption: a loaded machine only waits longer).
        var ledger = new FolderLedger(Reviews.TempFolder());
        DateTimeOffset? first = null;
        var renewed = false;
        var runner = new WaitingRunner(() =>
        {
            first = ledger.Latest("plan-a")!.LeaseUntil;
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (!renewed && DateTime.UtcNow < deadline)
            {
                renewed = ledger.Latest("plan-a")!.LeaseUntil > first;
                Thread.Sleep(20);
            }
        }, TimeSpan.Zero);

        var record = TaskExecution.Attempt(Task, runner, ledger, "w1", TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.NotNull(record);
        Assert.True(renewed, "the attempt never renewed its lease while it worked");
    }

    /// <summary>Does <paramref name="meanwhile"/>, then works for a while (until cancelled), then reports nothing found.</summary>
    private sealed class WaitingRunner(Action meanwhile, TimeSpan? work = null) : ITaskRunner
    {
        public bool Cancelled { get; private set; }

        public JsonObject Run(ReviewTask task, CancellationToken cancellation)
        {
            meanwhile();
            try
            {
                System.Threading.Tasks.Task.Delay(work ?? TimeSpan.FromSeconds(30), cancellation).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }

            return new JsonObject { ["findings"] = new JsonArray() };
        }
    }
}
