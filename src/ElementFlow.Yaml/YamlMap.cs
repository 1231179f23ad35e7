using System.Globalization;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Text;
using YamlDotNet.RepresentationModel;

namespace ElementFlow.Yaml;

/// <summary>
/// Reads the keys of one YAML mapping, recording a located diagnostic for every value of the wrong
/// shape and every key nobody asked for.
/// </summary>
public sealed class YamlMap(YamlMappingNode node, string file, string path, List<Diagnostic> diagnostics)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Misspelt keys read in place of the known key they are closest to, and that key.</summary>
    private readonly Dictionary<string, string> _slips = new(StringComparer.Ordinal);

    public YamlMappingNode Node { get; } = node;
    public string File { get; } = file;
    public string Path { get; } = path;
    public int Line => Node.Line();
    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    public IEnumerable<string> Keys => Node.Children.Keys.Select(k => k.Scalar() ?? "");

    /// <summary>
    /// The keys this mapping may have. When set, a key that is absent is read from a misspelling of it
    /// (<c>indicaters</c> for <c>indicators</c>) that is no known key itself, so that one slip gives one message:
    /// the "did you mean" error <see cref="ReportUnknownKeys"/> reports, not also a missing key and its knock-on effects.
    /// </summary>
    public IReadOnlyCollection<string>? Known { get; init; }

    /// <summary>The same mapping, told which keys it may have (see <see cref="Known"/>).</summary>
    public YamlMap Knowing(IReadOnlyCollection<string> known) => new(Node, File, Path, Diagnostics) { Known = known };

    public YamlNode? Get(string key)
    {
        _read.Add(key);
        if (Node.Children.TryGetValue(new YamlScalarNode(key), out var value)) return value;
        if (Slip(key) is { } slip) return Node.Children[new YamlScalarNode(slip)];
        return null;
    }

    /// <summary>The misspelling that stands in for an absent known key, if there is exactly one.</summary>
    private string? Slip(string key)
    {
        if (Known is null || !Known.Contains(key)) return null;
        if (_slips.FirstOrDefault(kv => kv.Value == key) is { Key: not null } taken) return taken.Key;
        var candidates = Keys.Where(k => !Known.Contains(k) && !_slips.ContainsKey(k) && Suggestions.Nearest(k, Known) == key).ToList();
        if (candidates.Count != 1) return null;
        _slips[candidates[0]] = key;
        return candidates[0];
    }

    public bool Has(string key) => Node.Children.ContainsKey(new YamlScalarNode(key)) || Slip(key) is not null;

    /// <summary>The line of a key (or of the misspelling read for it), or of the mapping when the key is absent.</summary>
    public int LineOf(string key)
    {
        var written = Node.Children.ContainsKey(new YamlScalarNode(key)) ? key : Slip(key) ?? key;
        return Node.Children.Keys.FirstOrDefault(k => k.Scalar() == written)?.Line() ?? Line;
    }

    /// <summary>The line of the value of a key, or of the mapping when the key is absent.</summary>
    public int ValueLineOf(string key) => Get(key)?.Line() ?? Line;

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

    /// <summary>
    /// Reports every key that was never read, as a warning or an error. A key within a slip of a known key is
    /// always an error, and says which key was meant ("did you mean").
    /// </summary>
    public void ReportUnknownKeys(bool asError, IEnumerable<string>? known = null)
    {
        var names = known?.ToList() ?? Known?.ToList() ?? _read.ToList();
        foreach (var (k, _) in Node.Children)
        {
            var key = k.Scalar() ?? "";
            var meant = _slips.GetValueOrDefault(key);
            if (meant is null && (_read.Contains(key) || names.Contains(key))) continue;
            meant ??= Suggestions.Nearest(key, names);
            var args = new (string, object?)[]
            {
                ("key", FieldPath(key)), ("hint", Suggestions.Hint(meant)), ("known", string.Join(", ", names.Order(StringComparer.Ordinal))),
            };
            Diagnostics.Add(asError || meant is not null
                ? Diagnostic.Error("yaml.unknown-key", File, k.Line(), null, args)
                : Diagnostic.Warning("yaml.unknown-key", File, k.Line(), null, args));
        }
    }

    public void WrongShape(YamlNode node, string key, string expected) =>
        Diagnostics.Add(Diagnostic.Error("yaml.wrong-shape", File, node.Line(), null, ("field", FieldPath(key)), ("expected", expected)));

    /// <summary>A zh/en text: a mapping with zh and en, or one string used for both.</summary>
    public TextDto? Text(string key)
    {
        var node = Get(key);
        switch (node)
        {
            case null: return null;
            case YamlScalarNode s: return new TextDto(s.Value, s.Value, s.Line());
            case YamlMappingNode m:
                var inner = new YamlMap(m, File, FieldPath(key), Diagnostics);
                var text = new TextDto(inner.String("zh"), inner.String("en"), m.Line());
                inner.ReportUnknownKeys(asError: true, ["zh", "en"]);
                return text;
            default:
                WrongShape(node, key, "a text, or a mapping with zh and en");
                return null;
        }
    }
}
