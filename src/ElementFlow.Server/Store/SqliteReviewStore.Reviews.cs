using Microsoft.Data.Sqlite;

namespace ElementFlow.Server.Store;

public sealed partial class SqliteReviewStore
{
    private const string ReviewColumns = "id, seq, owner, plan, version, file, status, uploaded, finished, summary, error";

    public StoredReview AddReview(string id, string owner, string plan, string fileName, DateTimeOffset at)
    {
        using var db = Open();
        using var transaction = db.BeginTransaction();
        Execute(db, """
            INSERT INTO reviews (id, owner, plan, version, file, status, uploaded)
            VALUES ($id, $owner, $plan, (SELECT COUNT(*) + 1 FROM reviews WHERE plan = $plan), $file, 'queued', $at)
            """, ("$id", id), ("$owner", owner), ("$plan", plan), ("$file", fileName), ("$at", Time(at)));
        transaction.Commit();
        return FindReview(db, id)!;
    }

    public StoredReview? FindReview(string id)
    {
        using var db = Open();
        return FindReview(db, id);
    }

    private static StoredReview? FindReview(SqliteConnection db, string id) =>
        Query(db, $"SELECT {ReviewColumns} FROM reviews WHERE id = $id", ReadReview, ("$id", id)).FirstOrDefault();

    public IReadOnlyList<StoredReview> Reviews(string? owner)
    {
        using var db = Open();
        return owner is null
            ? Query(db, $"SELECT {ReviewColumns} FROM reviews ORDER BY seq DESC", ReadReview)
            : Query(db, $"SELECT {ReviewColumns} FROM reviews WHERE owner = $owner ORDER BY seq DESC", ReadReview, ("$owner", owner));
    }

    public IReadOnlyList<StoredReview> Queued()
    {
        using var db = Open();
        return Query(db, $"SELECT {ReviewColumns} FROM reviews WHERE status = 'queued' ORDER BY seq", ReadReview);
    }

    public void SetStatus(string id, ReviewStatus status, string? summary = null, string? error = null)
    {
        using var db = Open();
        var finished = status is ReviewStatus.Done or ReviewStatus.Failed ? Time(DateTimeOffset.UtcNow) : null;
        Execute(db, "UPDATE reviews SET status = $status, summary = COALESCE($summary, summary), error = $error, finished = $finished WHERE id = $id",
            ("$id", id), ("$status", status.ToString().ToLowerInvariant()), ("$summary", summary), ("$error", error), ("$finished", finished));
    }

    public int RequeueInterrupted()
    {
        using var db = Open();
        using var command = Command(db, "UPDATE reviews SET status = 'queued' WHERE status = 'running'");
        return command.ExecuteNonQuery();
    }

    private static StoredReview ReadReview(SqliteDataReader r) => new(
        r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5),
        Enum.Parse<ReviewStatus>(r.GetString(6), ignoreCase: true), ParseTime(r.GetString(7)),
        Text(r, 8) is { } finished ? ParseTime(finished) : null, Text(r, 9), Text(r, 10));
}
