using System.Linq.Expressions;
using System.Reflection;
using ElementFlow.Core.Planning;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace ElementFlow.Engine.Decisions;

/// <summary>One check of one rule, with the measurements it needs and the NRules rule that decides on them.</summary>
/// <param name="Accepts">The rule's conditions as one test of a fact, for facts too many to hand the engine whole (see Checker).</param>
public sealed record CompiledCheck(RuleSpec Rule, int Index, CheckSpec Check, IReadOnlyList<Measurement> Measurements, IRuleDefinition Definition, Func<object, bool> Accepts);

/// <summary>
/// Compiles each (rule, check) of the canonical model into an NRules rule: one pattern over the
/// check's fact type, alpha conditions for the measurement key, where the rule applies and the
/// threshold (or the rule's own expression), and an action that inserts the finding.
/// </summary>
public static class RuleCompiler
{
    /// <summary>Relative slack for threshold comparisons, so 1.3 computed as 1.3000000000000003 does not exceed 1.3.</summary>
    private const double Slack = 1e-9;

    private static readonly MethodInfo AppliesMethod = typeof(AppliesTo).GetMethod(nameof(AppliesTo.Matches), [typeof(Plan)])!;
    private static readonly MethodInfo InsertMethod = typeof(IContext).GetMethod(nameof(IContext.Insert), [typeof(object)])!;
    private static readonly MethodInfo CreateMethod = typeof(FindingFactory).GetMethod(nameof(FindingFactory.Create))!;
    private static readonly MethodInfo ContainsMethod = typeof(HashSet<string>).GetMethod(nameof(HashSet<string>.Contains))!;
    private static readonly MethodInfo HasMethod = typeof(IndicatorSet).GetMethod(nameof(IndicatorSet.Has))!;
    private static readonly MethodInfo PermitsMethod = typeof(UseMatrix).GetMethod(nameof(UseMatrix.Permits))!;

    public static CompiledCheck Compile(RuleSpec rule, int index, CheckSpec check)
    {
        var factType = FactTypeOf(check);
        var builder = new RuleBuilder();
        builder.Name($"{rule.Id}#{index}");
        builder.Description(rule.Title.En);
        builder.Tag(rule.RuleSet);

        var pattern = builder.LeftHandSide().Pattern(factType, "fact");
        var fact = pattern.Declaration.ToParameterExpression();
        var measurements = MeasurementsFor(rule, index, check);
        var conditions = Conditions(rule, check, fact, measurements).ToList();
        foreach (var condition in conditions)
        {
            pattern.Condition(Expression.Lambda(condition, fact));
        }

        var context = Expression.Parameter(typeof(IContext), "ctx");
        var factory = new FindingFactory(rule, check, factType);
        var create = Expression.Call(Expression.Constant(factory), CreateMethod, Expression.Convert(fact, typeof(object)));
        builder.RightHandSide().Action(Expression.Lambda(Expression.Call(context, InsertMethod, create), context, fact));
        return new CompiledCheck(rule, index, check, measurements, builder.Build(), Accepting(fact, conditions));
    }

    /// <summary>The conjunction of a pattern's conditions over any object: false for facts of another type.</summary>
    private static Func<object, bool> Accepting(ParameterExpression fact, IReadOnlyList<Expression> conditions)
    {
        var any = Expression.Parameter(typeof(object), "any");
        var all = conditions.Aggregate((Expression)Expression.NotEqual(fact, Expression.Constant(null, fact.Type)), Expression.AndAlso);
        var body = Expression.Block([fact], Expression.Assign(fact, Expression.TypeAs(any, fact.Type)), all);
        return Expression.Lambda<Func<object, bool>>(body, any).Compile();
    }

    public static Type FactTypeOf(CheckSpec check) => check switch
    {
        ExpressionCheck e => Rules.Yaml.CheckFactory.FactType(e.Facts),
        IndicatorCheck => typeof(IndicatorSet),
        _ => typeof(Observation),
    };

    public static IReadOnlyList<Measurement> MeasurementsFor(RuleSpec rule, int index, CheckSpec check) => check switch
    {
        RequiredCheck c => [new RequiredMeasurement(c, $"{rule.Id}#{index}")],
        ValidGeometryCheck c => [new ValidityMeasurement(c.Layers)],
        NoOverlapCheck c => [new OverlapMeasurement(c.A, c.B)],
        WithinCheck c => [new OutsideMeasurement(c.A, c.B, c.PerPart)],
        CoversCheck c => [new DroppedMeasurement(c.Layer)],
        UsePermittedCheck c => [new OverlapMeasurement(c.Uses, c.Zones)],
        TransmissionCheck c => [new TransmissionMeasurement(c)],
        AreaRatioCheck c => [new RatioMeasurement(c.Numerator, c.Denominator)],
        IndicatorCheck c => [new IndicatorSetMeasurement(c.Keys)],
        ConsistencyCheck c => c.Pairs.Select(p => (Measurement)new ConsistencyMeasurement(p.Key, p.Value)).ToList(),
        ExpressionCheck c => [new FactsMeasurement(c.Facts, c.Layers, c.Requires)],
        FlowBalanceCheck c => [new FlowBalanceMeasurement(c)],
        FlowEligibilityCheck c => [new FlowEligibilityMeasurement(c)],
        EnclaveCheck => [new EnclaveMeasurement()],
        _ when EquityDecisions.Handles(check) => EquityMeasurements.For(check),
        _ => throw new NotSupportedException(check.Kind),
    };

    private static IEnumerable<Expression> Conditions(RuleSpec rule, CheckSpec check, ParameterExpression fact, IReadOnlyList<Measurement> measurements)
    {
        // Where the rule applies, from the fact's plan.
        var plan = fact.Type == typeof(PlanFact) ? (Expression)fact : Expression.Property(fact, "Plan");
        var source = Expression.Property(plan, nameof(PlanFact.Source));
        foreach (var applies in new[] { rule.AppliesTo, check.AppliesTo }.OfType<AppliesTo>())
        {
            yield return Expression.Call(Expression.Constant(applies), AppliesMethod, source);
        }

        if (fact.Type == typeof(Observation))
        {
            var key = Expression.Property(fact, nameof(Observation.Key));
            yield return measurements.Select(m => (Expression)Expression.Equal(key, Expression.Constant(m.Key)))
                .Aggregate(Expression.OrElse);
        }

        var value = fact.Type == typeof(Observation) ? Expression.Property(fact, nameof(Observation.Value)) : null;
        switch (check)
        {
            case NoOverlapCheck c: yield return Above(value!, c.ToleranceM2); break;
            case WithinCheck c: yield return Above(value!, c.ToleranceM2); break;
            case ConsistencyCheck c: yield return Above(value!, c.RelativeTolerance); break;
            case CoversCheck c: yield return Above(value!, c.ToleranceM2); break;
            case UsePermittedCheck c:
                yield return Above(value!, c.ToleranceM2);
                yield return Expression.Not(Expression.Call(Expression.Constant(c.Matrix), PermitsMethod,
                    Expression.Property(Expression.Property(fact, nameof(Observation.B)), nameof(FeatureFact.Code)),
                    Expression.Property(Expression.Property(fact, nameof(Observation.A)), nameof(FeatureFact.Code))));
                break;
            case TransmissionCheck: yield return Transmission(fact); break;
            case FlowBalanceCheck or FlowEligibilityCheck or EnclaveCheck: yield return FlowDecisions.Condition(check, fact); break;
            case var equity when EquityDecisions.Handles(equity): yield return EquityDecisions.Condition(equity, fact); break;
            case AreaRatioCheck c:
                var tests = new List<Expression>();
                if (c.Max is { } max) tests.Add(Above(value!, max));
                if (c.Min is { } min) tests.Add(Expression.LessThan(value!, Expression.Constant(min * (1 - Slack))));
                yield return tests.Aggregate(Expression.OrElse);
                break;
            case IndicatorCheck c:
                foreach (var k in c.Keys) yield return Expression.Call(fact, HasMethod, Expression.Constant(k));
                yield return Expression.Not(IndicatorExpressions.Over(c.Assert, typeof(bool), fact, c.Named));
                break;
            case ExpressionCheck c:
                if (c.Layers is { } layers && c.Facts is FactSource.Feature or FactSource.Layer or FactSource.Issue)
                {
                    var member = c.Facts == FactSource.Layer ? nameof(LayerFact.Role) : nameof(FeatureFact.Layer);
                    yield return Expression.Call(Expression.Constant(new HashSet<string>(layers, StringComparer.Ordinal)), ContainsMethod, Expression.Property(fact, member));
                }

                if (c.Requires is { } relation)
                {
                    // The related plan must be in the check, for every fact the shared measurement produced.
                    yield return relation switch
                    {
                        PlanRelation.Parent => Expression.NotEqual(Expression.Property(plan, nameof(PlanFact.Parent)), Expression.Constant(null, typeof(PlanFact))),
                        PlanRelation.Counterpart => Expression.Property(fact, nameof(FlowFact.CounterpartInTree)),
                        _ => Expression.GreaterThan(Expression.Property(plan, nameof(PlanFact.ChildCount)), Expression.Constant(0)),
                    };
                }

                var variable = Expression.Parameter(fact.Type, c.Variable);
                var when = ConditionCompiler.Compile(c.When, [variable], typeof(bool), c.Named);
                yield return new Substitute(variable, fact).Visit(when.Body);
                break;
        }
    }

    /// <summary>A floor is broken below its limit, a cap above it; the limit comes from the allocation the observation carries.</summary>
    private static Expression Transmission(ParameterExpression fact)
    {
        var value = Expression.Property(fact, nameof(Observation.Value));
        var limit = Expression.Property(Expression.Property(fact, nameof(Observation.Limit)), nameof(Nullable<double>.Value));
        var category = Expression.Property(fact, nameof(Observation.Category));
        var below = Expression.LessThan(value, Expression.Subtract(limit, Expression.Multiply(Expression.Call(typeof(Math), nameof(Math.Abs), null, limit), Expression.Constant(Slack))));
        var above = Expression.GreaterThan(value, Expression.Add(limit, Expression.Multiply(Expression.Call(typeof(Math), nameof(Math.Abs), null, limit), Expression.Constant(Slack))));
        return Expression.OrElse(
            Expression.AndAlso(Expression.Equal(category, Expression.Constant("floor")), below),
            Expression.AndAlso(Expression.Equal(category, Expression.Constant("cap")), above));
    }

    private static BinaryExpression Above(Expression value, double limit) =>
        Expression.GreaterThan(value, Expression.Constant(limit + Math.Abs(limit) * Slack));

    private sealed class Substitute(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
