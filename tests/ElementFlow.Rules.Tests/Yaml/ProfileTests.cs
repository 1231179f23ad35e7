using ElementFlow.Rules.Model;

namespace ElementFlow.Rules.Tests.Yaml;

/// <summary>Profiles: a rule set that extends others and overrides parameters and severities by rule id.</summary>
public sealed class ProfileTests : IDisposable
{
    private const string Base = """
        ruleset: national
        version: 1.0.0
        title: { zh: 国家, en: National }
        rules:
          - id: NAT-001
            title: { zh: 扩展倍数, en: Expansion }
            severity: error
            check:
              kind: area-ratio
              numerator: urban_development_boundary
              denominator: { indicator: urban_construction_land_base }
              max: 1.3
            message: { zh: "{value}", en: "{value}" }
        """;

    private readonly string _base = Directory.CreateTempSubdirectory("ef-base-").FullName;
    private readonly string _profiles = Directory.CreateTempSubdirectory("ef-profile-").FullName;

    public ProfileTests() => File.WriteAllText(Path.Combine(_base, "national.yaml"), Base);

    private RuleCatalog Load(string profile)
    {
        File.WriteAllText(Path.Combine(_profiles, "province.yaml"), profile);
        return RuleCatalog.Load([_base, _profiles]);
    }

    [Fact]
    public void Override_ChangesTheParameterWithoutCopyingTheRule()
    {
        var catalog = Load("""
            ruleset: province
            version: 1.0.0
            title: { zh: 省, en: Province }
            extends: [national]
            overrides:
              NAT-001:
                check: { max: 1.2 }
                severity: warning
            """);

        var rule = Assert.Single(catalog.Rules);
        Assert.Empty(catalog.Diagnostics);
        Assert.Equal(1.2, Assert.IsType<AreaRatioCheck>(rule.Checks[0]).Max);
        Assert.Equal(Core.Findings.Severity.Warning, rule.Severity);
        Assert.Equal("national", rule.RuleSet);
        Assert.Contains(rule.Overrides, o => o.Key == "check.max" && o.Value == "1.2" && o.Source.File.EndsWith("province.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Override_KeepsTheParametersItDoesNotName()
    {
        var catalog = Load("""
            ruleset: province
            version: 1.0.0
            title: { zh: 省, en: Province }
            extends: [national]
            overrides:
              NAT-001:
                check: { max: 1.2 }
            """);

        var check = Assert.IsType<AreaRatioCheck>(Assert.Single(catalog.Rules).Checks[0]);
        Assert.Equal("urban_construction_land_base", check.Denominator.Indicator);
    }

    [Fact]
    public void OverrideOfAnUnknownRule_IsALintError()
    {
        var catalog = Load("""
            ruleset: province
            version: 1.0.0
            title: { zh: 省, en: Province }
            extends: [national]
            overrides:
              NAT-999:
                check: { max: 1.2 }
            """);

        var d = Assert.Single(catalog.Diagnostics);
        Assert.Equal("rules.override-unknown-rule", d.Code);
        Assert.Equal(6, d.Line);
    }

    [Fact]
    public void OverrideOfAnUnknownParameter_IsALintErrorInTheProfile()
    {
        var catalog = Load("""
            ruleset: province
            version: 1.0.0
            title: { zh: 省, en: Province }
            extends: [national]
            overrides:
              NAT-001:
                check: { maximum: 1.2 }
            """);

        var d = Assert.Single(catalog.Diagnostics);
        Assert.Equal("rules.unknown-parameter", d.Code);
        Assert.EndsWith("province.yaml", d.File);
        Assert.Equal(7, d.Line);
    }

    [Fact]
    public void ExtendingASetThatIsNotLoaded_IsALintError()
    {
        var catalog = Load("""
            ruleset: province
            version: 1.0.0
            title: { zh: 省, en: Province }
            extends: [regional]
            """);

        Assert.Equal("rules.extends-unknown", Assert.Single(catalog.Diagnostics).Code);
    }

    [Fact]
    public void ExampleProvinceProfile_LoadsOnTheBuiltInRulesWithoutProblems()
    {
        var catalog = RuleCatalog.Load([Path.Combine(Repo.Root, "rules", "profiles", "example-province.yaml")], Path.Combine(Repo.Root, "rules"));

        Assert.Empty(catalog.Diagnostics);
        Assert.Equal(1.2, Assert.IsType<AreaRatioCheck>(catalog.Find("LINE-004")!.Checks[0]).Max);
        Assert.Equal(0.20, Assert.IsType<AreaRatioCheck>(catalog.Find("ELAS-001")!.Checks[0]).Max);
    }

    public void Dispose()
    {
        Directory.Delete(_base, recursive: true);
        Directory.Delete(_profiles, recursive: true);
    }
}
