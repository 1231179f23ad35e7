namespace ElementFlow.Review.Cluster.Silo;

/// <summary>How much a silo takes on: tasks at a time, and the managed memory above which it starts no further task.</summary>
public sealed record WorkshopOptions
{
    /// <summary>Tasks checked at the same time; default the number of cores.</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Bytes of managed heap above which no further task starts while one runs (a task alone always runs). Default:
    /// half of the memory the runtime may use, so that a second silo on the host fits beside this one.
    /// </summary>
    public long MemoryBudget { get; init; } = ElementFlow.Checking.MemoryGate.DefaultBudget;

    /// <summary>The ledger this silo writes to (a full folder path or a connection string); orders naming another are refused. Null: the ledger each order names.</summary>
    public string? Ledger { get; init; }
}
