using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;

namespace ElementFlow.Rules.Conditions;

/// <summary>
/// Parsed condition trees by text and signature (parameter types and names, result type, named constants).
/// Parsing runs Dynamic LINQ and the sandbox; an expression tree is immutable, so the tree lint made is the
/// tree the engine compiles. Failures are not kept: a text that does not parse is parsed (and refused) again.
/// </summary>
internal static class ParsedConditions
{
    /// <summary>A process checks with a few hundred conditions; past this many (a server fed endless rule sets) the table starts again.</summary>
    private const int Capacity = 4_096;

    private static readonly ConcurrentDictionary<string, LambdaExpression> Trees = new(StringComparer.Ordinal);

    public static LambdaExpression GetOrParse(string text, ParameterExpression[] parameters, Type resultType, IReadOnlyDictionary<string, object?>? named,
        Func<string, ParameterExpression[], Type, IReadOnlyDictionary<string, object?>?, LambdaExpression> parse)
    {
        var key = Signature(text, parameters, resultType, named);
        if (Trees.TryGetValue(key, out var tree)) return tree;
        tree = parse(text, parameters, resultType, named);
        if (Trees.Count >= Capacity) Trees.Clear();
        return Trees.GetOrAdd(key, tree);
    }

    private static string Signature(string text, ParameterExpression[] parameters, Type resultType, IReadOnlyDictionary<string, object?>? named)
    {
        var key = new StringBuilder(resultType.FullName);
        foreach (var p in parameters) key.Append('|').Append(p.Type.FullName).Append(' ').Append(p.Name);
        foreach (var (name, value) in (named ?? new Dictionary<string, object?>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            // The value's type is part of the key: a quoted "07" and a plain 7 parse to different trees.
            key.Append('|').Append(name).Append('=').Append(value?.GetType().Name).Append(':')
                .Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return key.Append('\n').Append(text).ToString();
    }
}
