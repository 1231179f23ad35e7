using System.Text.Json.Nodes;
using ElementFlow.Review.Ledger;
using ElementFlow.Tests.Shared;

namespace ElementFlow.Review.Tests;

/// <summary>The PostgreSQL ledger: the same contract as the folder one (idempotent, fenced), shared by processes.</summary>
public class PostgresLedgerTests(PostgresCluster cluster) : LedgerContractTests, IClassFixture<PostgresCluster>
{
    protected override IReviewLedger NewLedger() => Ledger(Guid.NewGuid().ToString());

    private PostgresLedger Ledger(string review)
    {
        cluster.Require();
        return new PostgresLedger(cluster.ConnectionString!, review);
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
