using ElementFlow.Core.Planning;

namespace ElementFlow.Rules.Facts;

/// <summary>The plan as rule expressions see it (<c>plan.Level == "city"</c>), with its place in the plan tree.</summary>
public sealed class PlanFact(Plan plan, PlanFact? parent = null, int childCount = 0)
{
    public string Id => Source.Id;
    public string Level => Source.Level.Name();
    public string Type => Source.Type.Name();
    public string RegionCode => Source.Region.Code;
    public int Epsg => Source.Crs.Epsg;
    public string Crs => Source.Crs.Text;

    /// <summary>True when plan.yaml names a parent (whether or not it was loaded).</summary>
    public bool HasParent => Source.Parent is not null;

    /// <summary>The parent plan when it is part of the check (given or loaded as context); null otherwise.</summary>
    public PlanFact? Parent { get; } = parent;

    /// <summary>How many plans of the tree name this one as their parent.</summary>
    public int ChildCount { get; } = childCount;

    /// <summary>Level and type form a valid pair of the five-level, three-type system.</summary>
    public bool IsValidPair => PlanKinds.IsValidPair(Source.Level, Source.Type);

    /// <summary>The region code lies inside the parent's region (false without a parent).</summary>
    public bool RegionInParent => Parent is not null && Parent.Source.Region.Contains(Source.Region.Code);

    /// <summary>Levels between the parent and this plan: 1 for a county under a city, 0 for a detailed plan under the overall plan of its level; -1 without a parent.</summary>
    public int LevelsBelowParent => Parent is null ? -1 : (int)Source.Level - (int)Parent.Source.Level;

    [Hidden]
    public Plan Source { get; } = plan;

    public override string ToString() => Id;
}
