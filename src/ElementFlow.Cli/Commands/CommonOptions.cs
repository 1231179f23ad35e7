using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Text;
using ElementFlow.Rules;

namespace ElementFlow.Cli.Commands;

/// <summary>Options several commands share, and how they resolve.</summary>
internal static class CommonOptions
{
    /// <summary>The word that names the built-in rule sets in <c>--rules</c>.</summary>
    public const string BuiltIn = "builtin";

    public static Option<string> Lang() => new Option<string>("--lang")
    {
        Description = HelpText.T("报告和提示的语言：zh 或 en", "Language of reports and messages: zh or en"),
        DefaultValueFactory = _ => "zh",
    }.AcceptOnlyFromAmong("zh", "en");

    public static Option<string[]> Rules() => new("--rules", "-r")
    {
        Description = HelpText.T(
            "规则集文件夹或文件（可重复）；builtin 表示内置规则；继承内置规则的省级配置会一并加载内置规则。默认：内置规则",
            "A folder or file of rule sets (repeatable); 'builtin' names the built-in rules; a profile that extends them loads them. Default: the built-in rules"),
        AllowMultipleArgumentsPerToken = false,
    };

    public static Language ParseLanguage(string? text) => text == "en" ? Language.En : Language.Zh;

    /// <summary>The built-in rule sets, shipped beside the binary (or the repository's rules/ when run from source).</summary>
    public static string BuiltInFolder
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "rules");
            return Directory.Exists(beside) ? beside : Path.Combine(Directory.GetCurrentDirectory(), "rules");
        }
    }

    public static IReadOnlyList<string> RuleFolders(IEnumerable<string>? given)
    {
        var list = (given ?? []).ToList();
        if (list.Count == 0) return [BuiltInFolder];
        return list.Select(f => f == BuiltIn ? BuiltInFolder : f).ToList();
    }

    /// <summary>The rule sets named (folders or files), with the built-in sets loaded too when a profile extends them.</summary>
    public static RuleCatalog LoadRules(IEnumerable<string>? given, InputLimits? limits = null) =>
        RuleCatalog.Load(RuleFolders(given), BuiltInFolder, limits, relativeTo: Directory.GetCurrentDirectory());

    /// <summary>The input-limit options: all four where plan packages are read, only the YAML one where only rule files are.</summary>
    public static LimitOptions Limits(bool packages) => new(
        packages ? PackageSize() : null,
        packages ? Count(InputLimits.FeaturesOption, InputLimits.DefaultMaxFeatures, 1, new("单个图层的最大要素数", "Most features one layer may have")) : null,
        packages ? Count(InputLimits.VerticesOption, InputLimits.DefaultMaxVertices, 1, new("单个要素几何的最大顶点数", "Most vertices one feature's geometry may have")) : null,
        Count(InputLimits.YamlAliasesOption, InputLimits.DefaultMaxYamlAliases, 0, new("单个 YAML 文档中别名（*name）的最多使用次数", "Most alias uses (*name) one YAML document may have")));

    private static Option<long> PackageSize() => new(InputLimits.PackageSizeOption)
    {
        Description = HelpText.T(
            "单个规划包解压后的最大字节数：字节数或带单位（500MB、4GB、4GiB、512KiB）。默认 4GiB",
            "Most bytes one plan package may unpack to: bytes, or with a unit (500MB, 4GB, 4GiB, 512KiB). Default 4GiB"),
        DefaultValueFactory = _ => InputLimits.DefaultMaxPackageBytes,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (InputLimits.TryParseSize(text, out var bytes)) return bytes;
            result.AddError($"{InputLimits.PackageSizeOption}: '{text}' is not a size; use bytes or a number with a unit, e.g. 500MB, 4GB, 8GiB "
                + $"（{InputLimits.PackageSizeOption} 的值 '{text}' 不是有效大小，请写字节数或带单位的数，如 500MB、4GB、8GiB）");
            return 0;
        },
    };

    private static Option<int> Count(string name, int defaultValue, int minimum, LocalizedText description) => new(name)
    {
        Description = HelpText.T($"{description.Zh}。默认 {defaultValue.ToString("N0", CultureInfo.InvariantCulture)}", $"{description.En}. Default {defaultValue.ToString("N0", CultureInfo.InvariantCulture)}"),
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n >= minimum) return n;
            var example = (defaultValue * 2L).ToString(CultureInfo.InvariantCulture);
            result.AddError($"{name}: '{text}' is not a whole number of at least {minimum}, e.g. {name} {example} "
                + $"（{name} 的值 '{text}' 应为不小于 {minimum} 的整数，如 {name} {example}）");
            return 0;
        },
    };

    public static bool TryParseFailOn(string? text, out Severity? threshold)
    {
        threshold = null;
        if (text == "never") return true;
        if (Severities.TryParse(text, out var s))
        {
            threshold = s;
            return true;
        }

        return false;
    }
}

/// <summary>The input-limit options of one command; those it does not offer are null and keep their defaults.</summary>
internal sealed record LimitOptions(Option<long>? PackageSize, Option<int>? Features, Option<int>? Vertices, Option<int> YamlAliases)
{
    public IEnumerable<Option> All => new Option?[] { PackageSize, Features, Vertices, YamlAliases }.OfType<Option>();

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    public InputLimits Read(ParseResult parse) => new()
    {
        MaxPackageBytes = PackageSize is null ? InputLimits.DefaultMaxPackageBytes : parse.GetValue(PackageSize),
        MaxFeatures = Features is null ? InputLimits.DefaultMaxFeatures : parse.GetValue(Features),
        MaxVertices = Vertices is null ? InputLimits.DefaultMaxVertices : parse.GetValue(Vertices),
        MaxYamlAliases = parse.GetValue(YamlAliases),
    };
}
