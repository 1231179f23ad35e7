namespace ElementFlow.Review.Cluster.Grains;

/// <summary>
/// The review client's ear: a silo says when an attempt of a task ended (done or given up), so the client looks at
/// the ledger at once instead of at its next poll. Only a wake-up; the ledger stays the truth, and the client still
/// polls, so a lost notice costs time, never a task.
/// </summary>
public interface IReviewObserver : IGrainObserver
{
    [Orleans.Concurrency.OneWay]
    Task AttemptEnded(string taskId);
}
