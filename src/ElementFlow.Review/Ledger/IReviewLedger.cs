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

    /// <summary>The task's latest attempt (who, until when it is held, why it was given up), or null before the first.</summary>
    AttemptState? Latest(string taskId);

    /// <summary>
    /// Records that an attempt begins, before any work; returns its number (1 for the first), the attempt's fence.
    /// A worker on another process holds the task until <paramref name="leaseUntil"/> and renews it while it works;
    /// null: no lease (the in-process runner, where the process itself is the lease).
    /// </summary>
    long BeginAttempt(string taskId, string worker, DateTimeOffset? leaseUntil = null);

    /// <summary>Extends the lease of attempt <paramref name="fence"/>; false when a later attempt began or the task is finished: stop working on it.</summary>
    bool Renew(string taskId, long fence, DateTimeOffset until);

    /// <summary>Gives attempt <paramref name="fence"/> up: its lease ends now, and <paramref name="error"/> is kept for the ENGINE-FAILED message.</summary>
    void Abandon(string taskId, long fence, string error);

    /// <summary>Stores a finished task; false when a record is already there or <see cref="TaskRecord.Fence"/> is stale (nothing is written then).</summary>
    bool Complete(TaskRecord record);
}

/// <summary>A task's latest attempt as the ledger holds it.</summary>
/// <param name="LeaseUntil">Until when the worker holds the task; null: no lease (in process).</param>
/// <param name="Error">Why the attempt was given up, when it was.</param>
public sealed record AttemptState(int Attempt, string? Worker, DateTimeOffset? LeaseUntil, string? Error)
{
    /// <summary>True when a worker should be holding the task and its lease has run out (a dead or silent worker, or one that gave up).</summary>
    public bool Expired(DateTimeOffset now) => LeaseUntil is { } until && until <= now;
}
