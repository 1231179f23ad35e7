using Npgsql;

namespace ElementFlow.Review.Cluster.Hosting;

/// <summary>
/// The membership tables of Orleans' ADO.NET clustering in PostgreSQL, created by elementflow when missing: the
/// scripts of dotnet/orleans (Schema/PostgreSQL-Main.sql and PostgreSQL-Clustering.sql, MIT), run under an advisory
/// lock so that silos starting together create them once.
/// </summary>
public static class ClusterDatabase
{
    public const string ClusterId = "elementflow";
    public const string ServiceId = "elementflow-review";
    public const string Invariant = "Npgsql";

    public static async Task EnsureSchema(string connection, CancellationToken cancellation)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using var db = await source.OpenConnectionAsync(cancellation);
        await Execute(db, "SELECT pg_advisory_lock(hashtext('elementflow-orleans-schema'))", cancellation);
        try
        {
            if (!await Exists(db, "orleansquery", cancellation)) await Execute(db, Script("PostgreSQL-Main.sql"), cancellation);
            if (!await Exists(db, "orleansmembershiptable", cancellation)) await Execute(db, Script("PostgreSQL-Clustering.sql"), cancellation);
        }
        finally
        {
            await Execute(db, "SELECT pg_advisory_unlock(hashtext('elementflow-orleans-schema'))", CancellationToken.None);
        }
    }

    private static async Task<bool> Exists(NpgsqlConnection db, string table, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", db) { Parameters = { new() { Value = table } } };
        return (bool)(await command.ExecuteScalarAsync(cancellation))!;
    }

    private static async Task Execute(NpgsqlConnection db, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static string Script(string name)
    {
        using var stream = typeof(ClusterDatabase).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
