using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Model;
using static ElementFlow.Rules.Tests.RuleYaml;

namespace ElementFlow.Rules.Tests.Yaml;

public sealed class RuleSetBuilderTests
{
    // Line 5 of the file (after the head).
    private const string NoOverlapRule = """
          - id: TEST-001
            title: { zh: 红线与农田不重叠, en: Red line must not overlap farmland }
            severity: warning
            applies-to: { levels: [city, 县级], types: [overall] }
            check:
              kind: no-overlap
              a: STBHHX
              b: { layer: permanent_basic_farmland, codes: ["01"], where: "feature.Area > 10" }
              tolerance-m2: 5
            message:
              zh: "红线 {a} 与农田 {b} 重叠 {value:N1} 平方米"
              en: "Red line {a} overlaps farmland {b} by {value:N1} m²"

        """;

    private static Diagnostic Single(List<Diagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:{Environment.NewLine}{Describe(diagnostics)}");
        return matching[0];
    }

    [Fact]
    public void Build_ValidRule_LoadsWithoutDiagnostics()
    {
        var (set, diagnostics) = LoadRules(NoOverlapRule);

        Assert.Empty(diagnostics);
        Assert.NotNull(set);
        Assert.Equal(("test", "1.0.0", "Test"), (set.Id, set.Version, set.Title.En));
        var rule = Assert.Single(set.Rules);
        Assert.Equal(("TEST-001", Severity.Warning, "test"), (rule.Id, rule.Severity, rule.RuleSet));
        Assert.Equal(new SourceLocation(FileName, 5), rule.Source);
    }

    [Fact]
    public void Build_ValidRule_ResolvesAliasesAndParameters()
    {
        var rule = Assert.Single(LoadRules(NoOverlapRule).Set!.Rules);

        var check = Assert.IsType<NoOverlapCheck>(Assert.Single(rule.Checks));
        Assert.True(check.A.IsWhole);
        Assert.Equal("ecological_redline", check.A.Role);
        Assert.Equal("permanent_basic_farmland", check.B?.Role);
        Assert.Equal(["01"], check.B?.Codes);
        Assert.Equal("feature.Area > 10", check.B?.Where);
        Assert.Equal(5, check.ToleranceM2);
        Assert.Equal(new SourceLocation(FileName, 10), check.Source);
    }

    [Fact]
    public void Build_ValidRule_ParsesAppliesToWithChineseLevelNames()
    {
        var rule = Assert.Single(LoadRules(NoOverlapRule).Set!.Rules);

        Assert.Equal([PlanLevel.City, PlanLevel.County], rule.AppliesTo.Levels.Order());
        Assert.Equal([PlanType.Overall], rule.AppliesTo.Types);
    }

    [Fact]
    public void Build_NoOverlapWithoutTolerance_DefaultsToOneSquareMetre()
    {
        var (set, _) = LoadRules(NoOverlapRule.Replace("      tolerance-m2: 5\n", ""));

        Assert.Equal(1, Assert.IsType<NoOverlapCheck>(set!.Rules[0].Checks[0]).ToleranceM2);
    }

    [Fact]
    public void Build_UnknownCheckKind_ReportsUnknownKindAtTheCheck()
    {
        var (set, diagnostics) = LoadRules(NoOverlapRule.Replace("kind: no-overlap", "kind: no-overlaps"));

        var d = Single(diagnostics, "rules.unknown-kind");
        Assert.Equal(10, d.Line);
        Assert.Equal("no-overlaps", d.Arguments["kind"]);
        Assert.Equal("TEST-001", d.Arguments["rule"]);
        Assert.Empty(set!.Rules);
    }

    [Fact]
    public void Build_UnknownParameter_ReportsItByNameAndLine()
    {
        var (set, diagnostics) = LoadRules(NoOverlapRule.Replace("tolerance-m2: 5", "tolerance: 5"));

        var d = Single(diagnostics, "rules.unknown-parameter");
        Assert.Equal("tolerance", d.Arguments["parameter"]);
        Assert.Equal(13, d.Line);
        Assert.Empty(set!.Rules);
    }

    [Fact]
    public void Build_UnknownPlaceholderInMessage_ReportsIt()
    {
        var (set, diagnostics) = LoadRules(NoOverlapRule.Replace("by {value:N1} m²", "by {overlap:N1} m²"));

        var d = Single(diagnostics, "rules.unknown-placeholder");
        Assert.Equal("overlap", d.Arguments["name"]);
        Assert.Contains("a_code", (string)d.Arguments["known"]!);
        Assert.Empty(set!.Rules);
    }

    [Fact]
    public void Build_MissingChineseTitle_ReportsFieldRequiredAtTheTitle()
    {
        var (set, diagnostics) = LoadRules(NoOverlapRule.Replace("title: { zh: 红线与农田不重叠, en:", "title: { en:"));

        var d = Single(diagnostics, "rules.field-required");
        Assert.Equal(6, d.Line);
        Assert.Equal("title.zh", d.Arguments["field"]);
        Assert.Empty(set!.Rules);
    }

    [Fact]
    public void Build_MissingChineseTexts_NameEachFieldOnce()
    {
        var (_, diagnostics) = LoadRules(NoOverlapRule
            .Replace("title: { zh: 红线与农田不重叠, en:", "title: { en:")
            .Replace("zh: \"红线 {a} 与农田 {b} 重叠 {value:N1} 平方米\"", "zh: \"\""));

        Assert.Equal(
            """
            test.yaml:6: error rules.field-required: Rule TEST-001: title.zh is required.
            test.yaml:15: error rules.field-required: Rule TEST-001: message.zh is required.
            """,
            Describe(diagnostics));
    }

    [Fact]
    public void Build_BadSeverityWhenSeverity_ReportsFieldInvalid()
    {
        var (_, diagnostics) = LoadRules(NoOverlapRule.Replace("    message:", """
                severity-when:
                  - when: "o.Value < 10"
                    severity: minor
                message:
            """));

        var d = Single(diagnostics, "rules.field-invalid");
        Assert.Equal(15, d.Line);
        Assert.Contains("severity-when", (string)d.Arguments["field"]!);
        Assert.Equal("minor", d.Arguments["value"]);
    }

    [Fact]
    public void Build_BadSeverity_ReportsFieldInvalid()
    {
        var (set, diagnostics) = LoadRules(NoOverlapRule.Replace("severity: warning", "severity: fatal"));

        var d = Single(diagnostics, "rules.field-invalid");
        Assert.Equal("severity", d.Arguments["field"]);
        Assert.Equal("fatal", d.Arguments["value"]);
        Assert.Empty(set!.Rules);
    }

    [Fact]
    public void Build_BadRuleId_ReportsFieldInvalid()
    {
        var (_, diagnostics) = LoadRules(NoOverlapRule.Replace("id: TEST-001", "id: test-001"));

        Assert.Equal("id", Single(diagnostics, "rules.field-invalid").Arguments["field"]);
    }

    [Fact]
    public void Build_UnknownLayerRole_ReportsUnknownRole()
    {
        var (set, diagnostics) = LoadRules(NoOverlapRule.Replace("a: STBHHX", "a: red_line"));

        var d = Single(diagnostics, "rules.unknown-role");
        Assert.Equal("red_line", d.Arguments["role"]);
        Assert.Equal("a", d.Arguments["field"]);
        Assert.Equal(11, d.Line);
        Assert.Empty(set!.Rules);
    }

    [Fact]
    public void Build_WhereThatDoesNotParse_ReportsCondition()
    {
        var (_, diagnostics) = LoadRules(NoOverlapRule.Replace("where: \"feature.Area > 10\"", "where: \"feature.Area >\""));

        var d = Single(diagnostics, "rules.condition");
        Assert.Equal("b.where", d.Arguments["field"]);
    }

    [Fact]
    public void Build_OneBadRule_OtherRulesStillLoad()
    {
        var (set, diagnostics) = LoadRules(NoOverlapRule.Replace("kind: no-overlap", "kind: nope") + NoOverlapRule.Replace("TEST-001", "TEST-002"));

        Assert.Single(diagnostics);
        Assert.Equal(["TEST-002"], set!.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Build_NoRuleSetId_ReportsFieldRequiredAndBuildsNothing()
    {
        var (set, diagnostics) = Load(Head.Replace("ruleset: test\n", "") + NoOverlapRule);

        Assert.Null(set);
        Assert.Equal("ruleset", Single(diagnostics, "rules.field-required").Arguments["field"]);
    }

    [Fact]
    public void Build_CheckAndChecksBoth_ReportsFieldInvalid()
    {
        var rule = NoOverlapRule.Replace("    message:", """
                checks:
                  - kind: valid-geometry
                message:
            """);

        var (_, diagnostics) = LoadRules(rule);

        Assert.Equal("check", Single(diagnostics, "rules.field-invalid").Arguments["field"]);
    }
}
