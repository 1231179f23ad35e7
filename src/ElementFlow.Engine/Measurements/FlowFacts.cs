using ElementFlow.Core.Planning;
using ElementFlow.Rules.Facts;

namespace ElementFlow.Engine.Measurements;

/// <summary>The plan's flows as facts, each joined with what the counterpart's plan in the tree declares.</summary>
public static class FlowFacts
{
    public static IReadOnlyList<FlowFact> Of(PlanScope scope) => scope.Shared("flows", () => scope.Plan.Flows.Select(f =>
    {
        var others = scope.OfRegion(f.Counterpart).ToList();
        var mirror = others.Select(o => MirrorOf(o.Plan, scope.Plan, f)).OfType<FlowMirror>().FirstOrDefault();
        return new FlowFact(scope.PlanFact, f, scope.Options.AsOf, others.FirstOrDefault()?.Plan.Id, mirror, TargetsUnmet(scope, others, f));
    }).ToList());

    /// <summary>The entry of <paramref name="other"/> that mirrors <paramref name="flow"/>: same kind, document, approved_by and year, opposite direction, naming <paramref name="own"/>'s region.</summary>
    public static FlowMirror? MirrorOf(Plan other, Plan own, Flow flow) => other.Flows
        .Where(o => o.Kind == flow.Kind && o.Direction != flow.Direction
            && Region.SignificantPrefix(o.Counterpart) == Region.SignificantPrefix(own.Region.Code)
            && o.Document == flow.Document && o.ApprovedBy == flow.ApprovedBy && o.Year == flow.Year)
        .OrderBy(o => o.Id == flow.Id ? 0 : 1)
        .ThenBy(o => Math.Abs(o.Amount.Canonical - flow.Amount.Canonical))
        .Select(o => new FlowMirror(other.Id, o))
        .FirstOrDefault();

    /// <summary>The sum of the flows of a kind that count (not expired), in + and out −, of the quantity a balance weighs.</summary>
    public static double Net(IEnumerable<Flow> flows, FlowKind kind, DateOnly asOf, Rules.Model.BalanceOf of, FlowDirection? direction = null) => flows
        .Where(f => f.Kind == kind && !f.IsExpiredOn(asOf) && (direction is null || f.Direction == direction))
        .Sum(f => f.Sign * (of switch
        {
            Rules.Model.BalanceOf.Paddy => f.Paddy?.Canonical ?? 0,
            Rules.Model.BalanceOf.Capacity => f.Capacity?.Canonical ?? 0,
            _ => f.Amount.Canonical,
        }));

    /// <summary>How many targets of a compensation agreement the protecting plan (the one receiving the money) misses.</summary>
    private static int TargetsUnmet(PlanScope scope, IReadOnlyList<PlanScope> others, Flow flow)
    {
        if (flow.Kind != FlowKind.EcoCompensation) return 0;
        var protecting = flow.Direction == FlowDirection.In ? scope.Plan : others.FirstOrDefault()?.Plan;
        if (protecting is null) return 0;
        return flow.Targets.Count(t =>
        {
            if (!protecting.Indicators.TryGetValue(t.Key, out var own) || own.Quantity.Unit.Dimension != t.Unit.Dimension) return true;
            var value = own.Quantity.Canonical;
            var min = t.Min is { } lo ? new Core.Units.Quantity(lo, t.Unit).Canonical : double.NegativeInfinity;
            var max = t.Max is { } hi ? new Core.Units.Quantity(hi, t.Unit).Canonical : double.PositiveInfinity;
            return value < min - Math.Abs(min) * 1e-9 || value > max + Math.Abs(max) * 1e-9;
        });
    }
}
