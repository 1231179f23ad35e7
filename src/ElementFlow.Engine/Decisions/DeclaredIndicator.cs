using System.Linq.Expressions;
using ElementFlow.Engine.Kinds;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Decisions;

/// <summary>
/// A measured figure compared with the plan's declared indicator (coverage and per-capita checks with
/// <c>declared:</c>): a finding when they differ by more than the allowed difference, absolute or relative.
/// </summary>
public static class DeclaredIndicator
{
    /// <summary>|measured − declared| (or relative to the measured value); NaN when the plan does not declare the indicator.</summary>
    public static double Difference(PlanFact plan, double measured, string indicator, bool relative)
    {
        if (!plan.Source.Indicators.TryGetValue(indicator, out var declared)) return double.NaN;
        var difference = Math.Abs(measured - declared.Quantity.Canonical);
        if (!relative) return difference;
        return measured != 0 ? difference / Math.Abs(measured) : (difference > 0 ? 1 : 0);
    }

    /// <summary>The condition on an observation: the difference is above the allowed one.</summary>
    public static Expression Differs(ParameterExpression fact, DeclaredComparison d) => Thresholds.Above(
        Expression.Call(typeof(DeclaredIndicator), nameof(Difference), null,
            Expression.Property(fact, nameof(Observation.Plan)), Expression.Property(fact, nameof(Observation.Value)), Expression.Constant(d.Indicator), Expression.Constant(d.Relative)),
        d.MaxDifference);

    /// <summary>The finding reports the difference against the allowed one, with the measured and declared figures.</summary>
    public static void Describe(DeclaredComparison d, Observation o, FindingDraft draft)
    {
        draft.Arguments["indicator"] = d.Indicator;
        draft.Arguments["measured"] = o.Value;
        draft.Arguments["declared"] = o.Plan.Source.Indicators.TryGetValue(d.Indicator, out var i) ? i.Quantity.Canonical : null;
        draft.Value = Difference(o.Plan, o.Value, d.Indicator, d.Relative);
        draft.Limit = d.MaxDifference;
        draft.MeasureName = d.MeasureName;
    }
}
