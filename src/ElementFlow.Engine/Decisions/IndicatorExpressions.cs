using System.Linq.Expressions;
using System.Reflection;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Decisions;

/// <summary>
/// Indicator expressions name indicators as bare variables (<c>farmland_compensated >= farmland_occupied</c>);
/// these helpers rewrite each variable into <c>set.Get("key")</c> on an <see cref="IndicatorSet"/>.
/// </summary>
internal static class IndicatorExpressions
{
    private static readonly MethodInfo Get = typeof(IndicatorSet).GetMethod(nameof(IndicatorSet.Get))!;

    /// <summary>The assertion as a lambda over the set parameter given.</summary>
    public static Expression Over(string text, Type resultType, ParameterExpression set, IReadOnlyDictionary<string, object?> named)
    {
        var variables = IndicatorCatalog.All.Select(d => Expression.Parameter(typeof(double), d.Key)).ToArray();
        var lambda = ConditionCompiler.Compile(text, variables, resultType, named);
        return new Rewriter(set).Visit(lambda.Body);
    }

    public static Func<object, double> Value(IndicatorCheck check)
    {
        var boxed = Expression.Parameter(typeof(object), "fact");
        var set = Expression.Variable(typeof(IndicatorSet), "set");
        var body = Expression.Block([set], Expression.Assign(set, Expression.Convert(boxed, typeof(IndicatorSet))), Over(check.Value!, typeof(double), set, check.Named));
        return Expression.Lambda<Func<object, double>>(body, boxed).Compile();
    }

    private sealed class Rewriter(ParameterExpression set) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node.Type == typeof(double) ? Expression.Call(set, Get, Expression.Constant(node.Name)) : node;
    }
}
