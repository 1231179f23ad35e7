using System.Linq.Expressions;
using System.Reflection;
using ElementFlow.Rules.Facts;

namespace ElementFlow.Rules.Conditions;

/// <summary>
/// Walks a parsed expression and refuses anything but fact members, arithmetic, comparison, boolean
/// logic and a listed set of functions, so a rule file cannot reach reflection, files or processes.
/// </summary>
internal sealed class ExpressionSandbox : ExpressionVisitor
{
    private static readonly HashSet<string> StringMethods =
    [
        nameof(string.StartsWith), nameof(string.EndsWith), nameof(string.Contains), nameof(string.ToUpper),
        nameof(string.ToLower), nameof(string.Trim), nameof(string.Substring), nameof(string.IsNullOrEmpty),
        nameof(string.Compare), nameof(string.Concat), nameof(string.Equals), "op_Equality", "op_Inequality",
    ];

    private static readonly HashSet<Type> StaticFunctionTypes = [typeof(Math), typeof(Codes)];

    public static void Check(Expression body) => new ExpressionSandbox().Visit(body);

    protected override Expression VisitMember(MemberExpression node)
    {
        var type = node.Member.DeclaringType;
        var allowed = (type is not null && WhitelistTypeProvider.Types.Contains(type) && !IsHidden(node.Member))
            || (type == typeof(string) && node.Member.Name == nameof(string.Length))
            || (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(Nullable<>))
            || (type == typeof(double) && node.Member.Name is nameof(double.NaN) or nameof(double.PositiveInfinity));
        if (!allowed) throw Refuse($"'{node.Member.Name}' of {type?.Name} is not available in rule expressions");
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var type = method.DeclaringType;
        var allowed = (type is not null && WhitelistTypeProvider.Types.Contains(type) && !IsHidden(method))
            || (type is not null && StaticFunctionTypes.Contains(type))
            || (type == typeof(string) && StringMethods.Contains(method.Name))
            || (type == typeof(double) && method.Name is nameof(double.IsNaN) or nameof(double.IsInfinity));
        if (!allowed) throw Refuse($"the function {type?.Name}.{method.Name} is not available in rule expressions");
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitNew(NewExpression node) => throw Refuse("creating objects is not allowed");

    protected override Expression VisitNewArray(NewArrayExpression node) => throw Refuse("creating arrays is not allowed");

    protected override Expression VisitInvocation(InvocationExpression node) => throw Refuse("invoking delegates is not allowed");

    protected override Expression VisitLambda<T>(Expression<T> node) => throw Refuse("nested lambdas are not allowed");

    protected override Expression VisitTypeBinary(TypeBinaryExpression node) => throw Refuse("type tests are not allowed");

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is not null and not string and not ValueType) throw Refuse($"a constant of type {node.Type.Name} is not allowed");
        return base.VisitConstant(node);
    }

    private static bool IsHidden(MemberInfo member) => member.GetCustomAttribute<HiddenAttribute>() is not null;

    private static ConditionException Refuse(string why) => new(why);
}
