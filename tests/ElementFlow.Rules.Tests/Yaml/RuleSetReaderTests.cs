using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Rules.Yaml;
using static ElementFlow.Rules.Tests.RuleYaml;

namespace ElementFlow.Rules.Tests.Yaml;

public sealed class RuleSetReaderTests
{
    [Fact]
    public void Read_YamlSyntaxError_ReportsYamlSyntaxAtItsLine()
    {
        var diagnostics = new List<Diagnostic>();

        var dto = RuleSetReader.Read("""
            ruleset: test
            version: 1.0.0
            title: { zh: 测试, en: Test }
            rules:
              - id: TEST-001
                title: "unclosed
              - id: TEST-002
            """, FileName, diagnostics);

        Assert.Null(dto);
        var d = Assert.Single(diagnostics);
        Assert.Equal("yaml.syntax", d.Code);
        Assert.Equal(FileName, d.File);
        Assert.Equal(6, d.Line);
    }

    [Fact]
    public void Read_MappingValueInAValue_ReportsYamlSyntaxAtItsLine()
    {
        var diagnostics = new List<Diagnostic>();

        RuleSetReader.Read("ruleset: test\nversion: 1.0.0: x\n", FileName, diagnostics);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("yaml.syntax", 2), (d.Code, d.Line));
        Assert.DoesNotContain("(Line:", (string)d.Arguments["detail"]!);
    }

    [Fact]
    public void Read_DocumentIsAList_ReportsWrongShape()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Null(RuleSetReader.Read("- a\n- b\n", FileName, diagnostics));
        Assert.Equal("yaml.wrong-shape", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Read_UnknownRuleKey_ReportsUnknownKeyAtItsLine()
    {
        var (_, diagnostics) = LoadRules("""
              - id: TEST-001
                title: { zh: 标题, en: Title }
                severity: error
                sevrity: error
                check: { kind: valid-geometry }
                message: { zh: 消息, en: Message }
            """);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("yaml.unknown-key", 8), (d.Code, d.Line));
        Assert.Equal("rules[0].sevrity", d.Arguments["key"]);
    }

    [Fact]
    public void Read_SingleStringTitle_IsUsedForBothLanguages()
    {
        var diagnostics = new List<Diagnostic>();

        var dto = RuleSetReader.Read("ruleset: test\ntitle: Test\nrules: []\n", FileName, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(("Test", "Test"), (dto!.Title!.Zh, dto.Title.En));
    }

    [Fact]
    public void Read_AliasBomb_IsRefused()
    {
        var bomb = "a: &a [x]\nb: [" + string.Join(", ", Enumerable.Repeat("*a", InputLimits.DefaultMaxYamlAliases + 1)) + "]\n";
        var diagnostics = new List<Diagnostic>();

        Assert.Null(RuleSetReader.Read(bomb, FileName, diagnostics));
        Assert.Equal("limit.exceeded", Assert.Single(diagnostics).Code);
    }
}
