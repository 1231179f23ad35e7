using Npgsql;

namespace ElementFlow.Server.Store;

public sealed partial class PostgresReviewStore
{
    private const string ReviewColumns = "id, seq, owner, plan, version, file, status, uploaded, finished, summary, error";
    private const string DecisionColumns = "d.id, d.review, d.plan, d.finding, d.decision, d.note, d.document, d.\"user\", d.at";

    public StoredReview AddReview(string id, string owner, string plan, string fileName, DateTimeOffset at)
    {
        using var db = _source.OpenConnection();
        using var transaction = db.BeginTransaction();
        // Versions count a plan's uploads: two uploads of one plan at once on two servers must not share a number.
        Execute(db, "SELECT pg_advisory_xact_lock(hashtext($1))", "elementflow_server plan " + plan);
        Execute(db, """
            INSERT INTO elementflow_server.reviews (id, owner, plan, version, file, status, uploaded)
            VALUES ($1, $2, $3, (SELECT COUNT(*) + 1 FROM elementflow_server.reviews WHERE plan = $3), $4, 'queued', $5)
            """, id, owner, plan, fileName, at.UtcDateTime);
        transaction.Commit();
        return FindReview(db, id)!;
    }

    public StoredReview? FindReview(string id)
    {
        using var db = _source.OpenConnection();
        return FindReview(db, id);
    }

    private static StoredReview? FindReview(NpgsqlConnection db, string id) =>
        Query(db, $"SELECT {ReviewColumns} FROM elementflow_server.reviews WHERE id = $1", ReadReview, id).FirstOrDefault();

    public IReadOnlyList<StoredReview> Reviews(string? owner)
    {
        using var db = _source.OpenConnection();
        return owner is null
            ? Query(db, $"SELECT {ReviewColumns} FROM elementflow_server.reviews ORDER BY seq DESC", ReadReview)
            : Query(db, $"SELECT {ReviewColumns} FROM elementflow_server.reviews WHERE owner = $1 ORDER BY seq DESC", ReadReview, owner);
    }

    public IReadOnlyList<StoredReview> Queued()
    {
        using var db = _source.OpenConnection();
        return Query(db, $"SELECT {ReviewColumns} FROM elementflow_server.reviews WHERE status = 'queued' ORDER BY seq", ReadReview);
    }

    public void SetStatus(string id, ReviewStatus status, string? summary = null, string? error = null)
    {
        using var db = _source.OpenConnection();
        DateTime? finished = status is ReviewStatus.Done or ReviewStatus.Failed ? DateTime.UtcNow : null;
        Execute(db, "UPDATE elementflow_server.reviews SET status = $2, summary = COALESCE($3, summary), error = $4, finished = $5 WHERE id = $1",
            id, status.ToString().ToLowerInvariant(), summary, error, finished);
    }

    public int RequeueInterrupted()
    {
        using var db = _source.OpenConnection();
        return Execute(db, "UPDATE elementflow_server.reviews SET status = 'queued' WHERE status = 'running'");
    }

    public StoredDecision AddDecision(StoredReview review, string finding, string decision, string? note, string? document, string user, DateTimeOffset at)
    {
        using var db = _source.OpenConnection();
        using var transaction = db.BeginTransaction();
        var id = Query(db, """
            INSERT INTO elementflow_server.decisions (review, plan, finding, decision, note, document, "user", at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """, r => r.GetInt64(0), review.Id, review.Plan, finding, decision, note, document, user, at.UtcDateTime)[0];
        // The decision and its audit line are one write: neither is kept without the other.
        Execute(db, "INSERT INTO elementflow_server.audit (at, \"user\", action, review, detail) VALUES ($1, $2, 'decide', $3, $4)",
            at.UtcDateTime, user, review.Id, $"{decision} {finding}" + (note is null ? "" : $": {note}"));
        transaction.Commit();
        return new StoredDecision(id, review.Id, review.Plan, finding, decision, note, document, user, at);
    }

    public IReadOnlyList<StoredDecision> DecisionsFor(StoredReview review)
    {
        using var db = _source.OpenConnection();
        // Earlier reviews of the same plan carry forward; per finding the latest decision wins.
        var all = Query(db, $"""
            SELECT {DecisionColumns} FROM elementflow_server.decisions d JOIN elementflow_server.reviews r ON r.id = d.review
            WHERE d.plan = $1 AND r.seq <= $2 ORDER BY d.id
            """, ReadDecision, review.Plan, review.Sequence);
        return all.GroupBy(d => d.Finding, StringComparer.Ordinal).Select(g => g.Last()).ToList();
    }

    public void Audit(string user, string action, string? review, string detail, DateTimeOffset at)
    {
        using var db = _source.OpenConnection();
        Execute(db, "INSERT INTO elementflow_server.audit (at, \"user\", action, review, detail) VALUES ($1, $2, $3, $4, $5)",
            at.UtcDateTime, user, action, review, detail);
    }

    public IReadOnlyList<(DateTimeOffset At, string User, string Action, string? Review, string Detail)> AuditTrail()
    {
        using var db = _source.OpenConnection();
        return Query(db, "SELECT at, \"user\", action, review, detail FROM elementflow_server.audit ORDER BY id",
            r => (Time(r, 0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetString(4)));
    }

    private static StoredReview ReadReview(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5),
        Enum.Parse<ReviewStatus>(r.GetString(6), ignoreCase: true), Time(r, 7),
        r.IsDBNull(8) ? null : Time(r, 8), Text(r, 9), Text(r, 10));

    private static StoredDecision ReadDecision(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5), Text(r, 6), r.GetString(7), Time(r, 8));
}
