using System.Linq.Expressions;
using ElementFlow.Engine.Decisions;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Kinds;

/// <summary><c>flow-balance</c>: a plan's own use plus what it sends beyond its supply plus what it receives, or its children's flows not netting to zero, by more than the tolerance.</summary>
public sealed class FlowBalanceKind : EngineKind<FlowBalanceCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, FlowBalanceCheck check) => [new FlowBalanceMeasurement(check)];
    protected override IEnumerable<Expression> Decision(FlowBalanceCheck check, ParameterExpression fact) => [Thresholds.Above(Value(fact), check.Tolerance)];
    protected override double? Limit(FlowBalanceCheck check) => check.Tolerance;
}

/// <summary><c>flow-eligibility</c>: every ineligible cross-province flow (or the lists not configured) the measurement reports.</summary>
public sealed class FlowEligibilityKind : EngineKind<FlowEligibilityCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, FlowEligibilityCheck check) => [new FlowEligibilityMeasurement(check)];
    protected override IEnumerable<Expression> Decision(FlowEligibilityCheck check, ParameterExpression fact) => [];
    protected override double? Limit(FlowEligibilityCheck check) => 0;
}

/// <summary><c>enclaves</c>: an enclave outside its host or counted twice by more than the tolerance, undeclared by the other side, or wrongly described.</summary>
public sealed class EnclaveKind : EngineKind<EnclaveCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, EnclaveCheck check) => [new EnclaveMeasurement()];

    protected override IEnumerable<Expression> Decision(EnclaveCheck check, ParameterExpression fact)
    {
        var category = Expression.Property(fact, nameof(Observation.Category));
        Expression Is(string c) => Expression.Equal(category, Expression.Constant(c));
        return
        [
            Expression.OrElse(
                Expression.AndAlso(Expression.OrElse(Is("outside-host"), Is("double-counted")), Thresholds.Above(Value(fact), check.ToleranceM2)),
                Expression.OrElse(Is("undeclared"), Is("attributes"))),
        ];
    }

    protected override double? Limit(EnclaveCheck check) => check.ToleranceM2;
}
