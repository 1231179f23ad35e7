using ElementFlow.Server.Store;
using ElementFlow.Tests.Shared;

namespace ElementFlow.Server.Tests;

/// <summary>What every store keeps, run on the embedded store and on PostgreSQL.</summary>
public abstract class StoreContract : ServerTest
{
    protected abstract IReviewStore Open();

    [SkippableFact]
    public void AddDecision_ReturnsTheDecisionsOwnId()
    {
        var store = Open();
        var review = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);
        store.Audit("ann", "upload", review.Id, "city.zip", DateTimeOffset.UtcNow);

        var first = store.AddDecision(review, new string('a', 64), "confirmed", null, null, "rita", DateTimeOffset.UtcNow);
        var second = store.AddDecision(review, new string('b', 64), "comment", "x", null, "rita", DateTimeOffset.UtcNow);

        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal([first.Id, second.Id], store.DecisionsFor(review).Select(d => d.Id).Order());
    }

    [SkippableFact]
    public void DecisionsFor_TheLatestDecisionOnAFindingWins()
    {
        var store = Open();
        var review = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);
        var finding = new string('a', 64);

        store.AddDecision(review, finding, "confirmed", null, null, "rita", DateTimeOffset.UtcNow);
        store.AddDecision(review, finding, "exception", null, "doc", "rita", DateTimeOffset.UtcNow);

        Assert.Equal("exception", Assert.Single(store.DecisionsFor(review)).Decision);
    }

    [SkippableFact]
    public void DecisionsFor_AnEarlierReviewDoesNotSeeALaterReviewsDecisions()
    {
        var store = Open();
        var first = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);
        var second = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);

        store.AddDecision(second, new string('a', 64), "confirmed", null, null, "rita", DateTimeOffset.UtcNow);

        Assert.Empty(store.DecisionsFor(first));
        Assert.Single(store.DecisionsFor(second));
    }

    [SkippableFact]
    public void AddReview_CountsVersionsPerPlan()
    {
        var store = Open();
        store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);
        store.AddReview(ReviewIds.New(), "ann", "xishan-county", "county.zip", DateTimeOffset.UtcNow);

        var again = store.AddReview(ReviewIds.New(), "bob", "qinghe-city", "city-v2.zip", DateTimeOffset.UtcNow);

        Assert.Equal(2, again.Version);
    }

    [SkippableFact]
    public void AddUser_ANameTaken_IsRefused()
    {
        var store = Open();
        Assert.True(store.AddUser(new StoredUser("wang", Role.Reviewer, "hash")));

        Assert.False(store.AddUser(new StoredUser("wang", Role.Admin, "other")));
        Assert.Equal(Role.Reviewer, store.FindUser("wang")!.Role);
    }

    [SkippableFact]
    public void FindUserByToken_FindsTheTokensUser()
    {
        var store = Open();
        store.AddUser(new StoredUser("li", Role.Planner, "hash"));

        store.AddToken("li", new string('f', 64));

        Assert.Equal("li", store.FindUserByToken(new string('f', 64))?.Name);
        Assert.Null(store.FindUserByToken(new string('e', 64)));
    }

    [SkippableFact]
    public void RequeueInterrupted_PutsRunningReviewsBackInTheQueue()
    {
        var store = Open();
        var cut = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);
        var done = store.AddReview(ReviewIds.New(), "ann", "xishan-county", "county.zip", DateTimeOffset.UtcNow);
        store.SetStatus(cut.Id, ReviewStatus.Running);
        store.SetStatus(done.Id, ReviewStatus.Done, "{}");

        Assert.Equal(1, store.RequeueInterrupted());
        Assert.Equal([cut.Id], store.Queued().Select(r => r.Id));
        Assert.NotNull(store.FindReview(done.Id)!.FinishedAt);
    }

    [SkippableFact]
    public void AuditTrail_KeepsEveryDecisionWithWhoAndWhen()
    {
        var store = Open();
        var review = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);
        var at = new DateTimeOffset(2026, 12, 2, 8, 30, 0, TimeSpan.Zero);

        store.AddDecision(review, new string('a', 64), "exception", "已批准", "自然资发〔2026〕1号", "rita", at);

        var line = Assert.Single(store.AuditTrail());
        Assert.Equal((at, "rita", "decide", review.Id), (line.At, line.User, line.Action, line.Review));
        Assert.Contains("exception", line.Detail, StringComparison.Ordinal);
    }
}

public sealed class SqliteStoreTests : StoreContract
{
    protected override IReviewStore Open() => new DataFolder(Data).OpenStore();
}

public sealed class PostgresStoreTests(PostgresCluster cluster) : StoreContract, IClassFixture<PostgresCluster>
{
    private string? _database;

    protected override IReviewStore Open() => new DataFolder(Data).OpenStore(_database ??= cluster.NewDatabase());
}
