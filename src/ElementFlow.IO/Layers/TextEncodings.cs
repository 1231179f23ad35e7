using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ElementFlow.IO.Layers;

/// <summary>
/// Attribute text encodings by the names people and .cpg files use: <c>GBK</c>, <c>936</c>,
/// <c>CP936</c>, <c>ANSI 936</c>, <c>GB2312</c>, <c>GB18030</c>, <c>UTF-8</c>, <c>BIG5</c>, ...
/// </summary>
public static class TextEncodings
{
    /// <summary>
    /// Makes the Windows code pages (GBK is 936) available. It must run before the first shapefile is
    /// touched: the shapefile library builds its table of dBase language-driver encodings once, and code
    /// pages missing then are silently lost for the process. A module initializer is the one place that
    /// is sure to run before any code of this assembly, whichever host loads it.
    /// </summary>
#pragma warning disable CA2255 // Registering a process-wide encoding provider is exactly what must happen before first use.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding a name stands for, or null when it names none.</summary>
    public static Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var text = name.Trim().ToUpperInvariant().Replace('_', '-');
        if (text.StartsWith("ANSI ", StringComparison.Ordinal)) text = text[5..].Trim();
        if (text.StartsWith("CP", StringComparison.Ordinal) && text.Length > 2 && char.IsAsciiDigit(text[2])) text = text[2..];
        if (text is "UTF8") text = "UTF-8";
        try
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage)
                ? Encoding.GetEncoding(codePage)
                : Encoding.GetEncoding(text);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
