using ElementFlow.Core.Planning;
using ElementFlow.Engine.Decisions;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules;
using ElementFlow.Rules.Model;

namespace ElementFlow.Checking;

/// <summary>
/// The rules of a catalogue split by what they read: <see cref="Own"/> rules read one plan alone, so a plan's own
/// task finds exactly what a check of the whole tree finds for them; <see cref="Cross"/> rules also read a parent,
/// children or the plans a flow or enclave names, and run where those are present. <see cref="Layers"/> are the layer
/// roles the cross rules read (null: all of them), the digest a cross-plan task loads.
/// </summary>
/// <remarks>
/// The split errs towards <see cref="Cross"/>: a rule placed there by mistake still finds the same (its task has the
/// plan, whole in the layers it reads, and its neighbours); one wrongly called <see cref="Own"/> would lose findings.
/// So a check is cross-plan when any measurement reads a related plan's layer or requires a related plan, when it
/// reads flows or enclaves (which name other regions' plans), and when its expression mentions the parent, children,
/// a counterpart or a mirror entry.
/// </remarks>
public sealed record CrossPlanRules(IReadOnlySet<string> Own, IReadOnlySet<string> Cross, IReadOnlySet<string>? Layers)
{
    private static readonly string[] RelatedWords = ["parent", "child", "counterpart", "mirror"];

    public static CrossPlanRules Of(RuleCatalog catalog)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        var cross = new HashSet<string>(StringComparer.Ordinal);
        var layers = new HashSet<string>(StringComparer.Ordinal) { LayerRole.Boundary.Name };
        var allLayers = false;
        foreach (var rule in catalog.Rules)
        {
            var compiled = rule.Checks.Select((c, i) => RuleCompiler.Compile(rule, i, c)).ToList();
            if (!compiled.Any(IsCross))
            {
                own.Add(rule.Id);
                continue;
            }

            cross.Add(rule.Id);
            foreach (var m in compiled.SelectMany(c => c.Measurements))
            {
                foreach (var input in m.Inputs) layers.Add(input.Role);
                if (m is EnclaveMeasurement) layers.Add(LayerRole.Enclaves.Name);
                if (m is FactsMeasurement { Source: FactSource.Layer or FactSource.Feature or FactSource.Issue } facts)
                {
                    if (facts.LayerFilter is { } filter) layers.UnionWith(filter);
                    else allLayers = true;
                }
            }
        }

        // A rule in both sets (two rule sets giving one id) runs where its cross half can.
        own.ExceptWith(cross);
        return new CrossPlanRules(own, cross, allLayers ? null : layers);
    }

    private static bool IsCross(CompiledCheck check)
    {
        if (check.Measurements.Any(m => m.Requires is not null
            || m.Inputs.Any(i => i.Plan != PlanRelation.Self)
            || m is EnclaveMeasurement or FlowBalanceMeasurement or FlowEligibilityMeasurement or TransmissionMeasurement
            || m is FactsMeasurement { Source: FactSource.Flow }))
        {
            return true;
        }

        return check.Check is ExpressionCheck e
            && (e.Requires is not null
                || new[] { e.When, e.Value, e.Limit, e.Measure }.Concat(e.Named.Values.Select(v => v?.ToString()))
                    .Any(t => t is not null && RelatedWords.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase))));
    }
}
