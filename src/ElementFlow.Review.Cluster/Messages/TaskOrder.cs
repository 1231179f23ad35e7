using ElementFlow.Review.Ledger;

namespace ElementFlow.Review.Cluster.Messages;

/// <summary>One attempt's worth of work sent to a silo: the task, where its ledger is, and how to check.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskOrder
{
    [Id(0)] public required string TaskId { get; init; }

    [Id(1)] public required TaskKind Kind { get; init; }

    [Id(2)] public required string[] Plans { get; init; }

    [Id(3)] public required string[] PlanIds { get; init; }

    [Id(4)] public required string[] Context { get; init; }

    [Id(5)] public required LedgerSpec Ledger { get; init; }

    [Id(6)] public required WorkSettings Settings { get; init; }

    /// <summary>How long an attempt holds the task without renewing; the client dispatches it again after that.</summary>
    [Id(7)] public required TimeSpan Lease { get; init; }

    /// <summary>Told when an attempt ends; null: the client polls only.</summary>
    [Id(8)] public Grains.IReviewObserver? Observer { get; init; }

    public ReviewTask Task => new(TaskId, Kind, Plans, PlanIds, Context);

    public static TaskOrder For(ReviewTask task, LedgerSpec ledger, WorkSettings settings, TimeSpan lease, Grains.IReviewObserver? observer) => new()
    {
        TaskId = task.Id,
        Kind = task.Kind,
        // Silos work in folders of their own: paths travel whole (silos on other machines need them on shared storage).
        Plans = [.. task.Plans.Select(Path.GetFullPath)],
        PlanIds = [.. task.PlanIds],
        Context = [.. task.Context.Select(Path.GetFullPath)],
        Ledger = ledger,
        Settings = settings,
        Lease = lease,
        Observer = observer,
    };
}

/// <summary>A silo's answer to an order: queued on it (and which silo it is), or refused with the reason.</summary>
[GenerateSerializer, Immutable]
public sealed record Acceptance
{
    [Id(0)] public required string Silo { get; init; }

    [Id(1)] public string? Refusal { get; init; }

    /// <summary>Tasks the silo checks at the same time: the client keeps about twice as many outstanding there.</summary>
    [Id(2)] public int Workers { get; init; }
}
