using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ElementFlow.Yaml;

/// <summary>
/// Parses YAML text into a node tree that keeps line numbers, turning syntax errors into a
/// diagnostic that names the file and line.
/// </summary>
public static class YamlText
{
    /// <summary>
    /// The text of a YAML file from its bytes: UTF-8 (with or without a byte order mark) or UTF-16 with its
    /// mark. Bytes that are not UTF-8 (a file saved as GBK) are an error naming the line, never replaced
    /// silently by U+FFFD, which would garble names and codes without a word.
    /// </summary>
    public static string? Decode(byte[] bytes, string file, out Diagnostic? error)
    {
        error = null;
        if (bytes is [0xFF, 0xFE, ..]) return System.Text.Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..]) return System.Text.Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        var text = bytes.AsSpan(bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0);
        if (System.Text.Unicode.Utf8.IsValid(text)) return System.Text.Encoding.UTF8.GetString(text);

        var at = 0;
        while (System.Text.Rune.DecodeFromUtf8(text[at..], out _, out var used) == System.Buffers.OperationStatus.Done) at += used;
        error = Diagnostic.Error("yaml.not-unicode", file, 1 + text[..at].Count((byte)'\n'), null);
        return null;
    }

    /// <param name="limits">Alias uses allowed per document (<see cref="InputLimits.MaxYamlAliases"/>); the default limits when null.</param>
    public static (YamlMappingNode? Root, Diagnostic? Error) ParseMapping(string text, string file, InputLimits? limits = null)
    {
        Parser? parser = null;
        try
        {
            if (Refusal(text, file, limits ?? InputLimits.Default) is { } refused) return (null, refused);

            var stream = new YamlStream();
            parser = new Parser(new StringReader(text));
            stream.Load(parser);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var line = stream.Documents.Count == 0 ? 1 : stream.Documents[0].RootNode.Line();
                return (null, Diagnostic.Error("yaml.wrong-shape", file, line, null, ("field", "the document"), ("expected", "a mapping (key: value)")));
            }

            return (root, null);
        }
        catch (YamlException e)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            // YamlDotNet prefixes its own position; we print ours.
            var cut = detail.IndexOf("): ", StringComparison.Ordinal);
            if (detail.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0) detail = detail[(cut + 3)..];
            return (null, Diagnostic.Error("yaml.syntax", file, (int)e.Start.Line, null, ("detail", detail)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException)
        {
            // YamlDotNet throws these for some malformed documents; where the parser stopped is the best line we have.
            var line = (int?)parser?.Current?.End.Line ?? 1;
            return (null, Diagnostic.Error("yaml.syntax", file, line, null, ("detail", "the document is not well-formed YAML near this line")));
        }
    }

    /// <summary>
    /// Walks the parser's events once before the tree is built: the tree builder recurses once per nesting
    /// level (100,000 levels overflow the stack and kill the process, which no catch can stop), and a walk
    /// over the tree expands aliases, so alias uses are counted as expanded: an alias of a part that itself
    /// holds aliases counts them all again. That way ninety aliases nested nine deep (a "billion laughs",
    /// 9^9 uses once expanded) are refused like a thousand flat ones.
    /// </summary>
    private static Diagnostic? Refusal(string text, string file, InputLimits limits)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long Uses)>();
        var expanded = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        var overLine = 0;
        void Add(long uses, int line)
        {
            // Saturating: a few more levels of nesting would overflow a long.
            var sum = uses > long.MaxValue / 2 ? long.MaxValue / 2 : uses;
            if (open.TryPop(out var top)) open.Push((top.Anchor, Math.Min(long.MaxValue / 2, top.Uses + sum)));
            else total = Math.Min(long.MaxValue / 2, total + sum);
            if (overLine == 0 && open.Sum(f => f.Uses) + total > limits.MaxYamlAliases) overLine = line;
        }

        while (parser.MoveNext())
        {
            var line = (int)parser.Current!.Start.Line;
            switch (parser.Current)
            {
                case SequenceStart or MappingStart:
                    if (open.Count >= InputLimits.MaxYamlDepth) return LimitDiagnostics.YamlDepth(file, line);
                    var anchor = ((NodeEvent)parser.Current).Anchor;
                    open.Push((anchor.IsEmpty ? null : anchor.Value, 0));
                    break;
                case SequenceEnd or MappingEnd:
                    var done = open.Pop();
                    if (done.Anchor is not null) expanded[done.Anchor] = done.Uses;
                    Add(done.Uses, line);
                    break;
                case AnchorAlias alias:
                    if (open.Any(f => f.Anchor == alias.Value.Value))
                    {
                        return Diagnostic.Error("yaml.syntax", file, line, null, ("detail", $"the alias *{alias.Value.Value} refers to a part that contains it"));
                    }

                    Add(1 + expanded.GetValueOrDefault(alias.Value.Value), line);
                    break;
            }
        }

        return total > limits.MaxYamlAliases ? LimitDiagnostics.YamlAliases(limits, file, overLine, total) : null;
    }

    public static int Line(this YamlNode node) => (int)node.Start.Line;

    /// <summary>The text of a scalar node, or null for anything else.</summary>
    public static string? Scalar(this YamlNode? node) => node is YamlScalarNode s ? s.Value : null;
}
