using ElementFlow.Core.Diagnostics;
using ElementFlow.Rules.Model;
using static ElementFlow.Rules.Tests.RuleYaml;

namespace ElementFlow.Rules.Tests.Yaml;

/// <summary>How the builder reads <c>kind: expression</c> checks and their named parameters.</summary>
public sealed class ExpressionCheckTests
{
    // Starts on line 5; `when` is on line 12.
    private const string SmallPatchRule = """
          - id: TEST-010
            title: { zh: 图斑面积不小于下限, en: Patches are not too small }
            severity: warning
            check:
              kind: expression
              facts: feature
              layers: [GHYDYH, zoning]
              when: "feature.Area < min_area_m2"
              value: "feature.Area"
              limit: "min_area_m2"
              measure: area_m2
              min-area-m2: 200
            message:
              zh: "图斑 {id} 面积 {value:N1} 平方米，小于 {min_area_m2} 平方米"
              en: "Patch {id} is {value:N1} m², under {min_area_m2} m²"

        """;

    private static Diagnostic Single(List<Diagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:{Environment.NewLine}{Describe(diagnostics)}");
        return matching[0];
    }

    [Fact]
    public void Build_ExpressionCheck_LoadsFactsLayersExpressionsAndNamedParameters()
    {
        var (set, diagnostics) = LoadRules(SmallPatchRule);

        Assert.Empty(diagnostics);
        var check = Assert.IsType<ExpressionCheck>(Assert.Single(Assert.Single(set!.Rules).Checks));
        Assert.Equal(FactSource.Feature, check.Facts);
        Assert.Equal("feature", check.Variable);
        Assert.Equal(["land_use", "zoning"], check.Layers);
        Assert.Equal(("feature.Area < min_area_m2", "feature.Area", "min_area_m2", "area_m2"), (check.When, check.Value, check.Limit, check.MeasureName));
        Assert.Equal(200.0, Assert.Single(check.Named, kv => kv.Key == "min_area_m2").Value);
    }

    [Fact]
    public void Build_ExpressionCheck_ListsParametersWithHyphens()
    {
        var check = (ExpressionCheck)LoadRules(SmallPatchRule).Set!.Rules[0].Checks[0];

        Assert.Contains(("min-area-m2", "200"), check.Parameters);
    }

    [Fact]
    public void Build_WhenThatDoesNotParse_ReportsConditionAtItsLine()
    {
        var (set, diagnostics) = LoadRules(SmallPatchRule.Replace("\"feature.Area < min_area_m2\"", "\"feature.Area <\""));

        var d = Single(diagnostics, "rules.condition");
        Assert.Equal("when", d.Arguments["field"]);
        Assert.Equal(12, d.Line);
        Assert.Empty(set!.Rules);
    }

    [Fact]
    public void Build_WhenOutsideTheSandbox_ReportsCondition()
    {
        var (_, diagnostics) = LoadRules(SmallPatchRule.Replace("\"feature.Area < min_area_m2\"", "\"feature.Source != null && feature.Area < min_area_m2\""));

        Assert.Contains("Source", (string)Single(diagnostics, "rules.condition").Arguments["detail"]!);
    }

    [Fact]
    public void Build_UnusedNamedParameter_ReportsItWithHyphens()
    {
        var (set, diagnostics) = LoadRules(SmallPatchRule.Replace("      min-area-m2: 200\n", "      min-area-m2: 200\n      max-area-m2: 900\n"));

        var d = Single(diagnostics, "rules.unused-parameter");
        Assert.Equal("max-area-m2", d.Arguments["parameter"]);
        Assert.Equal(17, d.Line);
        Assert.Empty(set!.Rules);
    }

    /// <summary>Found by fuzzing: the parameter name went into a regular expression unescaped and threw RegexParseException.</summary>
    [Theory]
    [InlineData("max[area")]
    [InlineData("min-area-m.")]
    public void Build_ParameterNameWithPatternCharacters_IsMatchedAsTextAndReportedUnused(string name)
    {
        var (set, diagnostics) = LoadRules(SmallPatchRule.Replace("      min-area-m2: 200\n", $"      min-area-m2: 200\n      \"{name}\": 900\n"));

        Assert.Equal(name, Single(diagnostics, "rules.unused-parameter").Arguments["parameter"]);
        Assert.Empty(set!.Rules);
    }

    [Fact]
    public void Build_UnknownFacts_ReportsFieldInvalid()
    {
        var (_, diagnostics) = LoadRules(SmallPatchRule.Replace("facts: feature", "facts: features"));

        Assert.Equal("facts", Single(diagnostics, "rules.field-invalid").Arguments["field"]);
    }

    [Fact]
    public void Build_NamedParameterInMessage_IsAKnownPlaceholder()
    {
        var (_, diagnostics) = LoadRules(SmallPatchRule);

        Assert.DoesNotContain(diagnostics, d => d.Code == "rules.unknown-placeholder");
    }

    [Fact]
    public void Build_SeverityWhenOverTheExpressionFact_Loads()
    {
        var rule = SmallPatchRule.Replace("    message:", """
                severity-when:
                  - when: "feature.Area < 10"
                    severity: info
                message:
            """);

        var (set, diagnostics) = LoadRules(rule);

        Assert.Empty(diagnostics);
        Assert.Equal(Core.Findings.Severity.Info, Assert.Single(set!.Rules[0].SeverityWhen).Severity);
    }

    [Fact]
    public void Build_QuotedNumericNamedParameter_StaysText()
    {
        var (set, diagnostics) = LoadRules(SmallPatchRule
            .Replace("\"feature.Area < min_area_m2\"", "\"feature.Area < min_area_m2 && Codes.Match(feature.Code, code_prefix)\"")
            .Replace("      min-area-m2: 200\n", "      min-area-m2: 200\n      code-prefix: \"07\"\n"));

        Assert.True(diagnostics.Count == 0, Describe(diagnostics));
        Assert.Equal("07", ((ExpressionCheck)set!.Rules[0].Checks[0]).Named["code_prefix"]);
    }
}
