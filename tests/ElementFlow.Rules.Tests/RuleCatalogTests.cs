using static ElementFlow.Rules.Tests.RuleYaml;

namespace ElementFlow.Rules.Tests;

public sealed class RuleCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("elementflow-rules-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string RuleSet(string id, string ruleId) => $$"""
        ruleset: {{id}}
        version: 1.0.0
        title: { zh: 测试, en: Test }
        rules:
          - id: {{ruleId}}
            title: { zh: 几何有效, en: Valid geometry }
            severity: error
            check: { kind: valid-geometry }
            message: { zh: "{id} 无效", en: "{id} is invalid" }
        """;

    [Fact]
    public void Load_BuiltInRuleSets_LoadWithoutDiagnostics()
    {
        var catalog = RuleCatalog.Load([Repo.Rules]);

        Assert.True(catalog.Diagnostics.Count == 0, Describe(catalog.Diagnostics));
        Assert.Subset(catalog.RuleSets.Select(s => s.Id).ToHashSet(), new HashSet<string> { "data", "redlines", "hierarchy" });
        Assert.Contains(catalog.Rules, r => r.Id == "LINE-001");
        Assert.Contains(catalog.Rules, r => r.Id == "DATA-001");
    }

    [Fact]
    public void Load_BuiltInRuleSets_EveryRuleHasATestFolder()
    {
        var catalog = RuleCatalog.Load([Repo.Rules]);

        Assert.All(catalog.Rules, r => Assert.True(Directory.Exists(Path.Combine(Repo.Rules, "tests", r.Id)), $"no rules/tests/{r.Id}"));
    }

    [Fact]
    public void Load_TwoFilesWithTheSameRuleId_ReportsDuplicateIdAtTheSecond()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), RuleSet("first", "TEST-001"));
        File.WriteAllText(Path.Combine(_folder, "b.yaml"), RuleSet("second", "TEST-001"));

        var catalog = RuleCatalog.Load([_folder]);

        var d = Assert.Single(catalog.Diagnostics);
        Assert.Equal("rules.duplicate-id", d.Code);
        Assert.EndsWith("b.yaml", d.File);
        Assert.Equal(5, d.Line);
        Assert.Equal("TEST-001", d.Arguments["rule"]);
        Assert.EndsWith("a.yaml:5", (string)d.Arguments["first"]!);
        Assert.True(catalog.HasErrors);
    }

    [Fact]
    public void Load_DistinctRuleIds_LoadsBothSetsInFileOrder()
    {
        File.WriteAllText(Path.Combine(_folder, "b.yaml"), RuleSet("second", "TEST-002"));
        File.WriteAllText(Path.Combine(_folder, "a.yml"), RuleSet("first", "TEST-001"));

        var catalog = RuleCatalog.Load([_folder]);

        Assert.Empty(catalog.Diagnostics);
        Assert.Equal(["first", "second"], catalog.RuleSets.Select(s => s.Id));
        Assert.Equal("TEST-002", catalog.Find("test-002")?.Id);
    }

    [Fact]
    public void Load_MissingFolder_ReportsFolderMissing()
    {
        var missing = Path.Combine(_folder, "nope");

        var d = Assert.Single(RuleCatalog.Load([missing]).Diagnostics);

        Assert.Equal(("rules.folder-missing", missing), (d.Code, d.Arguments["path"]));
    }

    [Fact]
    public void Load_FolderWithoutYaml_ReportsNone()
    {
        File.WriteAllText(Path.Combine(_folder, "readme.txt"), "not a rule set");

        Assert.Equal("rules.none", Assert.Single(RuleCatalog.Load([_folder]).Diagnostics).Code);
    }

    [Fact]
    public void Load_YamlInSubfolder_IsNotRead()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), RuleSet("first", "TEST-001"));
        Directory.CreateDirectory(Path.Combine(_folder, "tests"));
        File.WriteAllText(Path.Combine(_folder, "tests", "b.yaml"), "not: [valid");

        Assert.Empty(RuleCatalog.Load([_folder]).Diagnostics);
    }
}
