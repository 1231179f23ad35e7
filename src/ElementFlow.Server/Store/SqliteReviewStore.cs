using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ElementFlow.Server.Store;

/// <summary>
/// The embedded store: one SQLite database in the data folder, in WAL mode with full synchronous
/// commits, so a row written before the server answers survives a crash or <c>kill -9</c>.
/// </summary>
public sealed partial class SqliteReviewStore : IReviewStore
{
    private readonly string _connection;

    public SqliteReviewStore(string file)
    {
        _connection = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var db = Open();
        Execute(db, Schema);
    }

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, role TEXT NOT NULL, password TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, user TEXT NOT NULL REFERENCES users(name));
        CREATE TABLE IF NOT EXISTS reviews (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, owner TEXT NOT NULL, plan TEXT NOT NULL,
            version INTEGER NOT NULL, file TEXT NOT NULL, status TEXT NOT NULL, uploaded TEXT NOT NULL,
            finished TEXT, summary TEXT, error TEXT);
        CREATE TABLE IF NOT EXISTS decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT, review TEXT NOT NULL REFERENCES reviews(id), plan TEXT NOT NULL,
            finding TEXT NOT NULL, decision TEXT NOT NULL, note TEXT, document TEXT, user TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL, review TEXT, detail TEXT NOT NULL);
        """;

    private SqliteConnection Open()
    {
        var db = new SqliteConnection(_connection);
        db.Open();
        Execute(db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return db;
    }

    private static void Execute(SqliteConnection db, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(db, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection db, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static List<T> Query<T>(SqliteConnection db, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(db, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
