using System.Text.Json.Nodes;

namespace ElementFlow.Review.Ledger;

/// <summary>How a task ended, as the ledger keeps it.</summary>
public enum TaskOutcome
{
    Done,
    Failed,
}

/// <summary>
/// A finished task in the ledger: its status, how many attempts it took, who finished it, and its report (the JSON
/// report of DESIGN §4 over the task's plans; for a failed task, its ENGINE-FAILED findings).
/// </summary>
/// <param name="Fence">The attempt number that wrote the record; a write with a fence below the task's latest attempt is refused.</param>
public sealed record TaskRecord(string TaskId, TaskKind Kind, IReadOnlyList<string> PlanIds, TaskOutcome Status, int Attempts, double Seconds, string Worker, string? Error, JsonObject Report)
{
    public long Fence { get; init; }
}
