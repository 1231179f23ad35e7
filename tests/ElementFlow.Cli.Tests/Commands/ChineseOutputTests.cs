using System.Text.RegularExpressions;
using ElementFlow.Core.Planning;
using Xunit.Abstractions;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary>
/// Under <c>--lang zh</c> (the default) a reader meets Chinese throughout: no catalogue key where a name
/// belongs (farmland_retention → 耕地保有量), no English sentence. Identifiers people type — rule ids,
/// plan ids, feature ids, file paths, rule-set ids, check kinds and parameters — may stay as they are.
/// </summary>
public class ChineseOutputTests(ITestOutputHelper output)
{
    private static readonly string Examples = Repo.Relative(Repo.Examples);
    private static readonly string Rules = Repo.Relative(Repo.Rules);

    /// <summary>Words that are keys when they stand alone: catalogue keys, severities, plan levels and types.</summary>
    private static readonly string[] Keys =
    [
        .. Terms.Keys, "error", "warning", "info", "national", "province", "city", "county", "township", "overall", "detailed", "special",
    ];

    private static readonly Regex Identifier = new(
        @"\{[a-z_]+(:[^}]*)?\}|""[^""]*""|[\w.-]*[/\\][\w./\\:#*-]*|\b[A-Z]+-\d{3}\b|\bEPSG:\d+|\bElementFlow\b|\b\d+ passed, \d+ failed(, \d+ skipped)?|[A-Za-z]+-\d[\w-]*", RegexOptions.Compiled);

    private static readonly Regex AsciiSentence = new(@"[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){3,}", RegexOptions.Compiled);

    /// <summary>What a Chinese reader would stumble on in the text, one line each.</summary>
    public static IReadOnlyList<string> Untranslated(string text, IEnumerable<string> planIds)
    {
        var problems = new List<string>();
        var ids = planIds.OrderByDescending(p => p.Length).ToList();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0))
        {
            var stripped = ids.Aggregate(line, (l, id) => l.Replace(id, " ", StringComparison.Ordinal));
            stripped = Identifier.Replace(stripped, " ");
            foreach (var key in Keys)
            {
                // A key followed by its name in brackets is explained, not left untranslated.
                if (Regex.IsMatch(stripped, $@"(?<![\w（-]){Regex.Escape(key)}(?![\w-])(?!\s*（)"))
                {
                    problems.Add($"untranslated key '{key}': {line}");
                }
            }

            if (AsciiSentence.Match(stripped) is { Success: true } m) problems.Add($"English sentence '{m.Value}': {line}");
        }

        return problems;
    }

    private static IEnumerable<string> PlanIds => Directory.GetDirectories(Repo.Examples).Select(Path.GetFileName).OfType<string>();

    private void AssertChinese(string text)
    {
        var problems = Untranslated(text, PlanIds);
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} lines are not Chinese:\n{string.Join("\n", problems.Take(40))}");
    }

    [Fact]
    public void Untranslated_AKeyOrAnEnglishSentence_IsCaught()
    {
        var problems = Untranslated("指标 farmland_retention 为 6,824.50\n规则 LINE-004 未能运行：layer boundary could not be read\n级别：error", []);

        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Untranslated_IdentifiersAndExplainedKeys_PassAsTheyAre()
    {
        var problems = Untranslated("规划 qinghe-city（example-plans/qinghe-city/plan.yaml）LINE-001 a: ecological_redline（生态保护红线） 3 passed, 0 failed", ["qinghe-city"]);

        Assert.Empty(problems);
    }

    [Fact]
    public void Check_TextReportOfTheExampleTree_IsChineseThroughout()
    {
        var (_, stdout, stderr) = Repo.Cli("check", Examples, "--rules", Rules);

        AssertChinese(stdout + "\n" + stderr);
    }

    [Fact]
    public void Explain_EveryBuiltInRule_IsChineseThroughout()
    {
        var (_, list, _) = Repo.Cli("rules", "list", "--rules", Rules);
        var ids = Regex.Matches(list, @"^[A-Z]+-\d{3}", RegexOptions.Multiline).Select(m => m.Value).ToList();

        Assert.NotEmpty(ids);
        AssertChinese(string.Join("\n", ids.Select(id => Repo.Cli("explain", id, "--rules", Rules).Out)));
    }

    [Fact]
    public void RulesList_IsChineseThroughout()
    {
        var (_, stdout, stderr) = Repo.Cli("rules", "list", "--rules", Rules);

        AssertChinese(stdout + "\n" + stderr);
    }

    [Fact]
    public void RulesTest_IsChineseThroughoutButItsClosingLine()
    {
        var (_, stdout, stderr) = Repo.Cli("rules", "test", Rules);

        AssertChinese(stdout + "\n" + stderr);
        Assert.Matches(@"\d+ passed, \d+ failed", stdout);
    }
}
