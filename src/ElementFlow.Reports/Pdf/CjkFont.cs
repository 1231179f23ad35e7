using ElementFlow.Core.Text;
using SkiaSharp;

namespace ElementFlow.Reports.Pdf;

/// <summary>
/// Finds the font the PDF embeds: one that has Chinese glyphs, so no text turns into empty boxes.
/// A file named by <see cref="EnvironmentVariable"/> wins; otherwise the usual places of Debian's
/// fonts-noto-cjk and fonts-wqy-zenhei (and macOS and Windows fonts), then any font file under the
/// standard font folders whose name says it is CJK. Nothing found is an error that says what to install.
/// </summary>
internal static class CjkFont
{
    public const string EnvironmentVariable = "ELEMENTFLOW_CJK_FONT";

    /// <summary>Characters every embedded font must draw (the report's own words).</summary>
    private const string Probe = "国土空间规划质检报告";

    private static readonly string[] KnownFiles =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/System/Library/Fonts/PingFang.ttc",
        "/System/Library/Fonts/STHeiti Light.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
        @"C:\Windows\Fonts\simhei.ttf",
    ];

    private static readonly string[] CjkNameHints = ["cjk", "wqy", "sourcehan", "notosanssc", "notoserifsc", "simhei", "simsun", "msyh", "pingfang", "droidsansfallback", "uming", "ukai"];

    public static readonly LocalizedText Missing = new(
        "无法生成 PDF：未找到可嵌入的中文字体。请安装中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk 或 fonts-wqy-zenhei），或用环境变量 ELEMENTFLOW_CJK_FONT 指定字体文件（.ttf/.ttc/.otf）。",
        "cannot write the PDF: no font with Chinese glyphs to embed was found. Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk or fonts-wqy-zenhei), or name a font file (.ttf/.ttc/.otf) in the environment variable ELEMENTFLOW_CJK_FONT.");

    public static readonly LocalizedText Unusable = new(
        "无法生成 PDF：环境变量 ELEMENTFLOW_CJK_FONT 指定的字体 {file} 不存在或不含中文字形。",
        "cannot write the PDF: the font {file} named by ELEMENTFLOW_CJK_FONT does not exist or has no Chinese glyphs.");

    /// <summary>The typeface to embed; throws <see cref="ReportWriterException"/> saying what to install when there is none.</summary>
    public static SKTypeface Load()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } named)
        {
            return TryLoad(named) ?? throw new ReportWriterException(new LocalizedText(
                Unusable.Zh.Replace("{file}", named, StringComparison.Ordinal), Unusable.En.Replace("{file}", named, StringComparison.Ordinal)));
        }

        foreach (var file in KnownFiles.Concat(Scanned()))
        {
            if (TryLoad(file) is { } typeface) return typeface;
        }

        throw new ReportWriterException(Missing);
    }

    private static SKTypeface? TryLoad(string file)
    {
        if (!File.Exists(file)) return null;
        var typeface = SKTypeface.FromFile(file);
        if (typeface is null) return null;
        using (var font = new SKFont(typeface))
        {
            if (font.ContainsGlyphs(Probe)) return typeface;
        }

        typeface.Dispose();
        return null;
    }

    /// <summary>Font files under the standard folders whose names say they are CJK, in a stable order.</summary>
    private static IEnumerable<string> Scanned()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] roots = ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".fonts"), Path.Combine(home, ".local", "share", "fonts"), "/Library/Fonts", @"C:\Windows\Fonts"];
        foreach (var root in roots.Where(Directory.Exists))
        {
            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file).ToLowerInvariant();
                if (name.EndsWith(".ttf", StringComparison.Ordinal) || name.EndsWith(".ttc", StringComparison.Ordinal) || name.EndsWith(".otf", StringComparison.Ordinal))
                {
                    if (CjkNameHints.Any(name.Contains)) yield return file;
                }
            }
        }
    }
}
