using ElementFlow.Core.Planning;

namespace ElementFlow.Rules.Facts;

/// <summary>The entry the counterpart's plan declares for the same flow (opposite direction; same kind, document, approved_by, year).</summary>
public sealed record FlowMirror(string Plan, Flow Flow);

/// <summary>
/// One declared flow as rule expressions see it (<c>flow.Kind == "pbf_relocation" &amp;&amp; !flow.ApprovedByState</c>):
/// its fields (amounts converted: areas in hectares, payments in 10k yuan, capacity in kg; absent numbers NaN,
/// absent texts empty), what its region codes say, and what the counterpart's plan in the tree declares.
/// </summary>
public sealed class FlowFact(PlanFact plan, Flow flow, DateOnly asOf, string? counterpartPlan, FlowMirror? mirror, int targetsUnmet)
{
    public PlanFact Plan { get; } = plan;
    public string Id => Source.Id;
    public string Kind => Source.Kind.Name();
    public string Direction => Source.Direction.Name();
    public string Counterpart => Source.Counterpart;
    public double Amount => Source.Amount.Canonical;
    public string Unit => Source.Amount.Unit.Dimension == Core.Units.Dimension.Area ? "ha" : Source.Amount.Unit.Key;
    public double Paddy => Source.Paddy?.Canonical ?? double.NaN;
    public double Capacity => Source.Capacity?.Canonical ?? double.NaN;
    public double Grade => Source.Grade ?? double.NaN;
    public string Indicator => Source.Indicator ?? "";
    public int TargetCount => Source.Targets.Count;
    public string Document => Source.Document ?? "";
    public string ApprovedBy => Source.ApprovedBy ?? "";
    public int Year => Source.Year ?? 0;
    public string Expires => Source.Expires?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
    public bool HasExpiry => Source.Expires is not null;

    /// <summary>True when the flow expired before the day of the check: it counts for nothing.</summary>
    public bool IsExpired => Source.IsExpiredOn(AsOf);

    /// <summary>The year lies in the plan's period (base to target year); true when the plan gives no period.</summary>
    public bool InPeriod => Source.Year is not { } y
        || ((Plan.Source.BaseYear is not { } b || y >= b) && (Plan.Source.TargetYear is not { } t || y <= t));

    /// <summary>The counterpart is the plan's own region.</summary>
    public bool CounterpartIsSelf => Region.SignificantPrefix(Counterpart) == Region.SignificantPrefix(Plan.RegionCode);

    /// <summary>The two regions lie in different provinces.</summary>
    public bool CrossProvince => RegionCodes.Province(Counterpart) != RegionCodes.Province(Plan.RegionCode);

    /// <summary>The two regions lie in one city (same four-digit prefix).</summary>
    public bool SameCity => RegionCodes.City(Counterpart) == RegionCodes.City(Plan.RegionCode);

    /// <summary>approved_by is "000000", the State Council and its ministries.</summary>
    public bool ApprovedByState => ApprovedBy == RegionCodes.State;

    /// <summary>approved_by is the State, or a government whose region contains both regions.</summary>
    public bool ApproverIsCommonAncestor => ApprovedBy.Length > 0 && RegionCodes.IsCommonAncestor(ApprovedBy, Plan.RegionCode, Counterpart);

    /// <summary>A plan of the counterpart's region is part of the check.</summary>
    public bool CounterpartInTree => CounterpartPlan.Length > 0;

    /// <summary>The id of the counterpart's plan, empty when it is not part of the check.</summary>
    public string CounterpartPlan { get; } = counterpartPlan ?? "";

    public bool MirrorFound => Mirror is not null;
    public string MirrorId => Mirror?.Flow.Id ?? "";
    public double MirrorAmount => Mirror?.Flow.Amount.Canonical ?? double.NaN;
    public double MirrorPaddy => Mirror?.Flow.Paddy?.Canonical ?? double.NaN;
    public double MirrorCapacity => Mirror?.Flow.Capacity?.Canonical ?? double.NaN;
    public double MirrorGrade => Mirror?.Flow.Grade ?? double.NaN;

    /// <summary>The grade of the basic farmland that arrives (designated in the receiving region): this flow's when it is "in", else the mirror's.</summary>
    public double GradeIn => Source.Direction == FlowDirection.In ? Grade : MirrorGrade;

    /// <summary>The grade of the basic farmland that leaves (no longer designated in the sending region).</summary>
    public double GradeOut => Source.Direction == FlowDirection.Out ? Grade : MirrorGrade;

    /// <summary>Targets of a compensation agreement the protecting plan (the one receiving the money) does not meet; 0 when that plan is not part of the check.</summary>
    public int TargetsUnmet { get; } = targetsUnmet;

    [Hidden]
    public FlowMirror? Mirror { get; } = mirror;

    [Hidden]
    public DateOnly AsOf { get; } = asOf;

    [Hidden]
    public Flow Source { get; } = flow;
}
