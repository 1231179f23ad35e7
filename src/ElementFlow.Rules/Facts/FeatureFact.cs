using ElementFlow.Core.Planning;

namespace ElementFlow.Rules.Facts;

/// <summary>One feature as rule expressions see it: id, classifying code, area and attributes.</summary>
public sealed class FeatureFact(PlanFact plan, LayerRole role, Feature feature)
{
    public PlanFact Plan { get; } = plan;
    public string Layer => Role.Name;
    public string Id => Source.Id;

    /// <summary>The classifying attribute: land-use code, zone or facility kind; null when the role has none or the feature lacks it.</summary>
    public string? Code => Role.ClassifyingAttribute is { } a ? Source.Text(a) : null;

    public double Area => Source.Geometry?.Area ?? 0;
    public double Length => Source.Geometry?.Length ?? 0;
    public string GeometryType => Source.Geometry?.GeometryType ?? "None";

    public bool Has(string attribute) => Source.Has(attribute);
    public string? Text(string attribute) => Source.Text(attribute);
    public double Number(string attribute) => Source.Number(attribute);

    [Hidden]
    public LayerRole Role { get; } = role;

    [Hidden]
    public Feature Source { get; } = feature;

    public override string ToString() => $"{Layer}/{Id}";
}
