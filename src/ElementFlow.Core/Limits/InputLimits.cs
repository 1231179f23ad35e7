using System.Globalization;
using System.Text.RegularExpressions;

namespace ElementFlow.Core.Limits;

/// <summary>
/// How much input one run accepts before it refuses, so that a hostile or broken file (a zip bomb, a
/// polygon of a billion vertices, a YAML alias bomb) ends in one clear diagnostic instead of exhausting
/// memory. The defaults sit well above real plans; a user raises them with the CLI options named here.
/// </summary>
public sealed record InputLimits
{
    public const string PackageSizeOption = "--max-package-size";
    public const string FeaturesOption = "--max-features";
    public const string VerticesOption = "--max-vertices";
    public const string YamlAliasesOption = "--max-yaml-aliases";

    /// <summary>4 GiB: a county's full plan database is a few hundred MB.</summary>
    public const long DefaultMaxPackageBytes = 4L << 30;

    /// <summary>10 million: a provincial land-use layer has a few million parcels.</summary>
    public const int DefaultMaxFeatures = 10_000_000;

    /// <summary>5 million: the longest real boundaries (a coastline, a province) have a few hundred thousand.</summary>
    public const int DefaultMaxVertices = 5_000_000;

    /// <summary>1000: plan and rule files use a handful of aliases; exponential alias bombs use thousands.</summary>
    public const int DefaultMaxYamlAliases = 1_000;

    /// <summary>
    /// Nesting of YAML collections. Not an option: no real file nests more than a dozen levels, and the
    /// YAML library recurses once per level, so a deeper document could overflow the stack and kill the process.
    /// </summary>
    public const int MaxYamlDepth = 100;

    public static InputLimits Default { get; } = new();

    /// <summary>Unpacked size of one plan package: a zip's entries, or the files a folder's plan.yaml references.</summary>
    public long MaxPackageBytes { get; init; } = DefaultMaxPackageBytes;

    /// <summary>Features in one layer.</summary>
    public int MaxFeatures { get; init; } = DefaultMaxFeatures;

    /// <summary>Vertices (coordinate positions) of one feature's geometry, all parts counted.</summary>
    public int MaxVertices { get; init; } = DefaultMaxVertices;

    /// <summary>Alias uses (<c>*name</c>) in one YAML document.</summary>
    public int MaxYamlAliases { get; init; } = DefaultMaxYamlAliases;

    private static readonly Regex SizePattern = new(@"^\s*(?<number>\d+(\.\d+)?)\s*(?<unit>[a-z]*)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Reads a size: plain bytes (<c>1048576</c>) or a number with a unit, case-insensitive: B, KB, MB, GB, TB
    /// (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024). False for anything else, zero or negative.
    /// </summary>
    public static bool TryParseSize(string? text, out long bytes)
    {
        bytes = 0;
        if (text is null || SizePattern.Match(text) is not { Success: true } m) return false;
        long? unit = m.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "" or "b" => 1,
            "kb" => 1_000,
            "mb" => 1_000_000,
            "gb" => 1_000_000_000,
            "tb" => 1_000_000_000_000,
            "kib" => 1L << 10,
            "mib" => 1L << 20,
            "gib" => 1L << 30,
            "tib" => 1L << 40,
            _ => null,
        };
        if (unit is null || !decimal.TryParse(m.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return false;
        var total = number * unit.Value;
        if (total < 1 || total > long.MaxValue) return false;
        bytes = (long)Math.Ceiling(total);
        return true;
    }

    /// <summary>A size for people: bytes with thousands separators, and in binary units when large (<c>5,368,709,120 bytes (5 GiB)</c>).</summary>
    public static string FormatBytes(long bytes)
    {
        var plain = bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
        return bytes < 1024 ? plain : $"{plain} ({Binary(bytes)})";
    }

    /// <summary>A size in the largest binary unit it reaches, one decimal at most: <c>4 GiB</c>, <c>1.5 MiB</c>.</summary>
    public static string Binary(long bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
        var value = (double)bytes;
        var i = 0;
        while (value >= 1024 && i < units.Length - 1)
        {
            value /= 1024;
            i++;
        }

        return value.ToString(i == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + units[i];
    }

    /// <summary>
    /// A round value to suggest for raising a limit past <paramref name="actual"/>: the next number above it
    /// with one significant digit (6,000,123 → 7,000,000), so the advice is easy to type and leaves headroom.
    /// </summary>
    public static long SuggestAbove(long actual)
    {
        if (actual < 9) return actual + 1;
        var magnitude = 1L;
        while (actual / magnitude >= 10) magnitude *= 10;
        return (actual / magnitude + 1) * magnitude;
    }

    /// <summary>The value to type after <see cref="PackageSizeOption"/> to admit <paramref name="actual"/> bytes: whole GiB, MiB or KiB.</summary>
    public static string SuggestSize(long actual)
    {
        foreach (var (shift, unit) in new[] { (30, "GiB"), (20, "MiB"), (10, "KiB") })
        {
            if (actual >= 1L << shift) return ((actual >> shift) + 1).ToString(CultureInfo.InvariantCulture) + unit;
        }

        return (actual + 1).ToString(CultureInfo.InvariantCulture);
    }
}
