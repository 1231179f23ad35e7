namespace ElementFlow.Review.Ledger;

/// <summary>
/// Where a review keeps what is done, so that a run cut short resumes without redoing finished tasks. Every write
/// is atomic (a task is either finished or not) and idempotent: the first record of a task wins, and a worker whose
/// attempt was superseded (a lease that expired, a silo declared dead) cannot overwrite it.
/// </summary>
public interface IReviewLedger
{
    /// <summary>A short text naming where the ledger is, for messages.</summary>
    string Name { get; }

    /// <summary>The finished record of a task, or null.</summary>
    TaskRecord? Find(string taskId);

    /// <summary>How many attempts of the task have begun (a crash in the middle counts).</summary>
    int Attempts(string taskId);

    /// <summary>Records that an attempt begins, before any work; returns its number (1 for the first), the attempt's fence.</summary>
    long BeginAttempt(string taskId, string worker);

    /// <summary>Stores a finished task; false when a record is already there or <see cref="TaskRecord.Fence"/> is stale (nothing is written then).</summary>
    bool Complete(TaskRecord record);
}
