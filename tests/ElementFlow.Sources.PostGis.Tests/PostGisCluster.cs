using System.Diagnostics;
using Npgsql;

namespace ElementFlow.Sources.PostGis.Tests;

/// <summary>
/// The PostgreSQL + PostGIS cluster the tests run against: the one named by <c>EF_TEST_PG</c> (which
/// <c>tests/postgres/cluster.sh start</c> exports, and .ci/run sets), else a private one this fixture starts
/// with that script in a temporary folder and stops at the end. Without PostgreSQL and PostGIS installed the
/// tests skip, saying so loudly; in CI (<c>CI=true</c>) they fail instead, so CI never passes without them.
/// </summary>
public sealed class PostGisCluster : IDisposable
{
    private readonly string? _startedIn;

    public PostGisCluster()
    {
        var given = Environment.GetEnvironmentVariable("EF_TEST_PG");
        if (string.IsNullOrEmpty(given))
        {
            (given, _startedIn, var why) = Start();
            if (given is null)
            {
                Unavailable = why;
                return;
            }
        }

        ConnectionString = given;
        try
        {
            using var db = new NpgsqlConnection(ConnectionString);
            db.Open();
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            Host = builder.Host!;
            Port = builder.Port;
            Database = builder.Database!;
        }
        catch (NpgsqlException e)
        {
            Unavailable = $"cannot connect to EF_TEST_PG ({ConnectionString}): {e.Message}";
            ConnectionString = null;
        }
    }

    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>The superuser's connection string, or null when no cluster is available.</summary>
    public string? ConnectionString { get; }

    public string Host { get; } = "";
    public int Port { get; }
    public string Database { get; } = "";

    /// <summary>Why no cluster is available.</summary>
    public string? Unavailable { get; }

    /// <summary>Skips the test when there is no cluster (loudly), fails it in CI.</summary>
    public void Require()
    {
        if (ConnectionString is not null) return;
        var message = $"!!! POSTGIS TESTS NOT RUN: {Unavailable}. Install PostgreSQL and PostGIS with `tests/postgres/cluster.sh install` (as root), "
            + "or start a cluster with `eval \"$(tests/postgres/cluster.sh start)\"` before `dotnet test`. !!!";
        if (InCi) throw new InvalidOperationException(message + " (CI=true: the PostGIS tests must run in CI)");
        Skip.If(true, message);
    }

    /// <summary>Runs SQL as the superuser.</summary>
    public void Execute(string sql)
    {
        using var db = new NpgsqlConnection(ConnectionString);
        db.Open();
        using var command = new NpgsqlCommand(sql, db);
        command.ExecuteNonQuery();
    }

    public T? Scalar<T>(string sql)
    {
        using var db = new NpgsqlConnection(ConnectionString);
        db.Open();
        using var command = new NpgsqlCommand(sql, db);
        return (T?)command.ExecuteScalar();
    }

    /// <summary>The settings to connect as the superuser, or as another role of the cluster.</summary>
    public PostGisConnection Connection(string? user = null, TimeSpan? statementTimeout = null)
    {
        var settings = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (user is not null) settings.Username = user;
        return PostGisConnection.Resolve(settings.ConnectionString, _ => null, statementTimeout ?? TimeSpan.FromMinutes(1), out _)!;
    }

    public static string Script => Path.Combine(RepoRoot, "tests", "postgres", "cluster.sh");

    public static string RepoRoot { get; } = FindRoot();

    private static (string? ConnectionString, string? Folder, string? Why) Start()
    {
        if (!File.Exists("/bin/bash")) return (null, null, "there is no bash to run tests/postgres/cluster.sh");
        var folder = Directory.CreateTempSubdirectory("elementflow-pg.").FullName;
        var start = new ProcessStartInfo("/bin/bash", [Script, "start", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Tests never install packages; the script only starts what is installed.
        start.Environment["EF_PG_INSTALL"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (null, folder, "tests/postgres/cluster.sh start did not finish within 3 minutes");
        }

        if (process.ExitCode != 0)
        {
            Directory.Delete(folder, recursive: true);
            return (null, null, $"tests/postgres/cluster.sh start exited {process.ExitCode}: {stderr.Result.Trim()}");
        }

        var line = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith("export EF_TEST_PG=", StringComparison.Ordinal));
        return line is null ? (null, folder, "tests/postgres/cluster.sh printed no EF_TEST_PG") : (line["export EF_TEST_PG=".Length..].Trim('\''), folder, null);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_startedIn is null) return;
        using var process = Process.Start(new ProcessStartInfo("/bin/bash", [Script, "stop", _startedIn]) { UseShellExecute = false, RedirectStandardError = true });
        process?.WaitForExit(TimeSpan.FromMinutes(1));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the ElementFlow repository.");
    }
}

[CollectionDefinition(Name)]
public sealed class PostGisCollection : ICollectionFixture<PostGisCluster>
{
    public const string Name = "postgis";
}
