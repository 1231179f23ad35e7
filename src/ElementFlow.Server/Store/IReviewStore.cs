namespace ElementFlow.Server.Store;

/// <summary>
/// Where the server keeps users, reviews, decisions and its audit trail. Every write is durable when
/// the call returns. The embedded store is <see cref="SqliteReviewStore"/>; <see cref="PostgresReviewStore"/> keeps the same in PostgreSQL.
/// </summary>
public interface IReviewStore
{
    /// <summary>Adds a user; false when the name is taken.</summary>
    bool AddUser(StoredUser user);

    StoredUser? FindUser(string name);

    /// <summary>The user an API token (by its SHA-256) belongs to.</summary>
    StoredUser? FindUserByToken(string tokenHash);

    void AddToken(string user, string tokenHash);

    IReadOnlyList<StoredUser> Users();

    /// <summary>Adds a queued review; its version is one more than the plan's uploads so far.</summary>
    StoredReview AddReview(string id, string owner, string plan, string fileName, DateTimeOffset at);

    StoredReview? FindReview(string id);

    /// <summary>Reviews newest first; only <paramref name="owner"/>'s when given.</summary>
    IReadOnlyList<StoredReview> Reviews(string? owner);

    /// <summary>Queued reviews in upload order.</summary>
    IReadOnlyList<StoredReview> Queued();

    void SetStatus(string id, ReviewStatus status, string? summary = null, string? error = null);

    /// <summary>Puts reviews left running (a crash, a kill) back in the queue; how many.</summary>
    int RequeueInterrupted();

    StoredDecision AddDecision(StoredReview review, string finding, string decision, string? note, string? document, string user, DateTimeOffset at);

    /// <summary>The decisions in force on a review: its own and those of earlier reviews of its plan, the latest per finding.</summary>
    IReadOnlyList<StoredDecision> DecisionsFor(StoredReview review);

    /// <summary>Records who did what, when.</summary>
    void Audit(string user, string action, string? review, string detail, DateTimeOffset at);

    IReadOnlyList<(DateTimeOffset At, string User, string Action, string? Review, string Detail)> AuditTrail();
}
