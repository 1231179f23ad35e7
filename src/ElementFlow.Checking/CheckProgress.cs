namespace ElementFlow.Checking;

/// <summary>Where a check is: its phase, the plan and rules at work, and how much of the phase is done.</summary>
/// <param name="Phase">One of the <c>Phase…</c> names (<see cref="LoadPlans"/>, <see cref="Measure"/>, ...).</param>
/// <param name="Plan">The plan being loaded (its path) or checked (its id); null between plans.</param>
/// <param name="Rules">The rules the current measurement serves; empty outside <see cref="Measure"/>.</param>
/// <param name="Fraction">How much of the phase is done, 0 to 1 (for measuring: of all checked plans).</param>
public sealed record CheckProgress(string Phase, string? Plan, IReadOnlyList<string> Rules, double Fraction)
{
    public const string LoadPlans = "load plans";
    public const string PlanTree = "plan tree";
    public const string CompileRules = "compile rules";
    public const string Measure = "measure";
    public const string Decide = "decide";
    public const string Done = "done";

    /// <summary>The first rule the current measurement serves, or null.</summary>
    public string? Rule => Rules.Count > 0 ? Rules[0] : null;

    /// <summary>The measurement running (its key), during <see cref="Measure"/>.</summary>
    public string? Measurement { get; init; }
}
