using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Measurements;

/// <summary>What a measurement produced for one plan: facts for the rule engine, or why it could not run.</summary>
public sealed record MeasureResult(IReadOnlyList<object> Facts, string? NotApplicable = null)
{
    /// <summary>Rows of the report's life-circle table this measurement adds (coverage measurements only).</summary>
    public IReadOnlyList<Core.Findings.EquityRow> Equity { get; init; } = [];

    public static MeasureResult Missing(string why) => new([], why);
}

/// <summary>A layer a measurement reads, and from which plan of the tree.</summary>
/// <remarks>
/// Every layer a measurement reads is declared, so that a layer that could not be read (missing,
/// unreadable, refused by a limit, unusable CRS) skips the measurement instead of making it report
/// that layer's features as absent. A required input that a plan does not declare makes the
/// measurement not applicable; an <see cref="Optional"/> one is read when present, and only its
/// breaking stops the measurement.
/// </remarks>
public sealed record LayerInput(PlanRelation Plan, string Role)
{
    /// <summary>Read when the plan has it; its absence does not make the measurement not applicable, but its breaking skips it.</summary>
    public bool Optional { get; init; }

    public static LayerInput Own(string role) => new(PlanRelation.Self, role);

    public static LayerInput Maybe(string role) => new(PlanRelation.Self, role) { Optional = true };

    public static LayerInput Of(LayerSelector selector) => new(selector.Plan, selector.Role);
}

/// <summary>
/// One distinct measurement: identified by its <see cref="Key"/> (kind and inputs) so that rules
/// needing the same measurement share one run of it.
/// </summary>
public abstract class Measurement
{
    public abstract string Key { get; }

    /// <summary>Layers the measurement reads; when one is absent the measurement is not applicable.</summary>
    public abstract IReadOnlyList<LayerInput> Inputs { get; }

    /// <summary>Indicators of the plan the measurement reads.</summary>
    public virtual IReadOnlyList<string> Indicators => [];

    /// <summary>A related plan the measurement needs even when it reads none of its layers.</summary>
    public virtual PlanRelation? Requires => null;

    public abstract MeasureResult Run(PlanScope scope);
}
