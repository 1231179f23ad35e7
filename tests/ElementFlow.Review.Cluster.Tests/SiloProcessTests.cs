using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ElementFlow.Review.Tests;
using ElementFlow.Tests.Shared;
using Npgsql;
using Xunit.Abstractions;

namespace ElementFlow.Review.Cluster.Tests;

/// <summary>
/// The review on real silo processes (<c>elementflow silo</c>) with membership and ledger in PostgreSQL: one silo is
/// killed with SIGKILL while it checks a plan, and the review still ends with the findings of the in-process review.
/// </summary>
public sealed class SiloProcessTests(PostgresCluster postgres, ITestOutputHelper output) : IClassFixture<PostgresCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    [SkippableFact]
    public async Task ThreeSilos_OneKilledWhileItChecks_ReviewEndsWithTheInProcessFindings()
    {
        postgres.Require();
        var database = postgres.NewDatabase();
        var work = Reviews.TempFolder();
        var tree = Path.Combine(work, "tree");
        Generate(tree);

        var inProcess = await Cli(["review", tree, "--out", Path.Combine(work, "in-process"), "--lang", "en", "--as-of", "2026-01-01", "-q"]);

        var ports = Enumerable.Range(0, 3).Select(_ => (Silo: FreePort(), Gateway: FreePort())).ToList();
        var silos = ports.Select(p => StartSilo(database, p.Silo, p.Gateway)).ToList();
        try
        {
            await Task.WhenAll(silos.Select(s => s.Ready));
            var clusterOut = Path.Combine(work, "cluster");
            var review = Cli(["review", tree, "--out", clusterOut, "--cluster", database, "--ledger", database, "--lease", "10", "--lang", "en", "--as-of", "2026-01-01", "-q"]);

            // Kill the silo of a plan that is being checked, once the review is well under way. It may finish that
            // plan in the moment between the look and the kill, so what it held unfinished is read once it is dead
            // and can write nothing more; if that is nothing, a second silo is killed the same way (one stays).
            var ledgerReview = Path.GetFullPath(clusterOut);
            var killed = Stopwatch.StartNew();
            var dead = new List<string>();
            List<string> unfinished = [];
            while (unfinished.Count == 0 && dead.Count < silos.Count - 1)
            {
                var (task, worker) = await InFlight(database, ledgerReview, review, dead);
                var victim = silos[ports.FindIndex(p => worker.StartsWith($"127.0.0.1:{p.Silo}@", StringComparison.Ordinal))];
                victim.Process.Kill();
                await victim.Process.WaitForExitAsync();
                dead.Add(worker);
                killed.Restart();
                unfinished = await Unfinished(database, ledgerReview, worker);
                output.WriteLine($"killed the silo of {task} ({worker}); it held unfinished: {string.Join(", ", unfinished)}");
            }

            var cluster = await review;
            output.WriteLine($"the review ended {killed.Elapsed.TotalSeconds:F1} s after the last kill");
            output.WriteLine(cluster.Error);

            Assert.NotEmpty(unfinished);
            Assert.Equal(inProcess.ExitCode, cluster.ExitCode);
            Assert.Equal(Findings(Path.Combine(work, "in-process")), Findings(clusterOut));
            var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(clusterOut, "review.json")))!;
            foreach (var task in unfinished)
            {
                var record = summary["tasks"]!.AsArray().Single(t => (string?)t!["id"] == task)!;
                Assert.DoesNotContain((string?)record["worker"], dead);
                Assert.True((int)record["attempts"]! >= 2, $"{task} finished in its first attempt, on a silo that was killed");
            }

            Assert.Empty(summary["failures"]!.AsArray());
        }
        finally
        {
            foreach (var silo in silos) silo.Stop();
        }
    }

    private static List<string> Findings(string reviewOut) =>
        Reviews.Findings(JsonNode.Parse(File.ReadAllText(Path.Combine(reviewOut, "report.json")))!.AsObject());

    /// <summary>Waits until enough tasks are done and one plan task is being checked by a live silo: its id and worker.</summary>
    private static async Task<(string Task, string Worker)> InFlight(string database, string review, Task<CliRun> running, IReadOnlyCollection<string> dead)
    {
        await using var source = NpgsqlDataSource.Create(database);
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (running.IsCompleted) throw new InvalidOperationException($"the review ended before a silo could be killed: {(await running).Error}");
            try
            {
                await using var command = source.CreateCommand("""
                    SELECT task, worker, (SELECT count(*) FROM elementflow_review_tasks WHERE review = $1 AND record IS NOT NULL)
                    FROM elementflow_review_tasks WHERE review = $1 AND record IS NULL AND task LIKE 'plan-%' AND lease_until > now() + interval '2 seconds'
                      AND NOT (worker = ANY($2))
                    """);
                command.Parameters.Add(new NpgsqlParameter { Value = review });
                command.Parameters.Add(new NpgsqlParameter { Value = dead.ToArray() });
                await using var reader = await command.ExecuteReaderAsync();
                if (await reader.ReadAsync() && reader.GetInt64(2) >= 5) return (reader.GetString(0), reader.GetString(1));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The ledger's table appears with the review's first connection.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no plan task was being checked");
    }

    /// <summary>The tasks a worker holds without a record: read after its death, what it was checking when it died.</summary>
    private static async Task<List<string>> Unfinished(string database, string review, string worker)
    {
        await using var source = NpgsqlDataSource.Create(database);
        await using var command = source.CreateCommand("SELECT task FROM elementflow_review_tasks WHERE review = $1 AND worker = $2 AND record IS NULL ORDER BY task");
        command.Parameters.Add(new NpgsqlParameter { Value = review });
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        await using var reader = await command.ExecuteReaderAsync();
        var tasks = new List<string>();
        while (await reader.ReadAsync()) tasks.Add(reader.GetString(0));
        return tasks;
    }

    private static void Generate(string tree)
    {
        using var python = Process.Start(new ProcessStartInfo("python3", [Path.Combine(Repo.Root, "tests", "benchmarks", "make_tree.py"),
            "--provinces", "2", "--cities", "3", "--counties", "6", "--parcels", "400", "--faults", "5", "--out", tree]) { RedirectStandardOutput = true })!;
        python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.Equal(0, python.ExitCode);
    }

    private sealed record CliRun(int ExitCode, string Error);

    private static string CliDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Repo.Root, "src", "ElementFlow.Cli", "bin", configuration, "net10.0", "elementflow.dll");
        }
    }

    private static ProcessStartInfo Start(IEnumerable<string> arguments) => new("dotnet", [CliDll, .. arguments])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        WorkingDirectory = Repo.Root,
    };

    private static async Task<CliRun> Cli(string[] arguments)
    {
        using var process = Process.Start(Start(arguments))!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await error);
    }

    private sealed record SiloProcess(Process Process, Task Ready)
    {
        public void Stop()
        {
            if (!Process.HasExited) Process.Kill();
            Process.Dispose();
        }
    }

    private static SiloProcess StartSilo(string database, int port, int gateway)
    {
        var process = Process.Start(Start(["silo", "--cluster", database, "--address", "127.0.0.1", "--port", $"{port}", "--gateway-port", $"{gateway}", "--workers", "1"]))!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line == "silo ready") return;
            }

            throw new InvalidOperationException($"silo on port {port} ended before it was ready");
        }).WaitAsync(TimeSpan.FromMinutes(2));
        return new SiloProcess(process, ready);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
