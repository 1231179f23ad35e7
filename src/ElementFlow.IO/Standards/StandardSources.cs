using System.Reflection;

namespace ElementFlow.IO.Standards;

/// <summary>
/// Where standard files come from: the built-in ones (<c>rules/standards/*.yaml</c>, embedded in this assembly so
/// they travel with every host) by name, others by a path a caller resolves (a plan package's own file).
/// </summary>
public static class StandardSources
{
    private const string Prefix = "standards/";

    /// <summary>The names of the built-in standards (<c>city</c>, <c>county</c>).</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = typeof(StandardSources).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The text of a built-in standard, or null when there is none of that name.</summary>
    public static string? ReadBuiltIn(string name)
    {
        using var stream = typeof(StandardSources).Assembly.GetManifestResourceStream(Prefix + name + ".yaml");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>How a built-in standard's file is named in messages.</summary>
    public static string ShowBuiltIn(string name) => $"rules/standards/{name}.yaml";
}
