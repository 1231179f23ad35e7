using System.Linq.Expressions;
using System.Reflection;
using ElementFlow.Core.Findings;
using ElementFlow.Engine.Decisions;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Kinds;

/// <summary><c>required</c>: each missing layer, attribute or indicator.</summary>
public sealed class RequiredKind : EngineKind<RequiredCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, RequiredCheck check) => [new RequiredMeasurement(check, $"{rule.Id}#{index}")];
    protected override IEnumerable<Expression> Decision(RequiredCheck check, ParameterExpression fact) => [];
    protected override double? Limit(RequiredCheck check) => 0;
}

/// <summary><c>area-ratio</c>: the ratio of two areas above its max or below its min.</summary>
public sealed class AreaRatioKind : EngineKind<AreaRatioCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, AreaRatioCheck check) => [new RatioMeasurement(check.Numerator, check.Denominator)];

    protected override IEnumerable<Expression> Decision(AreaRatioCheck check, ParameterExpression fact)
    {
        var tests = new List<Expression>();
        if (check.Max is { } max) tests.Add(Thresholds.Above(Value(fact), max));
        if (check.Min is { } min) tests.Add(Thresholds.Below(Value(fact), min));
        return [tests.Aggregate(Expression.OrElse)];
    }

    protected override double? Limit(AreaRatioCheck check) => check.Max ?? check.Min;
}

/// <summary><c>consistency</c>: a declared indicator further from the measured area than the relative tolerance.</summary>
public sealed class ConsistencyKind : EngineKind<ConsistencyCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, ConsistencyCheck check) =>
        check.Pairs.Select(p => (Measurement)new ConsistencyMeasurement(p.Key, p.Value)).ToList();

    protected override IEnumerable<Expression> Decision(ConsistencyCheck check, ParameterExpression fact) => [Thresholds.Above(Value(fact), check.RelativeTolerance)];
    protected override double? Limit(ConsistencyCheck check) => check.RelativeTolerance;
}

/// <summary><c>transmission</c>: a floor handed down not kept, or a cap passed; the limit comes from the allocation the observation carries.</summary>
public sealed class TransmissionKind : EngineKind<TransmissionCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, TransmissionCheck check) => [new TransmissionMeasurement(check)];

    protected override IEnumerable<Expression> Decision(TransmissionCheck check, ParameterExpression fact)
    {
        var value = Value(fact);
        var limit = Expression.Property(Expression.Property(fact, nameof(Observation.Limit)), nameof(Nullable<double>.Value));
        var category = Expression.Property(fact, nameof(Observation.Category));
        yield return Expression.OrElse(
            Expression.AndAlso(Expression.Equal(category, Expression.Constant("floor")), Thresholds.Below(value, limit)),
            Expression.AndAlso(Expression.Equal(category, Expression.Constant("cap")), Thresholds.Above(value, limit)));
    }
}

/// <summary><c>indicator</c>: the plan's indicators, all present, for which the assertion does not hold.</summary>
public sealed class IndicatorKind : EngineKind<IndicatorCheck>
{
    private static readonly MethodInfo HasMethod = typeof(IndicatorSet).GetMethod(nameof(IndicatorSet.Has))!;

    protected override Type FactType(IndicatorCheck check) => typeof(IndicatorSet);

    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, IndicatorCheck check) => [new IndicatorSetMeasurement(check.Keys)];

    protected override IEnumerable<Expression> Decision(IndicatorCheck check, ParameterExpression fact)
    {
        foreach (var k in check.Keys) yield return Expression.Call(fact, HasMethod, Expression.Constant(k));
        yield return Expression.Not(IndicatorExpressions.Over(check.Assert, typeof(bool), fact, check.Named));
    }

    protected override IReadOnlyDictionary<string, object?> Named(IndicatorCheck check) => check.Named;

    protected override Func<object, double>? ValueOf(IndicatorCheck check, Type factType) => check.Value is null ? null : IndicatorExpressions.Value(check);

    protected override void Describe(IndicatorCheck check, object fact, FindingDraft draft)
    {
        if (fact is not IndicatorSet set) return;
        draft.Subjects = check.Keys.Select(k => new Subject(Subject.IndicatorsLayer, k)).ToList();
        foreach (var k in check.Keys) draft.Arguments[k] = set.Get(k);
    }
}

/// <summary><c>expression</c>: the facts of one type (plan, layer, feature, indicator, issue, approval, flow) for which the rule's own condition holds.</summary>
public sealed class ExpressionKind : EngineKind<ExpressionCheck>
{
    private static readonly MethodInfo ContainsMethod = typeof(HashSet<string>).GetMethod(nameof(HashSet<string>.Contains))!;

    protected override Type FactType(ExpressionCheck check) => FactTypes.Of(check.Facts);

    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, ExpressionCheck check) => [new FactsMeasurement(check.Facts, check.Layers, check.Requires)];

    protected override IEnumerable<Expression> Decision(ExpressionCheck check, ParameterExpression fact)
    {
        var plan = fact.Type == typeof(PlanFact) ? (Expression)fact : Expression.Property(fact, "Plan");
        if (check.Layers is { } layers && check.Facts is FactSource.Feature or FactSource.Layer or FactSource.Issue)
        {
            var member = check.Facts == FactSource.Layer ? nameof(LayerFact.Role) : nameof(FeatureFact.Layer);
            yield return Expression.Call(Expression.Constant(new HashSet<string>(layers, StringComparer.Ordinal)), ContainsMethod, Expression.Property(fact, member));
        }

        if (check.Requires is { } relation)
        {
            // The related plan must be in the check, for every fact the shared measurement produced.
            yield return relation switch
            {
                PlanRelation.Parent => Expression.NotEqual(Expression.Property(plan, nameof(PlanFact.Parent)), Expression.Constant(null, typeof(PlanFact))),
                PlanRelation.Counterpart => Expression.Property(fact, nameof(FlowFact.CounterpartInTree)),
                _ => Expression.GreaterThan(Expression.Property(plan, nameof(PlanFact.ChildCount)), Expression.Constant(0)),
            };
        }

        var when = ConditionCompiler.Compile(check.When, [Expression.Parameter(fact.Type, check.Variable)], typeof(bool), check.Named);
        yield return new Substitute(when.Parameters[0], fact).Visit(when.Body);
    }

    protected override IReadOnlyDictionary<string, object?> Named(ExpressionCheck check) => check.Named;

    protected override string Variable(ExpressionCheck check) => check.Variable;

    protected override Func<object, double>? ValueOf(ExpressionCheck check, Type factType) =>
        check.Value is { } v ? FindingFactory.Compile<double>(v, factType, check.Variable, check.Named) : null;

    protected override Func<object, double>? LimitOf(ExpressionCheck check, Type factType) =>
        check.Limit is { } l ? FindingFactory.Compile<double>(l, factType, check.Variable, check.Named) : null;

    private sealed class Substitute(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
