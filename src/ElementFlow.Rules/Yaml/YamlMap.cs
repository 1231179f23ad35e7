using System.Globalization;
using ElementFlow.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ElementFlow.Rules.Yaml;

/// <summary>
/// Reads the keys of one YAML mapping, recording a located diagnostic for every value of the wrong
/// shape and every key nobody asked for.
/// </summary>
public sealed class YamlMap(YamlMappingNode node, string file, string path, List<Diagnostic> diagnostics)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMappingNode Node { get; } = node;
    public string File { get; } = file;
    public string Path { get; } = path;
    public int Line => Node.Line();
    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    public IEnumerable<string> Keys => Node.Children.Keys.Select(k => k.Scalar() ?? "");

    public YamlNode? Get(string key)
    {
        _read.Add(key);
        return Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public bool Has(string key) => Node.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>The line of a key, or of the mapping when the key is absent.</summary>
    public int LineOf(string key) => Node.Children.Keys.FirstOrDefault(k => k.Scalar() == key)?.Line() ?? Line;

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public string? String(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode s) return s.Value;
        WrongShape(node, key, "a single value");
        return null;
    }

    public double? Number(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
        WrongShape(node, key, "a number");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: "true" or "True" or "yes" }) return true;
        if (node is YamlScalarNode { Value: "false" or "False" or "no" }) return false;
        WrongShape(node, key, "true or false");
        return null;
    }

    /// <summary>A list of scalars; a single scalar counts as a list of one.</summary>
    public IReadOnlyList<string>? Strings(string key)
    {
        var node = Get(key);
        return node is null ? null : AsStrings(node, FieldPath(key));
    }

    public IReadOnlyList<string>? AsStrings(YamlNode node, string field)
    {
        switch (node)
        {
            case YamlScalarNode s: return [s.Value ?? ""];
            case YamlSequenceNode seq when seq.Children.All(c => c is YamlScalarNode):
                return seq.Children.Select(c => c.Scalar() ?? "").ToList();
            default:
                Diagnostics.Add(Diagnostic.Error("yaml.wrong-shape", File, node.Line(), null, ("field", field), ("expected", "a list of values")));
                return null;
        }
    }

    public YamlMap? Map(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlMappingNode m) return new YamlMap(m, File, FieldPath(key), Diagnostics);
        WrongShape(node, key, "a mapping (key: value)");
        return null;
    }

    public IEnumerable<YamlMap> MapsIn(string key)
    {
        var node = Get(key);
        if (node is null) yield break;
        if (node is not YamlSequenceNode seq)
        {
            WrongShape(node, key, "a list");
            yield break;
        }

        var i = 0;
        foreach (var child in seq.Children)
        {
            if (child is YamlMappingNode m) yield return new YamlMap(m, File, $"{FieldPath(key)}[{i}]", Diagnostics);
            else Diagnostics.Add(Diagnostic.Error("yaml.wrong-shape", File, child.Line(), null, ("field", $"{FieldPath(key)}[{i}]"), ("expected", "a mapping (key: value)")));
            i++;
        }
    }

    /// <summary>Reports every key that was never read, as a warning or an error.</summary>
    public void ReportUnknownKeys(bool asError, IEnumerable<string>? known = null)
    {
        var names = known?.ToList() ?? _read.ToList();
        foreach (var (k, _) in Node.Children)
        {
            var key = k.Scalar() ?? "";
            if (_read.Contains(key) || names.Contains(key)) continue;
            var args = new (string, object?)[] { ("key", FieldPath(key)), ("known", string.Join(", ", names.Order(StringComparer.Ordinal))) };
            Diagnostics.Add(asError
                ? Diagnostic.Error("yaml.unknown-key", File, k.Line(), null, args)
                : Diagnostic.Warning("yaml.unknown-key", File, k.Line(), null, args));
        }
    }

    public void WrongShape(YamlNode node, string key, string expected) =>
        Diagnostics.Add(Diagnostic.Error("yaml.wrong-shape", File, node.Line(), null, ("field", FieldPath(key)), ("expected", expected)));
}
