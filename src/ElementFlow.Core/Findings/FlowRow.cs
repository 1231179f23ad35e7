namespace ElementFlow.Core.Findings;

/// <summary>
/// One declared flow as the report lists it beside the findings: what moves, to or from which region, and
/// whether the counterpart's plan in the check records the mirror entry.
/// </summary>
/// <param name="Plan">The plan that declares the flow.</param>
/// <param name="Amount">In hectares for areas, 10k yuan for payments.</param>
/// <param name="CounterpartPlan">The counterpart region's plan in the check; null when it is not part of it.</param>
/// <param name="Mirror">The id of the mirror entry found there; null when none was found or the plan is not in the check.</param>
public sealed record FlowRow(string Plan, string Id, string Kind, string Direction, string Counterpart, double Amount, string Unit, string? CounterpartPlan, string? Mirror)
{
    /// <summary>found | missing | not-in-tree.</summary>
    public string MirrorStatus => CounterpartPlan is null ? "not-in-tree" : Mirror is null ? "missing" : "found";
}
