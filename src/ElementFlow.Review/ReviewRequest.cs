using ElementFlow.Checking;
using ElementFlow.Review.Ledger;

namespace ElementFlow.Review;

/// <summary>What to review and where to write it (DESIGN §9).</summary>
public sealed record ReviewRequest
{
    /// <summary>Folders holding plan packages, packages, or manifests listing them.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The output folder: report.json, plans/, review.json, and the default ledger (ledger/).</summary>
    public required string Out { get; init; }

    /// <summary>The rules and settings every task checks with (its plans and rule selection are the task's).</summary>
    public required CheckRequest Check { get; init; }

    /// <summary>Where finished tasks are kept; null: a folder ledger in <see cref="Out"/>.</summary>
    public IReviewLedger? Ledger { get; init; }

    /// <summary>Attempts before a task becomes ENGINE-FAILED findings.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Tasks run at the same time in this process.</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Runs a task; null: <see cref="CheckTaskRunner"/>. Tests put a failing one here.</summary>
    public ITaskRunner? Runner { get; init; }

    /// <summary>Runs the tasks; null: in this process. The Orleans client is another.</summary>
    public ITaskDispatcher? Dispatcher { get; init; }

    public string ToolVersion { get; init; } = "0.1.0";
}

/// <summary>Where tasks run: in this process, or on the silos of a cluster.</summary>
public interface ITaskDispatcher
{
    /// <summary>Runs every task to a ledger record (done or failed) and returns them; <paramref name="finished"/> is told of each as it ends.</summary>
    IReadOnlyList<TaskRecord> RunAll(IReadOnlyList<ReviewTask> tasks, ReviewRequest request, ITaskRunner runner, IReviewLedger ledger, Action<TaskRecord, bool> finished, CancellationToken cancellation);
}
