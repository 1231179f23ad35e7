using Microsoft.Data.Sqlite;

namespace ElementFlow.Server.Store;

public sealed partial class SqliteReviewStore
{
    private const string DecisionColumns = "d.id, d.review, d.plan, d.finding, d.decision, d.note, d.document, d.user, d.at";

    public StoredDecision AddDecision(StoredReview review, string finding, string decision, string? note, string? document, string user, DateTimeOffset at)
    {
        using var db = Open();
        using var transaction = db.BeginTransaction();
        var id = Query(db, """
            INSERT INTO decisions (review, plan, finding, decision, note, document, user, at)
            VALUES ($review, $plan, $finding, $decision, $note, $document, $user, $at) RETURNING id
            """, r => r.GetInt64(0), ("$review", review.Id), ("$plan", review.Plan), ("$finding", finding), ("$decision", decision), ("$note", note), ("$document", document), ("$user", user), ("$at", Time(at)))[0];
        // The decision and its audit line are one write: neither is kept without the other.
        Execute(db, "INSERT INTO audit (at, user, action, review, detail) VALUES ($at, $user, 'decide', $review, $detail)",
            ("$at", Time(at)), ("$user", user), ("$review", review.Id), ("$detail", $"{decision} {finding}" + (note is null ? "" : $": {note}")));
        transaction.Commit();
        return new StoredDecision(id, review.Id, review.Plan, finding, decision, note, document, user, at);
    }

    public IReadOnlyList<StoredDecision> DecisionsFor(StoredReview review)
    {
        using var db = Open();
        // Earlier reviews of the same plan carry forward; per finding the latest decision wins.
        var all = Query(db, $"""
            SELECT {DecisionColumns} FROM decisions d JOIN reviews r ON r.id = d.review
            WHERE d.plan = $plan AND r.seq <= $seq ORDER BY d.id
            """, ReadDecision, ("$plan", review.Plan), ("$seq", review.Sequence));
        return all.GroupBy(d => d.Finding, StringComparer.Ordinal).Select(g => g.Last()).ToList();
    }

    public void Audit(string user, string action, string? review, string detail, DateTimeOffset at)
    {
        using var db = Open();
        Execute(db, "INSERT INTO audit (at, user, action, review, detail) VALUES ($at, $user, $action, $review, $detail)",
            ("$at", Time(at)), ("$user", user), ("$action", action), ("$review", review), ("$detail", detail));
    }

    public IReadOnlyList<(DateTimeOffset At, string User, string Action, string? Review, string Detail)> AuditTrail()
    {
        using var db = Open();
        return Query(db, "SELECT at, user, action, review, detail FROM audit ORDER BY id", r => (ParseTime(r.GetString(0)), r.GetString(1), r.GetString(2), Text(r, 3), r.GetString(4)));
    }

    private static StoredDecision ReadDecision(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5), Text(r, 6), r.GetString(7), ParseTime(r.GetString(8)));
}
