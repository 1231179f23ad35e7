namespace ElementFlow.Rules.Conditions;

/// <summary>
/// The functions a rule expression may call besides the members of the fact types. This list is the
/// sandbox's and the documentation's: docs/rule-authoring.md names every entry (a test checks it).
/// </summary>
public static class ConditionFunctions
{
    /// <summary>Static functions, by type: pure, constant time, no allocation beyond their result.</summary>
    public static IReadOnlyDictionary<Type, IReadOnlySet<string>> Static { get; } = new Dictionary<Type, IReadOnlySet<string>>
    {
        [typeof(Codes)] = new HashSet<string>(StringComparer.Ordinal) { nameof(Codes.Match), nameof(Codes.IsKnown) },
        [typeof(Math)] = new HashSet<string>(StringComparer.Ordinal)
        {
            nameof(Math.Abs), nameof(Math.Min), nameof(Math.Max), nameof(Math.Round), nameof(Math.Floor), nameof(Math.Ceiling),
            nameof(Math.Truncate), nameof(Math.Sign), nameof(Math.Sqrt), nameof(Math.Pow), nameof(Math.Exp), nameof(Math.Log), nameof(Math.Log10),
        },
        [typeof(double)] = new HashSet<string>(StringComparer.Ordinal) { nameof(double.IsNaN), nameof(double.IsInfinity), nameof(double.IsFinite) },
        [typeof(string)] = new HashSet<string>(StringComparer.Ordinal) { nameof(string.IsNullOrEmpty), nameof(string.Compare), nameof(string.Equals) },
    };

    /// <summary>
    /// Methods on a string value. Each returns at most a copy of its input: nothing here builds text
    /// longer than what the plan holds (no Concat, PadLeft, Replace, Join or Repeat).
    /// </summary>
    public static IReadOnlySet<string> OnString { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(string.StartsWith), nameof(string.EndsWith), nameof(string.Contains), nameof(string.ToUpper), nameof(string.ToLower),
        nameof(string.Trim), nameof(string.Substring), nameof(string.Equals), nameof(string.CompareTo),
    };

    /// <summary>The names as the documentation writes them: <c>Math.Abs</c>, <c>double.IsNaN</c>, <c>string.IsNullOrEmpty</c>, and string methods as <c>.StartsWith</c>.</summary>
    public static IEnumerable<string> DocumentedNames =>
        Static.SelectMany(kv => kv.Value.Select(name => $"{TypeWord(kv.Key)}.{name}"))
            .Concat(OnString.Select(name => "." + name))
            .Order(StringComparer.Ordinal);

    private static string TypeWord(Type type) =>
        type == typeof(double) ? "double" : type == typeof(string) ? "string" : type.Name;
}
