using ElementFlow.Server.Store;

namespace ElementFlow.Server.Tests;

public class StoreTests : ServerTest
{
    [Fact]
    public void AddDecision_ReturnsTheDecisionsOwnId()
    {
        var store = new DataFolder(Data).OpenStore();
        var review = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);
        store.Audit("ann", "upload", review.Id, "city.zip", DateTimeOffset.UtcNow);

        var first = store.AddDecision(review, new string('a', 64), "confirmed", null, null, "rita", DateTimeOffset.UtcNow);
        var second = store.AddDecision(review, new string('b', 64), "comment", "x", null, "rita", DateTimeOffset.UtcNow);

        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal([first.Id, second.Id], store.DecisionsFor(review).Select(d => d.Id).Order());
    }

    [Fact]
    public void DecisionsFor_TheLatestDecisionOnAFindingWins()
    {
        var store = new DataFolder(Data).OpenStore();
        var review = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);
        var finding = new string('a', 64);

        store.AddDecision(review, finding, "confirmed", null, null, "rita", DateTimeOffset.UtcNow);
        store.AddDecision(review, finding, "exception", null, "doc", "rita", DateTimeOffset.UtcNow);

        Assert.Equal("exception", Assert.Single(store.DecisionsFor(review)).Decision);
    }

    [Fact]
    public void DecisionsFor_AnEarlierReviewDoesNotSeeALaterReviewsDecisions()
    {
        var store = new DataFolder(Data).OpenStore();
        var first = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);
        var second = store.AddReview(ReviewIds.New(), "ann", "qinghe-city", "city.zip", DateTimeOffset.UtcNow);

        store.AddDecision(second, new string('a', 64), "confirmed", null, null, "rita", DateTimeOffset.UtcNow);

        Assert.Empty(store.DecisionsFor(first));
        Assert.Single(store.DecisionsFor(second));
    }
}
