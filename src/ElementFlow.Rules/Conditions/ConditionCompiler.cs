using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;

namespace ElementFlow.Rules.Conditions;

/// <summary>A condition text that failed to parse or to pass the sandbox; the message says which and where.</summary>
public sealed class ConditionException(string message) : Exception(message);

/// <summary>
/// Parses rule expressions (Dynamic LINQ) into typed lambdas over ElementFlow's fact types, inside a
/// sandbox: the text is bounded and screened (<see cref="ConditionText"/>), only whitelisted types resolve,
/// <c>new</c> is off, and every node of the parsed tree is checked by <see cref="ExpressionSandbox"/>
/// before it can reach the rule engine. All of it runs when rules are linted, before any plan is read.
/// Each condition is parsed once per process: lint parses it, and the engine, compiling the same rule with
/// the same signature, gets that tree back (<see cref="ParsedConditions"/>). A returned lambda may carry
/// parameter objects of an earlier caller, so callers rewrite <c>lambda.Parameters</c>, never their own.
/// </summary>
public static class ConditionCompiler
{
    private static readonly ParsingConfig Config = new()
    {
        CustomTypeProvider = new WhitelistTypeProvider(),
        DisallowNewKeyword = true,
        AllowNewToEvaluateAnyType = false,
        AllowEqualsAndToStringMethodsOnObject = false,
        ResolveTypesBySimpleName = true,
        LoadAdditionalAssembliesFromCurrentDomainBaseDirectory = false,
        SupportEnumerationsFromSystemNamespace = false,
        IsCaseSensitive = true,
    };

    /// <summary>Upper bound on expression text; a rule condition is a line, not a program.</summary>
    public const int MaxLength = 2_000;

    /// <summary>Deepest nesting of brackets in the text, checked before parsing: the parser recurses once per level.</summary>
    public const int MaxNesting = 20;

    /// <summary>Most parts (nodes) of the parsed expression; the longest built-in condition has a few dozen.</summary>
    public const int MaxParts = 250;

    /// <summary>Deepest nesting of operations in the parsed expression; deep trees risk the stack of the compilers that walk them.</summary>
    public const int MaxDepth = 40;

    /// <summary>Parses <paramref name="text"/> to a lambda over <paramref name="parameters"/> returning <paramref name="resultType"/>.</summary>
    /// <param name="named">Named constants (rule parameters) usable as bare identifiers.</param>
    /// <exception cref="ConditionException">The text does not parse or uses something outside the sandbox.</exception>
    public static LambdaExpression Compile(string text, ParameterExpression[] parameters, Type resultType, IReadOnlyDictionary<string, object?>? named = null) =>
        ParsedConditions.GetOrParse(text, parameters, resultType, named, Parse);

    private static LambdaExpression Parse(string text, ParameterExpression[] parameters, Type resultType, IReadOnlyDictionary<string, object?>? named)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ConditionException("the expression is empty");
        if (text.Length > MaxLength) throw new ConditionException($"the expression is longer than {MaxLength} characters");
        ConditionText.Check(text, MaxNesting);
        LambdaExpression lambda;
        try
        {
            object[] values = named is { Count: > 0 }
                ? [named.ToDictionary(kv => kv.Key, kv => kv.Value!)]
                : [];
            lambda = DynamicExpressionParser.ParseLambda(Config, false, parameters, resultType, text, values);
        }
        catch (ParseException e)
        {
            throw new ConditionException($"{e.Message} (at character {e.Position + 1})");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or FormatException)
        {
            // FormatException: a text compared with a bool is converted by a TypeConverter, which throws it ("x" == true).
            throw new ConditionException(e.Message);
        }

        ExpressionSandbox.Check(lambda.Body);
        return lambda;
    }
}
