namespace ElementFlow.Engine;

/// <summary>What the checker is about to do, for a host's progress display.</summary>
/// <param name="Phase"><see cref="Measure"/> or <see cref="Decide"/>.</param>
/// <param name="Plan">The id of the plan being checked.</param>
/// <param name="Measurement">The measurement about to run (its key), or null when deciding.</param>
/// <param name="Rules">The rules that use the measurement.</param>
/// <param name="Done">Measurements of this plan done so far.</param>
/// <param name="Total">Measurements this plan needs.</param>
public sealed record CheckStep(string Phase, string Plan, string? Measurement, IReadOnlyList<string> Rules, int Done, int Total)
{
    public const string Measure = "measure";
    public const string Decide = "decide";

    /// <summary>The position of the plan among the checked plans, from 0.</summary>
    public int PlanIndex { get; init; }

    /// <summary>How many plans the check covers.</summary>
    public int PlanCount { get; init; } = 1;

    /// <summary>How much of the whole check is done, 0 to 1: whole plans done, plus this plan's share of measurements.</summary>
    public double Fraction => PlanCount == 0 ? 1 : (PlanIndex + (Total == 0 ? 1.0 : (double)Done / Total)) / PlanCount;
}
