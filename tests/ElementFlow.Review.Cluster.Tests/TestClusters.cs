using ElementFlow.Review.Cluster.Client;
using ElementFlow.Review.Cluster.Hosting;
using ElementFlow.Review.Cluster.Messages;
using ElementFlow.Review.Cluster.Silo;
using ElementFlow.Review.Ledger;
using ElementFlow.Review.Tests;
using Orleans.TestingHost;

namespace ElementFlow.Review.Cluster.Tests;

/// <summary>Orleans' in-process test cluster with the review's workshop on every silo, and reviews run through it.</summary>
internal static class TestClusters
{
    /// <summary>Short leases and polls, so that a lost silo's tasks move within seconds.</summary>
    public static readonly ClusterDispatchOptions Fast = new() { Lease = TimeSpan.FromSeconds(3), Poll = TimeSpan.FromMilliseconds(100), CallTimeout = TimeSpan.FromSeconds(5), TasksPerWorker = 1 };

    /// <summary>Settings travel with every order; the test runners do not read them.</summary>
    public static readonly WorkSettings Settings = new()
    {
        Rules = [Repo.Rules], Language = "en", AsOf = "2026-01-01", MaxPackageBytes = 1 << 30, MaxFeatures = 1_000_000, MaxVertices = 1_000_000, MaxYamlAliases = 100,
        SourceRoot = Repo.Root, ToolVersion = "0.1.0",
    };

    public static async Task<InProcessTestCluster> Start(short silos, IWorkRunnerFactory runners, WorkshopOptions? workshop = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => ReviewSilo.AddWorkshop(silo.Services, workshop ?? new WorkshopOptions { Workers = 2 }, runners));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Reviews a tree on the cluster with a folder ledger in the output folder.</summary>
    public static Task<ReviewResult> Review(InProcessTestCluster cluster, string tree, string output, ClusterDispatchOptions? options = null, Action<string>? redispatched = null)
    {
        var ledger = new FolderLedger(Path.Combine(output, "ledger"));
        var dispatcher = new ClusterDispatcher(cluster.Client, LedgerSpec.Of(ledger, null, output), Settings, options ?? Fast);
        if (redispatched is not null) dispatcher.Redispatched += (_, why) => redispatched(why);
        var request = Reviews.Request(tree, output) with { Ledger = ledger, Dispatcher = dispatcher };
        return Task.Run(() => new ReviewRunner().Run(request));
    }
}

/// <summary>Every silo checks with one runner the test made.</summary>
internal sealed class FixedRunners(ITaskRunner runner) : IWorkRunnerFactory
{
    public ITaskRunner Create(WorkSettings settings) => runner;
}

/// <summary>A runner that takes its time on plan tasks, so that a silo can be lost while it works.</summary>
internal sealed class SlowRunner(ITaskRunner inner, TimeSpan delay) : ITaskRunner
{
    public System.Text.Json.Nodes.JsonObject Run(ReviewTask task, CancellationToken cancellation)
    {
        if (task.Kind == TaskKind.Plan) Task.Delay(delay, cancellation).GetAwaiter().GetResult();
        return inner.Run(task, cancellation);
    }
}
