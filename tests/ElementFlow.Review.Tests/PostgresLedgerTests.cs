using System.Text.Json.Nodes;
using ElementFlow.Review.Ledger;
using ElementFlow.Tests.Shared;

namespace ElementFlow.Review.Tests;

/// <summary>The PostgreSQL ledger: the same contract as the folder one (idempotent, fenced), shared by processes.</summary>
public class PostgresLedgerTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private static TaskRecord Record(string worker, long fence) =>
        new("plan-a", TaskKind.Plan, ["a"], TaskOutcome.Done, (int)fence, 1.5, worker, null, new JsonObject { ["findings"] = new JsonArray() }) { Fence = fence };

    private PostgresLedger Ledger(string review)
    {
        cluster.Require();
        return new PostgresLedger(cluster.ConnectionString!, review);
    }

    [SkippableFact]
    public void Complete_TwiceForOneTask_KeepsTheFirstRecord()
    {
        using var ledger = Ledger(Guid.NewGuid().ToString());
        ledger.BeginAttempt("plan-a", "w1");

        Assert.True(ledger.Complete(Record("w1", 1)));
        Assert.False(ledger.Complete(Record("w2", 1)));
        Assert.Equal("w1", ledger.Find("plan-a")!.Worker);
    }

    [SkippableFact]
    public void Complete_FromASupersededAttempt_IsRefused()
    {
        using var ledger = Ledger(Guid.NewGuid().ToString());
        ledger.BeginAttempt("plan-a", "slow");
        ledger.BeginAttempt("plan-a", "retry");

        Assert.False(ledger.Complete(Record("slow", 1)));
        Assert.Null(ledger.Find("plan-a"));
    }

    [SkippableFact]
    public void Renew_AfterALaterAttemptBegan_IsRefused()
    {
        using var ledger = Ledger(Guid.NewGuid().ToString());
        var first = ledger.BeginAttempt("plan-a", "silent", DateTimeOffset.UtcNow.AddSeconds(30));
        ledger.BeginAttempt("plan-a", "retry", DateTimeOffset.UtcNow.AddSeconds(30));

        Assert.False(ledger.Renew("plan-a", first, DateTimeOffset.UtcNow.AddMinutes(5)));
        Assert.Equal("retry", ledger.Latest("plan-a")!.Worker);
    }

    [SkippableFact]
    public void Abandon_EndsTheLeaseAndKeepsTheError()
    {
        using var ledger = Ledger(Guid.NewGuid().ToString());
        var fence = ledger.BeginAttempt("plan-a", "w1", DateTimeOffset.UtcNow.AddMinutes(5));

        ledger.Abandon("plan-a", fence, "InvalidOperationException: boom");

        var latest = ledger.Latest("plan-a")!;
        Assert.True(latest.Expired(DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Equal("InvalidOperationException: boom", latest.Error);
    }

    [SkippableFact]
    public void Complete_KeepsTheReportsKeyOrder()
    {
        using var ledger = Ledger(Guid.NewGuid().ToString());
        ledger.BeginAttempt("plan-a", "w1");
        var report = new JsonObject { ["schema"] = "elementflow/report/v1", ["findings"] = new JsonArray(new JsonObject { ["rule"] = "DATA-008", ["severity"] = "error", ["plan"] = "a" }) };

        ledger.Complete(new TaskRecord("plan-a", TaskKind.Plan, ["a"], TaskOutcome.Done, 1, 1, "w1", null, report) { Fence = 1 });

        Assert.Equal(report.ToJsonString(), ledger.Find("plan-a")!.Report.ToJsonString());
    }

    [SkippableFact]
    public void Attempts_AreCountedPerReview()
    {
        var review = Guid.NewGuid().ToString();
        using (var first = Ledger(review)) first.BeginAttempt("plan-a", "w1");
        using var other = Ledger(Guid.NewGuid().ToString());
        using var again = Ledger(review);

        Assert.Equal(0, other.Attempts("plan-a"));
        Assert.Equal(1, again.Attempts("plan-a"));
    }

    [SkippableFact]
    public void Review_WithAPostgresLedger_ResumesFromIt()
    {
        var review = Guid.NewGuid().ToString();
        using var ledger = Ledger(review);
        var output = Reviews.TempFolder();
        var first = new ReviewRunner().Run(Reviews.Request(Repo.Examples, output) with { Ledger = ledger });
        var counting = new ScriptedRunner(new CheckTaskRunner(Reviews.Template([]), "0.1.0"));

        var second = new ReviewRunner().Run(Reviews.Request(Repo.Examples, Reviews.TempFolder(), counting) with { Ledger = ledger });

        Assert.Equal(0, counting.Runs);
        Assert.True(JsonNode.DeepEquals(first.Report, second.Report));
    }
}
