using System.Linq.Expressions;
using System.Reflection;
using ElementFlow.Core.Planning;
using ElementFlow.Engine.Kinds;
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
    private static readonly MethodInfo AppliesMethod = typeof(AppliesTo).GetMethod(nameof(AppliesTo.Matches), [typeof(Plan)])!;
    private static readonly MethodInfo InsertMethod = typeof(IContext).GetMethod(nameof(IContext.Insert), [typeof(object)])!;
    private static readonly MethodInfo CreateMethod = typeof(FindingFactory).GetMethod(nameof(FindingFactory.Create))!;

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
        // The conditions are compiled once, into one test: the engine's pattern calls it, and so does the
        // pre-filter that keeps facts no rule could match out of the session (Checker.Worth).
        var accepts = Accepting(fact, Conditions(rule, check, fact, measurements).ToList());
        pattern.Condition(Expression.Lambda(Expression.Invoke(Expression.Constant(accepts), Expression.Convert(fact, typeof(object))), fact));

        var context = Expression.Parameter(typeof(IContext), "ctx");
        var factory = new FindingFactory(rule, check, factType);
        var create = Expression.Call(Expression.Constant(factory), CreateMethod, Expression.Convert(fact, typeof(object)));
        builder.RightHandSide().Action(Expression.Lambda(Expression.Call(context, InsertMethod, create), context, fact));
        return new CompiledCheck(rule, index, check, measurements, builder.Build(), accepts);
    }

    /// <summary>The conjunction of a pattern's conditions over any object: false for facts of another type.</summary>
    private static Func<object, bool> Accepting(ParameterExpression fact, IReadOnlyList<Expression> conditions)
    {
        var any = Expression.Parameter(typeof(object), "any");
        var all = conditions.Aggregate((Expression)Expression.NotEqual(fact, Expression.Constant(null, fact.Type)), Expression.AndAlso);
        var body = Expression.Block([fact], Expression.Assign(fact, Expression.TypeAs(any, fact.Type)), all);
        return Expression.Lambda<Func<object, bool>>(body, any).Compile();
    }

    public static Type FactTypeOf(CheckSpec check) => EngineKinds.For(check).FactType(check);

    public static IReadOnlyList<Measurement> MeasurementsFor(RuleSpec rule, int index, CheckSpec check) => EngineKinds.For(check).Measurements(rule, index, check);

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

        foreach (var condition in EngineKinds.For(check).Decision(check, fact)) yield return condition;
    }
}
