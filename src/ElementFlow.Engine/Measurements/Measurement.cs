namespace ElementFlow.Engine.Measurements;

/// <summary>What a measurement produced for one plan: facts for the rule engine, or why it could not run.</summary>
public sealed record MeasureResult(IReadOnlyList<object> Facts, string? NotApplicable = null)
{
    public static MeasureResult Missing(string why) => new([], why);
}

/// <summary>
/// One distinct measurement: identified by its <see cref="Key"/> (kind and inputs) so that rules
/// needing the same measurement share one run of it.
/// </summary>
public abstract class Measurement
{
    public abstract string Key { get; }

    /// <summary>Layer roles the measurement reads; when one is absent the measurement is not applicable.</summary>
    public abstract IReadOnlyList<string> Layers { get; }

    /// <summary>Indicators the measurement reads.</summary>
    public virtual IReadOnlyList<string> Indicators => [];

    /// <summary>True when the measurement runs even if some of its layers are absent (it reports what it finds).</summary>
    public virtual bool TolerateMissingLayers => false;

    public abstract MeasureResult Run(PlanScope scope);
}
