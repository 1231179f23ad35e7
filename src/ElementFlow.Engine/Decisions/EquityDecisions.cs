using System.Linq.Expressions;
using ElementFlow.Core.Findings;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Decisions;

/// <summary>
/// The NRules conditions and finding details of the equity check kinds: a share below its floor, a
/// unit below the floor or a best–worst gap above the limit, an area per person out of bounds, or a
/// measured figure too far from the plan's declared indicator.
/// </summary>
public static class EquityDecisions
{
    /// <summary>Relative slack, as for the other kinds: a share computed as 0.8999999999 is not below 0.9.</summary>
    private const double Slack = 1e-9;

    public static bool Handles(CheckSpec check) => check is CoverageCheck or DistributionCheck or PerCapitaCheck or ShorelineCheck;

    /// <summary>The condition on an observation (<paramref name="fact"/>) under which the check reports it.</summary>
    public static Expression Condition(CheckSpec check, ParameterExpression fact)
    {
        var value = Expression.Property(fact, nameof(Observation.Value));
        var category = Expression.Property(fact, nameof(Observation.Category));
        switch (check)
        {
            case CoverageCheck { Declared: { } d }: return Differs(fact, value, d);
            case CoverageCheck c: return Below(value, c.MinShare!.Value);
            case PerCapitaCheck { Declared: { } d }: return Differs(fact, value, d);
            case PerCapitaCheck c:
                return new[] { c.Min is { } min ? Below(value, min) : null, c.Max is { } max ? Above(value, max) : null }
                    .OfType<Expression>().Aggregate(Expression.OrElse);
            case ShorelineCheck c: return Below(value, c.MinShare);
            case DistributionCheck c:
                var tests = new List<Expression>();
                if (c.Floor is { } floor) tests.Add(Expression.AndAlso(Expression.Equal(category, Expression.Constant("floor")), Below(value, floor)));
                if (c.MaxGap is { } gap) tests.Add(Expression.AndAlso(Expression.Equal(category, Expression.Constant("gap")), Above(value, gap)));
                return tests.Aggregate(Expression.OrElse);
            default: throw new NotSupportedException(check.Kind);
        }
    }

    /// <summary>Sets the finding's value, limit, measure name and arguments for an equity check's observation.</summary>
    public static void Apply(CheckSpec check, Observation o, ref double value, ref double? limit, ref string measureName, ref IReadOnlyList<Subject> subjects, IDictionary<string, object?> args)
    {
        switch (check)
        {
            case CoverageCheck { Declared: { } d }:
                Declared(d, o, ref value, ref limit, ref measureName, args);
                subjects = [new Subject(Subject.IndicatorsLayer, d.Indicator)]; // the homes out of reach stay in the geometry
                break;
            case CoverageCheck c:
                limit = c.MinShare;
                measureName = c.Measure ?? measureName;
                break;
            case PerCapitaCheck { Declared: { } d }:
                Declared(d, o, ref value, ref limit, ref measureName, args);
                subjects = [new Subject(Subject.IndicatorsLayer, d.Indicator), .. subjects];
                break;
            case PerCapitaCheck c: limit = o.Value < (c.Min ?? double.NegativeInfinity) ? c.Min : c.Max ?? c.Min; break;
            case ShorelineCheck c: limit = c.MinShare; break;
            case DistributionCheck c:
                limit = c.LimitFor(o.Category);
                if (c.Measure is { } m) measureName = o.Category == "gap" ? MeasureNames.Gap(m) : m;
                break;
        }
    }

    /// <summary>|measured − declared| (or relative to the measured value); NaN when the plan does not declare the indicator.</summary>
    public static double Difference(PlanFact plan, double measured, string indicator, bool relative)
    {
        if (!plan.Source.Indicators.TryGetValue(indicator, out var declared)) return double.NaN;
        var difference = Math.Abs(measured - declared.Quantity.Canonical);
        if (!relative) return difference;
        return measured != 0 ? difference / Math.Abs(measured) : (difference > 0 ? 1 : 0);
    }

    private static void Declared(DeclaredComparison d, Observation o, ref double value, ref double? limit, ref string measureName, IDictionary<string, object?> args)
    {
        args["indicator"] = d.Indicator;
        args["measured"] = o.Value;
        args["declared"] = o.Plan.Source.Indicators.TryGetValue(d.Indicator, out var i) ? i.Quantity.Canonical : null;
        value = Difference(o.Plan, o.Value, d.Indicator, d.Relative);
        limit = d.MaxDifference;
        measureName = d.MeasureName;
    }

    private static Expression Differs(ParameterExpression fact, Expression value, DeclaredComparison d) => Expression.GreaterThan(
        Expression.Call(typeof(EquityDecisions), nameof(Difference), null,
            Expression.Property(fact, nameof(Observation.Plan)), value, Expression.Constant(d.Indicator), Expression.Constant(d.Relative)),
        Expression.Constant(d.MaxDifference + Math.Abs(d.MaxDifference) * Slack));

    private static Expression Below(Expression value, double limit) =>
        Expression.LessThan(value, Expression.Constant(limit - Math.Abs(limit) * Slack));

    private static Expression Above(Expression value, double limit) =>
        Expression.GreaterThan(value, Expression.Constant(limit + Math.Abs(limit) * Slack));
}
