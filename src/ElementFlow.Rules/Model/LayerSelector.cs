namespace ElementFlow.Rules.Model;

/// <summary>Whose layer a selector reads: the plan's own, its parent's, or its overall child plans'.</summary>
public enum PlanRelation
{
    Self,
    Parent,
    Children,

    /// <summary>The plans of the regions the plan's flows name (expression checks' <c>requires: counterpart</c>; no selector reads them).</summary>
    Counterpart,
}

/// <summary>
/// The features of one layer a check reads, optionally narrowed by code prefixes and a condition,
/// from the plan itself or a related plan of the tree.
/// </summary>
/// <param name="Role">The layer role.</param>
/// <param name="Codes">Keep features whose classifying code starts with one of these; empty keeps all.</param>
/// <param name="ExceptCodes">Drop features whose classifying code starts with one of these.</param>
/// <param name="Where">A condition over <c>feature</c>; null keeps all.</param>
public sealed record LayerSelector(string Role, IReadOnlyList<string> Codes, IReadOnlyList<string> ExceptCodes, string? Where)
{
    public PlanRelation Plan { get; init; } = PlanRelation.Self;

    public static LayerSelector Whole(string role) => new(role, [], [], null);

    /// <summary>True when the selector keeps every feature of the layer.</summary>
    public bool IsWhole => Codes.Count == 0 && ExceptCodes.Count == 0 && Where is null;

    /// <summary>The same selection on the plan's own layer.</summary>
    public LayerSelector Own => this with { Plan = PlanRelation.Self };

    /// <summary>A stable text that identifies the selection, so equal selections share a measurement.</summary>
    public string Key => (Plan == PlanRelation.Self ? "" : Plan.ToString().ToLowerInvariant() + ".")
        + (IsWhole ? Role : $"{Role}[{string.Join("|", Codes)}][-{string.Join("|", ExceptCodes)}][{Where}]");

    public override string ToString() => (Plan == PlanRelation.Self ? "" : $"{Plan.ToString().ToLowerInvariant()}'s ")
        + (IsWhole
            ? Role
            : Role + (Codes.Count > 0 ? $" codes {string.Join(",", Codes)}" : "")
              + (ExceptCodes.Count > 0 ? $" except {string.Join(",", ExceptCodes)}" : "")
              + (Where is null ? "" : $" where {Where}"));
}

/// <summary>One side of a ratio: the area of a layer selection, or a declared indicator.</summary>
public sealed record AreaOperand(LayerSelector? Layer, string? Indicator)
{
    public override string ToString() => Layer?.ToString() ?? $"indicator {Indicator}";
}
