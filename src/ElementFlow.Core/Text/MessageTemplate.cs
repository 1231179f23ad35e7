using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ElementFlow.Core.Text;

/// <summary>
/// Renders message templates with named placeholders: <c>{name}</c> or <c>{name:N1}</c>.
/// </summary>
public static partial class MessageTemplate
{
    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::(?<format>[^}]+))?\}")]
    private static partial Regex Placeholder();

    /// <summary>The placeholder names a template uses.</summary>
    public static IEnumerable<string> Names(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value);

    /// <summary>
    /// A brace that opens or closes no placeholder (<c>{value m²</c>, <c>{}</c>), from the brace up to the next space or brace,
    /// or null when there is none: it would be printed as it is.
    /// </summary>
    public static string? Stray(string template)
    {
        var rest = Placeholder().Replace(template, "");
        var at = rest.IndexOfAny(['{', '}']);
        if (at < 0) return null;
        var end = rest.IndexOfAny([' ', '{', '}'], at + 1);
        return end < 0 ? rest[at..] : rest[at..(rest[end] == '}' ? end + 1 : end)];
    }

    /// <summary>Fills the placeholders; an unknown name stays as written so a broken template is visible.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, object?> args)
    {
        if (template.IndexOf('{') < 0) return template;
        return Placeholder().Replace(template, m =>
        {
            var name = m.Groups["name"].Value;
            if (!args.TryGetValue(name, out var value)) return m.Value;
            var format = m.Groups["format"].Success ? m.Groups["format"].Value : null;
            return Format(value, format);
        });
    }

    public static string Format(object? value, string? format = null) => value switch
    {
        null => "",
        double d when format is null => FormatNumber(d),
        IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        _ => value.ToString() ?? "",
    };

    /// <summary>Numbers without a format: up to 4 decimals, no trailing zeros.</summary>
    private static string FormatNumber(double d) =>
        Math.Abs(d) >= 1e15 || double.IsNaN(d) || double.IsInfinity(d)
            ? d.ToString(CultureInfo.InvariantCulture)
            : d.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Display width in a terminal: CJK and full-width characters take two columns.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune) ? 2 : 1;
        }

        return width;
    }

    /// <summary>Pads to a display width, counting wide characters as two columns.</summary>
    public static string PadRight(string text, int width)
    {
        var sb = new StringBuilder(text);
        sb.Append(' ', Math.Max(0, width - DisplayWidth(text)));
        return sb.ToString();
    }

    private static bool IsWide(Rune r) => r.Value is >= 0x1100 and <= 0x115F
        or >= 0x2E80 and <= 0xA4CF
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE30 and <= 0xFE4F
        or >= 0xFF00 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x20000 and <= 0x3FFFD;
}
