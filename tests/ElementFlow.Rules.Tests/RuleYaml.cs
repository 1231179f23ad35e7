using ElementFlow.Core.Diagnostics;
using ElementFlow.Rules.Model;
using ElementFlow.Rules.Yaml;

namespace ElementFlow.Rules.Tests;

/// <summary>Reads and builds a rule set from YAML text, the way <see cref="RuleCatalog"/> does for one file.</summary>
internal static class RuleYaml
{
    public const string FileName = "test.yaml";

    /// <summary>The head of a rule set; its rules start on line 5.</summary>
    public const string Head = """
        ruleset: test
        version: 1.0.0
        title: { zh: 测试, en: Test }
        rules:

        """;

    public static (RuleSet? Set, List<Diagnostic> Diagnostics) Load(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var dto = RuleSetReader.Read(yaml, FileName, diagnostics);
        var set = dto is null ? null : RuleSetBuilder.Build(dto, diagnostics);
        return (set, diagnostics);
    }

    /// <summary>Loads the head followed by the rules given.</summary>
    public static (RuleSet? Set, List<Diagnostic> Diagnostics) LoadRules(string rules) => Load(Head + rules);

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.Format(Core.Text.Language.En)));
}
