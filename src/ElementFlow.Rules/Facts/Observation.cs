using ElementFlow.Core.Findings;
using NetTopologySuite.Geometries;

namespace ElementFlow.Rules.Facts;

/// <summary>
/// A measured fact: one overlap, one feature outside its container, one ratio, one missing layer.
/// Measurements produce observations once per distinct need; rules decide which are findings.
/// </summary>
public sealed class Observation
{
    /// <summary>Which measurement produced it (kind and inputs), so rules sharing a measurement share its observations.</summary>
    public required string Key { get; init; }

    public required PlanFact Plan { get; init; }

    /// <summary>The measured value, in the unit the check's measure name says.</summary>
    public double Value { get; init; }

    /// <summary>The limit this observation is held to, when it comes from the data (an allocation) rather than the rule.</summary>
    public double? Limit { get; init; }

    /// <summary>A category of the observation a rule may branch on, e.g. "floor" or "cap" for transmission.</summary>
    public string? Category { get; init; }

    /// <summary>The first feature involved, if any.</summary>
    public FeatureFact? A { get; init; }

    /// <summary>The second feature involved, if any.</summary>
    public FeatureFact? B { get; init; }

    /// <summary>The measure name when it differs from the check's (points outside a container measure a distance).</summary>
    [Hidden]
    public string? MeasureName { get; init; }

    [Hidden]
    public IReadOnlyList<Subject> Subjects { get; init; } = [];

    [Hidden]
    public Geometry? Geometry { get; init; }

    /// <summary>Other figures of the measurement the finding shows beside its value (e.g. <c>straight_line_share</c>).</summary>
    [Hidden]
    public IReadOnlyDictionary<string, double>? Related { get; init; }

    /// <summary>What makes the observation acceptable although it breaks the limit as written (a shortfall the plan's flows make up): its finding is reported waived.</summary>
    [Hidden]
    public Waiver? Covered { get; init; }

    /// <summary>Extra message arguments of this observation (e.g. the missing item's name).</summary>
    [Hidden]
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = new Dictionary<string, object?>();
}
