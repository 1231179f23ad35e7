using System.Diagnostics;
using Npgsql;

namespace ElementFlow.Tests.Shared;

/// <summary>
/// The PostgreSQL the review ledger and server store tests use (this file is linked into both test projects):
/// <c>EF_TEST_PG</c> (exported by <c>tests/postgres/cluster.sh start</c>, set by
/// .ci/run), else a private cluster started with that script and stopped at the end. Without PostgreSQL the tests
/// skip loudly; in CI (<c>CI=true</c>) they fail.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string? _startedIn;

    public PostgresCluster()
    {
        var given = Environment.GetEnvironmentVariable("EF_TEST_PG");
        if (string.IsNullOrEmpty(given)) (given, _startedIn, Unavailable) = Start();
        ConnectionString = given;
    }

    public string? ConnectionString { get; }

    public string? Unavailable { get; }

    public void Require()
    {
        if (ConnectionString is not null) return;
        var message = $"!!! POSTGRESQL TESTS NOT RUN: {Unavailable}. Start a cluster with `eval \"$(tests/postgres/cluster.sh start)\"`. !!!";
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(message);
        Skip.If(true, message);
    }

    private static (string?, string?, string?) Start()
    {
        var folder = Directory.CreateTempSubdirectory("elementflow-pg.").FullName;
        var start = new ProcessStartInfo("/bin/bash", [Path.Combine(Root, "tests", "postgres", "cluster.sh"), "start", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["EF_PG_INSTALL"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)) || process.ExitCode != 0) return (null, null, $"tests/postgres/cluster.sh start failed: {stderr.Result.Trim()}");
        var line = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith("export EF_TEST_PG=", StringComparison.Ordinal));
        return line is null ? (null, folder, "cluster.sh printed no EF_TEST_PG") : (line["export EF_TEST_PG=".Length..].Trim('\''), folder, null);
    }

    /// <summary>A new, empty database on the cluster, for a test that must not see another's rows.</summary>
    public string NewDatabase()
    {
        Require();
        var name = "ef_" + Guid.NewGuid().ToString("N");
        using (var db = new NpgsqlConnection(ConnectionString))
        {
            db.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", db);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the ElementFlow repository.");
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_startedIn is null) return;
        using var process = Process.Start(new ProcessStartInfo("/bin/bash", [Path.Combine(Root, "tests", "postgres", "cluster.sh"), "stop", _startedIn]) { RedirectStandardError = true });
        process?.WaitForExit(TimeSpan.FromMinutes(1));
    }
}
