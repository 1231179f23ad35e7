using System.CommandLine;
using ElementFlow.Core.Findings;
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
        Description = "Language of messages: zh or en",
        DefaultValueFactory = _ => "zh",
    }.AcceptOnlyFromAmong("zh", "en");

    public static Option<string[]> Rules() => new("--rules", "-r")
    {
        Description = "A folder or file of rule sets (repeatable); 'builtin' names the built-in rules; a profile that extends them loads them. Default: the built-in rules",
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
    public static RuleCatalog LoadRules(IEnumerable<string>? given) => RuleCatalog.Load(RuleFolders(given), BuiltInFolder);

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
