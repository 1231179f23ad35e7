using ElementFlow.Core.Diagnostics;
using ElementFlow.Rules.Model;
using static ElementFlow.Rules.Tests.RuleYaml;

namespace ElementFlow.Rules.Tests.Yaml;

public sealed class EquityCheckTests
{
    private static (CheckSpec? Check, List<Diagnostic> Diagnostics) Check(string check)
    {
        var (set, diagnostics) = LoadRules($"""
              - id: EQUI-T
                title: {"{"} zh: 测试, en: Test {"}"}
                severity: warning
                check:
            {check}
                message: {"{"} zh: "{"{"}value{"}"}", en: "{"{"}value{"}"}" {"}"}

            """);
        return (set?.Rules.SingleOrDefault()?.Checks.Single(), diagnostics);
    }

    [Fact]
    public void Coverage_KindsWithAGroup_OneSelectorPerGroupSharingTheLayer()
    {
        var (check, diagnostics) = Check("""
                  kind: coverage
                  to: { layer: facilities, kinds: [[clinic, health_centre], elderly_care] }
                  distance-m: 1000
                  min-share: 0.9
            """);

        Assert.Empty(diagnostics);
        var coverage = Assert.IsType<CoverageCheck>(check);
        Assert.Equal([["clinic", "health_centre"], ["elderly_care"]], coverage.Coverage.To.GroupSelectors.Select(s => s.Codes));
        Assert.Equal(("residential", "population", CoveragePer.Kind, DistanceMethod.Auto, 200.0),
            (coverage.Coverage.From.Role, coverage.Coverage.PopulationAttribute, coverage.Coverage.Per, coverage.Coverage.Method, coverage.Coverage.SnapM));
    }

    [Fact]
    public void Coverage_MinArea_BecomesAWhereOnTheArea()
    {
        var (check, diagnostics) = Check("""
                  kind: coverage
                  to: { layer: land_use, codes: ["1401", "1403"], min-area-m2: 400 }
                  distance-m: 300
                  min-share: 0.9
            """);

        Assert.Empty(diagnostics);
        var target = Assert.IsType<CoverageCheck>(check).Coverage.To;
        Assert.Equal("feature.Area >= 400", target.Layer.Where);
        Assert.Equal(["1401", "1403"], Assert.Single(target.GroupSelectors).Codes);
    }

    [Theory]
    [InlineData("to: { layer: facilities, codes: [clinic], kinds: [clinic] }\n      distance-m: 300\n      min-share: 0.9", "rules.field-invalid")]
    [InlineData("to: facilities\n      distance-m: 300\n      min-share: 1.5", "rules.field-invalid")]
    [InlineData("to: facilities\n      distance-m: 300", "rules.field-required")]
    [InlineData("to: facilities\n      distance-m: 300\n      min-share: 0.9\n      per: each", "rules.field-invalid")]
    [InlineData("to: facilities\n      distance-m: 300\n      min-share: 0.9\n      declared: life_circle_coverage\n      max-difference: 0.05", "rules.field-invalid")]
    [InlineData("to: facilities\n      distance-m: 300\n      declared: no_such_indicator\n      max-difference: 0.05", "rules.unknown-indicator")]
    [InlineData("to: { layer: streets }\n      distance-m: 300\n      min-share: 0.9", "rules.unknown-role")]
    public void Coverage_BadParameters_AreLintErrors(string parameters, string code)
    {
        var (check, diagnostics) = Check("      kind: coverage\n      " + parameters);

        Assert.Null(check);
        Assert.Contains(diagnostics, d => d.Code == code);
    }

    [Fact]
    public void Distribution_CountWithADistance_IsALintError()
    {
        var (check, diagnostics) = Check("""
                  kind: distribution
                  of: count
                  to: { layer: facilities, codes: [health_centre] }
                  distance-m: 1000
                  floor: 1
            """);

        Assert.Null(check);
        Assert.Contains(diagnostics, d => d.Code == "rules.field-invalid" && d.Message(Core.Text.Language.En).Contains("distance-m"));
    }

    [Fact]
    public void PerCapita_IndicatorDenominator_NeedsNoResidentsLayer()
    {
        var (check, diagnostics) = Check("""
                  kind: per-capita
                  numerator: { layer: land_use, codes: ["1401"] }
                  denominator: { indicator: resident_population }
                  min: 8
            """);

        Assert.Empty(diagnostics);
        var perCapita = Assert.IsType<PerCapitaCheck>(check);
        Assert.Equal(("resident_population", null, "area_m2_per_person"), (perCapita.PopulationIndicator, perCapita.Residents, perCapita.MeasureName));
    }

    [Fact]
    public void Shoreline_WithoutLand_ReadsTheWatersLayer()
    {
        var (check, diagnostics) = Check("""
                  kind: shoreline
                  water: { layer: land_use, codes: ["17"] }
                  public-codes: ["12", "14", "08"]
                  within: urban_development_boundary
                  min-share: 0.6
            """);

        Assert.Empty(diagnostics);
        var shoreline = Assert.IsType<ShorelineCheck>(check);
        Assert.Equal(("land_use", "urban_development_boundary", "public_shoreline_share"), (shoreline.Land.Role, shoreline.Within!.Role, shoreline.MeasureName));
    }
}
