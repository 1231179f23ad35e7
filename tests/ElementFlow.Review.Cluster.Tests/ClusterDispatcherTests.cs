using System.Text.Json.Nodes;
using ElementFlow.Review.Cluster.Client;
using ElementFlow.Review.Cluster.Silo;
using ElementFlow.Review.Tests;

namespace ElementFlow.Review.Cluster.Tests;

/// <summary>The review on an Orleans cluster (in-process test cluster): the same report as in process, failures, lost silos.</summary>
public class ClusterDispatcherTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static CheckTaskRunner RealRunner() => new(Reviews.Template([]), "0.1.0");

    [Fact]
    public async Task ClusterReview_ExampleTree_WritesTheSameReportAsCheck()
    {
        var expected = Reviews.Check(Repo.Examples);
        await using var cluster = await TestClusters.Start(2, new FixedRunners(RealRunner()));

        var result = await TestClusters.Review(cluster, Repo.Examples, Reviews.TempFolder());

        Assert.True(JsonNode.DeepEquals(expected, result.Report), "report.json on the cluster differs from check's JSON report");
    }

    [Fact]
    public async Task ClusterReview_TasksRunOnMoreThanOneSilo()
    {
        await using var cluster = await TestClusters.Start(2, new FixedRunners(RealRunner()));

        var result = await TestClusters.Review(cluster, Repo.NationalTree, Reviews.TempFolder());

        Assert.True(result.Records.Select(r => r.Worker).Distinct().Count() > 1, "every task ran on one silo");
    }

    [Fact]
    public async Task ClusterReview_PlanThatAlwaysCrashesItsWorker_BecomesEngineFailedAfterItsAttempts()
    {
        await using var cluster = await TestClusters.Start(2, new FixedRunners(new ScriptedRunner(RealRunner(), "qinghe-city")));

        var result = await TestClusters.Review(cluster, Repo.Examples, Reviews.TempFolder());

        var failed = Assert.Single((result.Report["findings"] as JsonArray)!, f => (string?)f!["rule"] == TaskExecution.EngineFailed);
        Assert.Equal("qinghe-city", (string?)failed!["plan"]);
        Assert.Equal(3, (int)failed["measure"]!["value"]!);
        Assert.Contains((result.Report["findings"] as JsonArray)!, f => (string?)f!["plan"] == "dongping-county");
    }

    [Fact]
    public async Task ClusterReview_SiloKilledWhileItWorks_CompletesWithTheSameFindings()
    {
        var expected = Reviews.Check(Repo.NationalTree);
        await using var cluster = await TestClusters.Start(3, new FixedRunners(new SlowRunner(RealRunner(), TimeSpan.FromSeconds(1))));
        var folder = Reviews.TempFolder();

        var review = TestClusters.Review(cluster, Repo.NationalTree, folder);
        var ledger = new Ledger.FolderLedger(Path.Combine(folder, "ledger"));
        string? working = null;
        await WaitUntil(() => Directory.GetFiles(Path.Combine(folder, "ledger"), "*.json").Length >= 3 && (working = InFlight(ledger, folder)) is not null);
        var (task, worker) = (working!, ledger.Latest(working!)!.Worker);
        output.WriteLine($"killing {worker}, which checks {task}");
        await cluster.KillSiloAsync(cluster.Silos.First(s => s.SiloAddress.ToParsableString() == worker));
        var result = await review;

        // In process a killed silo's threads may still finish what they hold (the first record stands); the silo
        // processes of SiloProcessTests die for real.
        Assert.Equal(Reviews.Findings(expected), Reviews.Findings(result.Report));
        Assert.DoesNotContain(result.Records, r => r.Status == Ledger.TaskOutcome.Failed);
        Assert.Single(result.Records, r => r.TaskId == task);
    }

    /// <summary>A plan task begun and not finished, or null.</summary>
    private static string? InFlight(Ledger.FolderLedger ledger, string folder) => Directory.GetFiles(Path.Combine(folder, "ledger"), "plan-*.attempts")
        .Select(f => Path.GetFileNameWithoutExtension(f)).FirstOrDefault(t => ledger.Find(t) is null && ledger.Latest(t)?.Worker is not null);

    [Fact]
    public async Task ClusterReview_SiloBoundToAnotherLedger_RefusesTheReview()
    {
        var workshop = new WorkshopOptions { Workers = 1, Ledger = Path.Combine(Path.GetTempPath(), "another-ledger") };
        await using var cluster = await TestClusters.Start(1, new FixedRunners(RealRunner()), workshop);

        var error = await Assert.ThrowsAsync<ClusterRefusedException>(() => TestClusters.Review(cluster, Repo.Examples, Reviews.TempFolder()));

        Assert.Contains("--ledger", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the review did not get going");
            await Task.Delay(50);
        }
    }
}
