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

    /// <summary>
    /// 椭球面积: the area on the CGCS2000 ellipsoid in m², as the national land survey computes it
    /// (<see cref="Spatial.EllipsoidalArea"/>); NaN when the plan's CRS is not CGCS2000, 0 for non-polygons.
    /// </summary>
    public double EllipsoidalArea => _ellipsoidal ??= Source.Geometry is not { IsEmpty: false } g ? 0
        : Spatial.Cgcs2000.IsCgcs2000(Plan.Epsg) ? Spatial.EllipsoidalArea.Of(g, Plan.Epsg) : double.NaN;

    private double? _ellipsoidal;
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
