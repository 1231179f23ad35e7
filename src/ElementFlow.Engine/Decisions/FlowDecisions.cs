using System.Linq.Expressions;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Decisions;

/// <summary>
/// The NRules conditions of the flow check kinds: a balance short by more than its tolerance, any ineligible
/// cross-province flow (or lists not configured), and an enclave that is outside its host or counted twice by more
/// than the tolerance, undeclared by the other side, or wrongly described.
/// </summary>
public static class FlowDecisions
{
    private const double Slack = 1e-9;

    public static Expression Condition(CheckSpec check, ParameterExpression fact)
    {
        var value = Expression.Property(fact, nameof(Observation.Value));
        var category = Expression.Property(fact, nameof(Observation.Category));
        Expression Is(string c) => Expression.Equal(category, Expression.Constant(c));
        Expression Above(double limit) => Expression.GreaterThan(value, Expression.Constant(limit + Math.Abs(limit) * Slack));
        return check switch
        {
            FlowBalanceCheck c => Above(c.Tolerance),
            FlowEligibilityCheck => Expression.Constant(true),
            EnclaveCheck c => Expression.OrElse(
                Expression.AndAlso(Expression.OrElse(Is("outside-host"), Is("double-counted")), Above(c.ToleranceM2)),
                Expression.OrElse(Is("undeclared"), Is("attributes"))),
            _ => throw new NotSupportedException(check.Kind),
        };
    }
}
