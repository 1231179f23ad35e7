using ElementFlow.Core.Planning;

namespace ElementFlow.Rules.Facts;

/// <summary>The plan as rule expressions see it (<c>plan.Level == "city"</c>).</summary>
public sealed class PlanFact(Plan plan)
{
    public string Id => Source.Id;
    public string Level => Source.Level.Name();
    public string Type => Source.Type.Name();
    public string RegionCode => Source.Region.Code;
    public int Epsg => Source.Crs.Epsg;
    public string Crs => Source.Crs.Text;
    public bool HasParent => Source.Parent is not null;

    [Hidden]
    public Plan Source { get; } = plan;

    public override string ToString() => Id;
}
