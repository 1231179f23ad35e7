using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Tests.Packages;

/// <summary>plan.yaml as people write it: misspelt keys, Chinese units, one message per cause, each at its line.</summary>
public class ForgivingInputTests
{
    private static Diagnostic Only(PlanLoadResult result, string code) =>
        Assert.Single(result.Diagnostics, d => d.Code == code);

    [Fact]
    public void Load_MisspeltTopLevelKey_IsAnErrorThatSaysWhichKeyWasMeant()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nindicaters:\n  farmland_retention: { value: 12, unit: 10k_mu }\n");

        var d = Only(PlanLoader.Load(p.Folder), "yaml.unknown-key");

        Assert.Equal((Severity.Error, 9), (d.Severity, d.Line));
        Assert.Contains("did you mean indicators?", d.Message(Language.En));
        Assert.Contains("是否应为 indicators", d.Message(Language.Zh));
    }

    [Fact]
    public void Load_MisspeltTopLevelKey_IsReadAsTheKeyItWasMeantToBe()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nindicaters:\n  farmland_retention: { value: 12, unit: 10k_mu }\n");

        var result = PlanLoader.Load(p.Folder);

        Assert.True(result.Plan!.Indicators.ContainsKey("farmland_retention"));
    }

    [Fact]
    public void Load_MisspeltKeyDeepInAnIndicator_SaysWhichKeyWasMeantAndNothingElse()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nindicators:\n  farmland_retention: { value: 12, unti: ha }\n");

        var result = PlanLoader.Load(p.Folder);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("yaml.unknown-key", d.Code);
        Assert.Contains("indicators.farmland_retention.unti; did you mean unit?", d.Message(Language.En));
    }

    [Fact]
    public void Load_UnknownKeyFarFromEveryKnownOne_StaysAWarning()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\ncolour: blue\n");

        Assert.Equal(Severity.Warning, Only(PlanLoader.Load(p.Folder), "yaml.unknown-key").Severity);
    }

    [Fact]
    public void Load_IndicatorWithoutUnit_IsOneMessageAndMarkedUnusable()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nindicators:\n  farmland_retention: { value: 12 }\n");

        var result = PlanLoader.Load(p.Folder);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("plan.field-required", 10), (d.Code, d.Line));
        Assert.Contains("indicators.farmland_retention.unit", d.Message(Language.En));
        Assert.Contains("farmland_retention", result.Plan!.UnusableIndicators);
    }

    [Fact]
    public void Load_MisspeltIndicatorKey_IsAnErrorWithTheKnownKeyAndMarksItUnusable()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nindicators:\n  farmland_retension: { value: 12, unit: 10k_mu }\n");

        var result = PlanLoader.Load(p.Folder);

        var d = Only(result, "plan.misspelt-indicator");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("did you mean farmland_retention?", d.Message(Language.En));
        Assert.Contains("farmland_retention", result.Plan!.UnusableIndicators);
    }

    [Fact]
    public void Load_UnknownUnit_SuggestsTheNearestUnit()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nindicators:\n  farmland_retention: { value: 12, unit: 10k_m }\n");

        Assert.Contains("did you mean 10k_mu?", Only(PlanLoader.Load(p.Folder), "plan.unknown-unit").Message(Language.En));
    }

    [Theory]
    [InlineData("万亩", 800)]
    [InlineData("公顷", 12)]
    [InlineData("平方公里", 1200)]
    public void Load_ChineseUnit_IsReadAsItsKey(string unit, double hectares)
    {
        var value = unit == "万亩" ? "1.2" : "12";
        using var p = new TempPackage(TempPackage.MinimalPlan + $"\nindicators:\n  construction_land_total: {{ value: {value}, unit: {unit} }}\n");

        var result = PlanLoader.Load(p.Folder);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(hectares, result.Plan!.Indicators["construction_land_total"].Quantity.Canonical, 6);
    }

    [Fact]
    public void Load_UnknownLevel_PointsAtTheLineOfLevel()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan.Replace("level: county", "level: cuonty"));

        var d = Only(PlanLoader.Load(p.Folder), "plan.unknown-level");

        Assert.Equal(4, d.Line);
        Assert.Contains("did you mean county?", d.Message(Language.En));
    }

    [Fact]
    public void Load_MisspeltLayerRole_TakesTheLayerAsBrokenNotMissing()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  ecological_redlin: layers/erl.geojson\n");

        var result = PlanLoader.Load(p.Folder);

        Assert.Contains("did you mean ecological_redline?", Only(result, "plan.unknown-role").Message(Language.En));
        Assert.Contains("ecological_redline", result.Plan!.BrokenLayers);
    }
}
