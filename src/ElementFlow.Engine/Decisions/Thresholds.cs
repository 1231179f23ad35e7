using System.Linq.Expressions;

namespace ElementFlow.Engine.Decisions;

/// <summary>
/// How every check kind compares a measured value with its limit. A relative slack keeps 1.3 computed as
/// 1.3000000000000003 from exceeding 1.3, and 0.8999999999 from falling below 0.9; the slack widens the
/// allowed side for negative limits too (a floor of -2 is broken below -2.000000002, not below -1.999999998).
/// </summary>
public static class Thresholds
{
    /// <summary>The relative slack of every threshold comparison.</summary>
    public const double Slack = 1e-9;

    /// <summary>value &gt; limit, beyond the slack.</summary>
    public static Expression Above(Expression value, double limit) =>
        Expression.GreaterThan(value, Expression.Constant(limit + Math.Abs(limit) * Slack));

    /// <summary>value &lt; limit, beyond the slack.</summary>
    public static Expression Below(Expression value, double limit) =>
        Expression.LessThan(value, Expression.Constant(limit - Math.Abs(limit) * Slack));

    /// <summary>value &gt; limit, beyond the slack, for a limit the fact carries.</summary>
    public static Expression Above(Expression value, Expression limit) =>
        Expression.GreaterThan(value, Expression.Add(limit, Expression.Multiply(Abs(limit), Expression.Constant(Slack))));

    /// <summary>value &lt; limit, beyond the slack, for a limit the fact carries.</summary>
    public static Expression Below(Expression value, Expression limit) =>
        Expression.LessThan(value, Expression.Subtract(limit, Expression.Multiply(Abs(limit), Expression.Constant(Slack))));

    private static MethodCallExpression Abs(Expression limit) => Expression.Call(typeof(Math), nameof(Math.Abs), null, limit);
}
