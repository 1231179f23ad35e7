using System.Linq.Expressions;
using System.Reflection;
using ElementFlow.Rules.Facts;

namespace ElementFlow.Rules.Conditions;

/// <summary>
/// Walks a parsed expression and refuses anything but fact members, constants, arithmetic, comparison,
/// boolean logic, the conditional and the functions of <see cref="ConditionFunctions"/>, so a rule file
/// cannot reach reflection, files, processes or the environment. It also bounds the tree's size and
/// depth: with no loops, lambdas or collections allowed, a bounded tree is a bounded amount of work.
/// </summary>
/// <remarks>
/// Node kinds are allowed by list, not refused by list: a kind Dynamic LINQ starts to emit in a later
/// version is refused until someone decides it is safe.
/// </remarks>
internal sealed class ExpressionSandbox : ExpressionVisitor
{
    private const int MaxNodes = ConditionCompiler.MaxParts;
    private const int MaxDepth = ConditionCompiler.MaxDepth;

    private static readonly HashSet<ExpressionType> AllowedKinds =
    [
        ExpressionType.Constant, ExpressionType.Parameter, ExpressionType.MemberAccess, ExpressionType.Call, ExpressionType.Conditional,
        ExpressionType.Convert, ExpressionType.Not, ExpressionType.Negate, ExpressionType.UnaryPlus,
        ExpressionType.Add, ExpressionType.Subtract, ExpressionType.Multiply, ExpressionType.Divide, ExpressionType.Modulo,
        ExpressionType.AndAlso, ExpressionType.OrElse, ExpressionType.And, ExpressionType.Or, ExpressionType.ExclusiveOr, ExpressionType.Coalesce,
        ExpressionType.Equal, ExpressionType.NotEqual, ExpressionType.LessThan, ExpressionType.LessThanOrEqual,
        ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual,
    ];

    /// <summary>Types a value may be converted to: numbers, text, truth values, and the fact types themselves.</summary>
    private static readonly HashSet<Type> ConvertibleTo =
    [
        typeof(double), typeof(float), typeof(decimal), typeof(int), typeof(long), typeof(short), typeof(byte),
        typeof(uint), typeof(ulong), typeof(ushort), typeof(sbyte), typeof(bool), typeof(char), typeof(string),
    ];

    private int _nodes;
    private int _depth;

    public static void Check(Expression body) => new ExpressionSandbox().Visit(body);

    public override Expression? Visit(Expression? node)
    {
        if (node is null) return null;
        if (++_nodes > MaxNodes) throw Refuse($"the expression is too large (more than {MaxNodes} parts); simplify the condition or split it into several checks");
        if (!AllowedKinds.Contains(node.NodeType)) throw Refuse(Describe(node));
        if (++_depth > MaxDepth) throw Refuse($"the expression is too complex (more than {MaxDepth} levels of nested operations); simplify the condition or split it into several checks");
        try
        {
            return base.Visit(node);
        }
        finally
        {
            _depth--;
        }
    }

    /// <remarks>The inner expression first, so the message names the first thing refused as the text reads (<c>Source</c> in <c>feature.Source.Id</c>).</remarks>
    protected override Expression VisitMember(MemberExpression node)
    {
        var visited = base.VisitMember(node);
        var type = node.Member.DeclaringType;
        var allowed = (type is not null && WhitelistTypeProvider.Types.Contains(type) && !IsHidden(node.Member))
            || (type == typeof(string) && node.Member.Name == nameof(string.Length))
            || (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(Nullable<>))
            || (type == typeof(double) && node.Member.Name is nameof(double.NaN) or nameof(double.PositiveInfinity) or nameof(double.NegativeInfinity));
        if (!allowed) throw Refuse($"'{node.Member.Name}' of {type?.Name} is not available in rule expressions");
        return visited;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = base.VisitMethodCall(node);
        var method = node.Method;
        var type = method.DeclaringType;
        var allowed = (type is not null && WhitelistTypeProvider.Types.Contains(type) && !IsHidden(method) && type != typeof(Codes))
            || (method.IsStatic && type is not null && ConditionFunctions.Static.TryGetValue(type, out var names) && names.Contains(method.Name))
            || (!method.IsStatic && type == typeof(string) && ConditionFunctions.OnString.Contains(method.Name))
            || (type == typeof(string) && method.Name is "op_Equality" or "op_Inequality");
        if (!allowed) throw Refuse($"the function {type?.Name}.{method.Name} is not available in rule expressions (see the list in docs/rule-authoring.md)");
        return visited;
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        // Operators on numbers and text only: an overloaded operator is a method call in disguise.
        if (node.Method is { } method && method.DeclaringType != typeof(decimal) && method.DeclaringType != typeof(string))
        {
            throw Refuse($"the operator {method.DeclaringType?.Name}.{method.Name} is not available in rule expressions");
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.NodeType == ExpressionType.Convert)
        {
            var target = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
            if (!ConvertibleTo.Contains(target) && !WhitelistTypeProvider.Types.Contains(target))
            {
                throw Refuse($"converting to {node.Type.Name} is not allowed");
            }
        }

        if (node.Method is { } method && method.DeclaringType != typeof(decimal))
        {
            throw Refuse($"the operator {method.DeclaringType?.Name}.{method.Name} is not available in rule expressions");
        }

        return base.VisitUnary(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is not null and not string and not ValueType) throw Refuse($"a constant of type {node.Type.Name} is not allowed");
        var type = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
        if (node.Value is ValueType && !type.IsPrimitive && !type.IsEnum && type != typeof(decimal))
        {
            throw Refuse($"a constant of type {node.Type.Name} is not allowed");
        }

        return base.VisitConstant(node);
    }

    /// <summary>Why a kind of node is refused, in the words of the rule author.</summary>
    private static string Describe(Expression node) => node.NodeType switch
    {
        ExpressionType.New or ExpressionType.MemberInit or ExpressionType.ListInit => "creating objects is not allowed",
        ExpressionType.NewArrayInit or ExpressionType.NewArrayBounds => "creating arrays is not allowed",
        ExpressionType.Lambda or ExpressionType.Quote => "nested lambdas (x => ...) are not allowed: conditions do not iterate",
        ExpressionType.Invoke => "invoking delegates is not allowed",
        ExpressionType.TypeIs or ExpressionType.TypeEqual or ExpressionType.TypeAs => "type tests and casts (is, as) are not allowed",
        ExpressionType.Index or ExpressionType.ArrayIndex or ExpressionType.ArrayLength => "indexing is not allowed",
        _ => $"{node.NodeType} expressions are not allowed",
    };

    private static bool IsHidden(MemberInfo member) => member.GetCustomAttribute<HiddenAttribute>() is not null;

    private static ConditionException Refuse(string why) => new(why);
}
