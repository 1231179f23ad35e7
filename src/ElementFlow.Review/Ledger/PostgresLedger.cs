using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace ElementFlow.Review.Ledger;

/// <summary>
/// A ledger in PostgreSQL (<c>--ledger postgres://…</c>), for reviews whose workers run on several processes or
/// machines: one row per task of a review (its attempts, its lease, then its record, kept as json so the report keeps its key order). Each write is one statement, so it is
/// atomic; completing only fills an empty record of a task whose latest attempt is the writer's (the fence), so a
/// worker cut off that finishes late changes nothing. The table is created when missing.
/// </summary>
public sealed class PostgresLedger : IReviewLedger, IDisposable
{
    public const string Table = "elementflow_review_tasks";

    private readonly NpgsqlDataSource _source;
    private readonly string _review;

    /// <param name="connection">An Npgsql connection string (hosts resolve <c>postgres://</c> URLs and the libpq environment, as the CLI does with PostGisConnection).</param>
    /// <param name="review">Which review the rows belong to: several reviews share one table.</param>
    public PostgresLedger(string connection, string review)
    {
        _source = NpgsqlDataSource.Create(connection);
        _review = review;
        Name = $"{new NpgsqlConnectionStringBuilder(connection) { Password = null }} ({Table}, review {review})";
        using var create = _source.CreateCommand($"""
            CREATE TABLE IF NOT EXISTS {Table} (
              review text NOT NULL,
              task text NOT NULL,
              attempts integer NOT NULL DEFAULT 0,
              worker text,
              record json,
              finished_at timestamptz,
              PRIMARY KEY (review, task));
            ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS lease_until timestamptz;
            DO $$ BEGIN
              IF (SELECT data_type FROM information_schema.columns WHERE table_name = '{Table}' AND column_name = 'record' AND table_schema = current_schema()) = 'jsonb'
              THEN ALTER TABLE {Table} ALTER COLUMN record TYPE json USING record::json; END IF;
            END $$;
            ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS last_error text;
            """);
        create.ExecuteNonQuery();
    }

    public string Name { get; }

    public TaskRecord? Find(string taskId)
    {
        using var command = Command($"SELECT record::text FROM {Table} WHERE review = $1 AND task = $2 AND record IS NOT NULL", taskId);
        return command.ExecuteScalar() is string text ? FolderLedger.Read(JsonNode.Parse(text)!.AsObject()) : null;
    }

    public int Attempts(string taskId) => Latest(taskId)?.Attempt ?? 0;

    public AttemptState? Latest(string taskId)
    {
        using var command = Command($"SELECT attempts, worker, lease_until, last_error FROM {Table} WHERE review = $1 AND task = $2", taskId);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new AttemptState(
            reader.GetInt32(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero),
            reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    public long BeginAttempt(string taskId, string worker, DateTimeOffset? leaseUntil = null)
    {
        using var command = Command($"""
            INSERT INTO {Table} AS t (review, task, attempts, worker, lease_until) VALUES ($1, $2, 1, $3, $4)
            ON CONFLICT (review, task) DO UPDATE SET attempts = t.attempts + 1, worker = $3, lease_until = $4, last_error = NULL
            RETURNING attempts
            """, taskId, worker, Timestamp(leaseUntil));
        return (int)command.ExecuteScalar()!;
    }

    public bool Renew(string taskId, long fence, DateTimeOffset until)
    {
        using var command = Command($"UPDATE {Table} SET lease_until = $3 WHERE review = $1 AND task = $2 AND attempts = $4 AND record IS NULL", taskId, Timestamp(until), (int)fence);
        return command.ExecuteNonQuery() == 1;
    }

    public void Abandon(string taskId, long fence, string error)
    {
        using var command = Command($"UPDATE {Table} SET lease_until = now(), last_error = $3 WHERE review = $1 AND task = $2 AND attempts = $4", taskId, error, (int)fence);
        command.ExecuteNonQuery();
    }

    public bool Complete(TaskRecord record)
    {
        using var command = Command($"""
            UPDATE {Table} SET record = $3::json, finished_at = now()
            WHERE review = $1 AND task = $2 AND record IS NULL AND attempts <= $4
            """, record.TaskId, FolderLedger.Write(record).ToJsonString(), record.Fence);
        return command.ExecuteNonQuery() == 1;
    }

    public void Dispose() => _source.Dispose();

    private static NpgsqlParameter Timestamp(DateTimeOffset? value) =>
        new() { Value = value is { } v ? v.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private NpgsqlCommand Command(string sql, string task, params object[] more)
    {
        var command = _source.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = _review, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = task, NpgsqlDbType = NpgsqlDbType.Text });
        foreach (var value in more) command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        return command;
    }
}
