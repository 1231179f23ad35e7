using ElementFlow.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ElementFlow.Rules.Yaml;

/// <summary>
/// Parses YAML text into a node tree that keeps line numbers, turning syntax errors into a
/// diagnostic that names the file and line.
/// </summary>
public static class YamlText
{
    /// <summary>Alias uses allowed in one document: real plan and rule files use a handful; exponential alias bombs use thousands.</summary>
    public const int MaxAliases = 1_000;

    public static (YamlMappingNode? Root, Diagnostic? Error) ParseMapping(string text, string file)
    {
        Parser? parser = null;
        try
        {
            if (CountAliases(text) > MaxAliases)
            {
                return (null, Diagnostic.Error("yaml.syntax", file, 1, null, ("detail", $"more than {MaxAliases} aliases (*name); refused to expand")));
            }

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

    private static int CountAliases(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '*' && (i == 0 || text[i - 1] is ' ' or '[' or ',' or ':' or '-') && char.IsLetterOrDigit(text[i + 1])) count++;
        }

        return count;
    }

    public static int Line(this YamlNode node) => (int)node.Start.Line;

    /// <summary>The text of a scalar node, or null for anything else.</summary>
    public static string? Scalar(this YamlNode? node) => node is YamlScalarNode s ? s.Value : null;
}
