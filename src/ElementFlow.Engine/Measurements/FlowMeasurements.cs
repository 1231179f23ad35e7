using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// A balance with flows (flow-balance). Own: use + out − supply − in, the shortfall (positive when the plan
/// uses or sends more than it supplies and receives). Children: the net of the overall children's flows whose
/// counterpart is another child with a plan here, which a transfer between them leaves at zero.
/// </summary>
public sealed class FlowBalanceMeasurement(FlowBalanceCheck check) : Measurement
{
    public override string Key => $"flow-balance:{check.Flow.Name()}:{check.Use}:{check.Supply}:{check.Of}:{(check.Children ? "children" : "own")}";
    public override IReadOnlyList<LayerInput> Inputs => [];
    public override IReadOnlyList<string> Indicators => !check.Children && check.Use is { } use ? [use] : [];
    public override PlanRelation? Requires => check.Children ? PlanRelation.Children : null;

    private string Unit => check.Of == BalanceOf.Capacity ? "kg" : "ha";

    public override MeasureResult Run(PlanScope scope) => check.Children ? Children(scope) : Own(scope);

    private MeasureResult Own(PlanScope scope)
    {
        var plan = scope.Plan;
        var asOf = scope.Options.AsOf;
        var flows = plan.Flows.Where(f => f.Kind == check.Flow && !f.IsExpiredOn(asOf)).ToList();
        var flowsIn = FlowFacts.Net(flows, check.Flow, asOf, check.Of, FlowDirection.In);
        var flowsOut = -FlowFacts.Net(flows, check.Flow, asOf, check.Of, FlowDirection.Out);
        var use = plan.Indicators[check.Use!].Quantity.Canonical;
        var supply = check.Supply is { } s && plan.Indicators.TryGetValue(s, out var declared) ? declared.Quantity.Canonical : 0;
        var subjects = new List<Subject> { new(Subject.IndicatorsLayer, check.Use!) };
        if (check.Supply is { } sk && plan.Indicators.ContainsKey(sk)) subjects.Add(new Subject(Subject.IndicatorsLayer, sk));
        subjects.AddRange(flows.Select(f => new Subject(FlowSubjects.Layer, f.Id)));
        return new MeasureResult([new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = use + flowsOut - supply - flowsIn,
            Category = check.Of.ToString().ToLowerInvariant(),
            Subjects = subjects,
            Arguments = new Dictionary<string, object?>
            {
                ["flow_kind"] = check.Flow.Name(), ["use"] = use, ["supply"] = supply,
                ["flows_in"] = flowsIn, ["flows_out"] = flowsOut, ["unit"] = Unit,
            },
        }]);
    }

    private MeasureResult Children(PlanScope scope)
    {
        var asOf = scope.Options.AsOf;
        // Only flows between two children with plans here: a flow to a region without a plan cannot be netted (FLOW-002 is not applicable to it either).
        var children = scope.OverallChildren.ToList();
        var codes = children.Select(c => Region.SignificantPrefix(c.Plan.Region.Code)).ToHashSet(StringComparer.Ordinal);
        var inside = children
            .SelectMany(c => c.Plan.Flows.Where(f => f.Kind == check.Flow && !f.IsExpiredOn(asOf) && codes.Contains(Region.SignificantPrefix(f.Counterpart))).Select(f => (Child: c.Plan, Flow: f)))
            .ToList();
        if (inside.Count == 0) return MeasureResult.Missing($"no {check.Flow.Name()} flows between the children");
        var net = inside.Sum(x => FlowFacts.Net([x.Flow], check.Flow, asOf, check.Of));
        return new MeasureResult([new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = Math.Abs(net),
            Category = "net",
            Subjects = inside.Select(x => new Subject(FlowSubjects.Layer, x.Flow.Id) { Plan = x.Child.Id }).ToList(),
            Arguments = new Dictionary<string, object?>
            {
                ["flow_kind"] = check.Flow.Name(), ["unit"] = Unit,
                ["flows_in"] = FlowFacts.Net(inside.Select(x => x.Flow), check.Flow, asOf, check.Of, FlowDirection.In),
                ["flows_out"] = -FlowFacts.Net(inside.Select(x => x.Flow), check.Flow, asOf, check.Of, FlowDirection.Out),
                ["children"] = inside.Select(x => x.Child.Id).Distinct().Count(),
            },
        }]);
    }
}

/// <summary>
/// Cross-province eligibility (flow-eligibility): each counting flow of the listed kinds that crosses a province
/// line, from an unlisted sender, to an unlisted receiver or outside the policy window; one "not-configured"
/// observation when the lists are empty.
/// </summary>
public sealed class FlowEligibilityMeasurement(FlowEligibilityCheck check) : Measurement
{
    public override string Key => $"flow-eligibility:{string.Join("+", check.Flows)}:{string.Join("+", check.Senders)}:{string.Join("+", check.Receivers)}:{check.FromYear}:{check.UntilYear}";
    public override IReadOnlyList<LayerInput> Inputs => [];

    public override MeasureResult Run(PlanScope scope)
    {
        var crossing = FlowFacts.Of(scope).Where(f => check.Flows.Contains(f.Source.Kind) && !f.IsExpired && f.CrossProvince).ToList();
        if (crossing.Count == 0) return MeasureResult.Missing("no cross-province flow of the listed kinds");
        var facts = new List<object>();
        if (!check.Configured)
        {
            facts.Add(Observe(scope, crossing, "not-configured", null, null));
        }

        foreach (var f in crossing)
        {
            var sender = f.Source.Direction == FlowDirection.Out ? scope.Plan.Region.Code : f.Counterpart;
            var receiver = f.Source.Direction == FlowDirection.Out ? f.Counterpart : scope.Plan.Region.Code;
            if (check.Senders.Count > 0 && !Listed(check.Senders, sender)) facts.Add(Observe(scope, [f], "sender", sender, receiver));
            if (check.Receivers.Count > 0 && !Listed(check.Receivers, receiver)) facts.Add(Observe(scope, [f], "receiver", sender, receiver));
            if (f.Year > 0 && (f.Year < (check.FromYear ?? int.MinValue) || f.Year > (check.UntilYear ?? int.MaxValue)))
            {
                facts.Add(Observe(scope, [f], "window", sender, receiver));
            }
        }

        return new MeasureResult(facts);
    }

    private static bool Listed(IReadOnlyList<string> list, string code) => list.Any(l => new Region(l, "").Contains(code));

    private Observation Observe(PlanScope scope, IReadOnlyList<FlowFact> flows, string category, string? sender, string? receiver)
    {
        var args = FlowSubjects.Arguments(flows[0]);
        args["sender"] = sender;
        args["receiver"] = receiver;
        args["window"] = $"{check.FromYear}–{check.UntilYear}";
        return new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = flows.Count,
            Category = category,
            Subjects = flows.Select(f => new Subject(FlowSubjects.Layer, f.Id)).ToList(),
            Arguments = args,
        };
    }
}

/// <summary>How findings about flows name them: subjects <c>flows/&lt;id&gt;</c> and the common placeholders.</summary>
public static class FlowSubjects
{
    public const string Layer = "flows";

    public static Dictionary<string, object?> Arguments(FlowFact f) => new(StringComparer.Ordinal)
    {
        ["flow"] = f.Id, ["kind"] = f.Kind, ["direction"] = f.Direction, ["counterpart"] = f.Counterpart,
        ["amount"] = f.Amount, ["unit"] = f.Unit, ["document"] = f.Document, ["approved_by"] = f.ApprovedBy,
        ["year"] = f.Year == 0 ? null : f.Year, ["expires"] = f.Expires, ["counterpart_plan"] = f.CounterpartPlan,
        ["mirror"] = f.MirrorId, ["mirror_amount"] = f.MirrorFound ? f.MirrorAmount : null,
        ["region"] = f.Plan.RegionCode, ["layer"] = Layer, ["id"] = f.Id,
    };
}
