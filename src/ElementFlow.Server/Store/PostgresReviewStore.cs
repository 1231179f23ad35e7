using Npgsql;

namespace ElementFlow.Server.Store;

/// <summary>
/// The store in PostgreSQL (<c>serve --store postgres://…</c>): users, tokens, reviews, decisions and the audit
/// trail in the schema <c>elementflow_server</c>, which it creates. Every call is its own transaction and
/// PostgreSQL commits durably, so a row written before the server answers survives a crash. Uploaded packages,
/// reports and maps stay files under <c>--data</c>.
/// </summary>
public sealed partial class PostgresReviewStore : IReviewStore, IDisposable
{
    private readonly NpgsqlDataSource _source;

    /// <param name="connection">An Npgsql connection string (the CLI resolves <c>postgres://</c> URLs and the libpq environment).</param>
    /// <exception cref="NpgsqlException">The database cannot be reached or the schema cannot be made.</exception>
    public PostgresReviewStore(string connection)
    {
        _source = NpgsqlDataSource.Create(connection);
        using var db = _source.OpenConnection();
        // Two servers starting at once on a new database must not both create the schema.
        Execute(db, "SELECT pg_advisory_lock(hashtext('elementflow_server schema'))");
        try
        {
            Execute(db, Schema);
        }
        finally
        {
            Execute(db, "SELECT pg_advisory_unlock(hashtext('elementflow_server schema'))");
        }
    }

    private const string Schema = """
        CREATE SCHEMA IF NOT EXISTS elementflow_server;
        CREATE TABLE IF NOT EXISTS elementflow_server.users (name text PRIMARY KEY, role text NOT NULL, password text NOT NULL);
        CREATE TABLE IF NOT EXISTS elementflow_server.tokens (hash text PRIMARY KEY, "user" text NOT NULL REFERENCES elementflow_server.users(name));
        CREATE TABLE IF NOT EXISTS elementflow_server.reviews (
            seq bigserial PRIMARY KEY, id text NOT NULL UNIQUE, owner text NOT NULL, plan text NOT NULL,
            version integer NOT NULL, file text NOT NULL, status text NOT NULL, uploaded timestamptz NOT NULL,
            finished timestamptz, summary text, error text);
        CREATE INDEX IF NOT EXISTS reviews_plan ON elementflow_server.reviews (plan);
        CREATE TABLE IF NOT EXISTS elementflow_server.decisions (
            id bigserial PRIMARY KEY, review text NOT NULL REFERENCES elementflow_server.reviews(id), plan text NOT NULL,
            finding text NOT NULL, decision text NOT NULL, note text, document text, "user" text NOT NULL, at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS decisions_plan ON elementflow_server.decisions (plan);
        CREATE TABLE IF NOT EXISTS elementflow_server.audit (
            id bigserial PRIMARY KEY, at timestamptz NOT NULL, "user" text NOT NULL, action text NOT NULL, review text, detail text NOT NULL);
        """;

    public bool AddUser(StoredUser user)
    {
        using var db = _source.OpenConnection();
        var added = Execute(db, "INSERT INTO elementflow_server.users (name, role, password) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
            user.Name, user.Role.Name(), user.PasswordHash);
        return added == 1;
    }

    public StoredUser? FindUser(string name)
    {
        using var db = _source.OpenConnection();
        return Query(db, "SELECT name, role, password FROM elementflow_server.users WHERE name = $1", ReadUser, name).FirstOrDefault();
    }

    public StoredUser? FindUserByToken(string tokenHash)
    {
        using var db = _source.OpenConnection();
        return Query(db, """
            SELECT u.name, u.role, u.password FROM elementflow_server.tokens t JOIN elementflow_server.users u ON u.name = t."user" WHERE t.hash = $1
            """, ReadUser, tokenHash).FirstOrDefault();
    }

    public void AddToken(string user, string tokenHash)
    {
        using var db = _source.OpenConnection();
        Execute(db, "INSERT INTO elementflow_server.tokens (hash, \"user\") VALUES ($1, $2)", tokenHash, user);
    }

    public IReadOnlyList<StoredUser> Users()
    {
        using var db = _source.OpenConnection();
        return Query(db, "SELECT name, role, password FROM elementflow_server.users ORDER BY name COLLATE \"C\"", ReadUser);
    }

    private static StoredUser ReadUser(NpgsqlDataReader r) =>
        new(r.GetString(0), Roles.TryParse(r.GetString(1), out var role) ? role : Role.Planner, r.GetString(2));

    private static int Execute(NpgsqlConnection db, string sql, params object?[] values)
    {
        using var command = Command(db, sql, values);
        return command.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlConnection db, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, db);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    private static List<T> Query<T>(NpgsqlConnection db, string sql, Func<NpgsqlDataReader, T> read, params object?[] values)
    {
        using var command = Command(db, sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset Time(NpgsqlDataReader r, int i) => new(r.GetFieldValue<DateTime>(i), TimeSpan.Zero);

    public void Dispose() => _source.Dispose();
}
