using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Core.Units;
using static ElementFlow.Engine.Tests.TestPlan;

namespace ElementFlow.Engine.Tests;

public class CheckerTests
{
    private static readonly IReadOnlyList<Rules.Model.RuleSpec> RedLineOverFarmland = OneRule("""
              kind: no-overlap
              a: ecological_redline
              b: permanent_basic_farmland
              tolerance-m2: 1
        """, "{a} x {b}: {value:N1}");

    [Fact]
    public void Check_OverlapAboveTolerance_ReportsPairAreaAndIntersection()
    {
        var plan = new TestPlan()
            .Layer("ecological_redline", ("E1", Square(0, 0, 100), ""))
            .Layer("permanent_basic_farmland", ("P1", Square(60, 0, 100), ""), ("P2", Square(500, 500, 10), ""))
            .Build();

        var finding = Assert.Single(new Checker(RedLineOverFarmland).Check(plan).Findings);

        Assert.Equal([new Subject("ecological_redline", "E1"), new Subject("permanent_basic_farmland", "P1")], finding.Subjects);
        var measure = Assert.IsType<Measure>(finding.Measure);
        Assert.Equal(new Measure("overlap_area_m2", 4000, 1), measure with { Value = Math.Round(measure.Value, 6) });
        Assert.Equal(4000, finding.Geometry!.Area, 6);
        Assert.Equal("E1 x P1: 4,000.0", finding.Message(Language.En));
    }

    [Fact]
    public void Check_OverlapWithinTolerance_IsNoFinding()
    {
        var plan = new TestPlan()
            .Layer("ecological_redline", ("E1", Square(0, 0, 100), ""))
            .Layer("permanent_basic_farmland", ("P1", Rect(99.5, 0, 200, 1), ""))
            .Build();

        Assert.Empty(new Checker(RedLineOverFarmland).Check(plan).Findings);
    }

    [Fact]
    public void Check_TouchingPolygons_AreNoOverlap()
    {
        var plan = new TestPlan()
            .Layer("ecological_redline", ("E1", Square(0, 0, 100), ""))
            .Layer("permanent_basic_farmland", ("P1", Square(100, 0, 100), ""))
            .Build();

        var result = new Checker(RedLineOverFarmland).Check(plan);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.RulesRun);
    }

    [Fact]
    public void Check_PlanLackingALayer_CountsTheRuleAsNotApplicable()
    {
        var plan = new TestPlan().Layer("ecological_redline", ("E1", Square(0, 0, 100), "")).Build();

        var result = new Checker(RedLineOverFarmland).Check(plan);

        Assert.Equal((0, 1), (result.RulesRun, result.NotApplicable));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Check_LevelOutsideAppliesTo_CountsTheRuleAsNotApplicable()
    {
        var rules = OneRule("""
                  kind: no-overlap
                  a: ecological_redline
                  b: permanent_basic_farmland
            """, extra: "applies-to: { levels: [city] }");
        var plan = new TestPlan()
            .Layer("ecological_redline", ("E1", Square(0, 0, 100), ""))
            .Layer("permanent_basic_farmland", ("P1", Square(50, 0, 100), ""))
            .Build();

        var result = new Checker(rules).Check(plan);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.NotApplicable);
    }

    [Fact]
    public void Check_LayerThatCouldNotBeRead_SkipsTheRuleWithTheReason()
    {
        var plan = new TestPlan().Layer("ecological_redline", ("E1", Square(0, 0, 100), "")).Broken("permanent_basic_farmland").Build();

        var skipped = Assert.Single(new Checker(RedLineOverFarmland).Check(plan).Skipped);

        Assert.Equal("TEST-001", skipped.Rule);
        Assert.Contains("permanent_basic_farmland could not be read", skipped.Reason);
    }

    [Fact]
    public void Check_SeverityWhen_LowersSeverityForTheMatchingFeatureOnly()
    {
        var rules = OneRule("""
                  kind: no-overlap
                  a: ecological_redline
                  b: { layer: land_use, codes: ["10"] }
            """, extra: """severity-when: [{ when: 'o.B.Number("limited_activity") >= 1', severity: info }]""");
        var plan = new TestPlan()
            .Layer("ecological_redline", ("E1", Square(0, 0, 100), ""))
            .Layer("land_use", ("L1", Square(0, 0, 50), "code=1001"), ("L2", Square(50, 0, 50), "code=1001,limited_activity=3"), ("L3", Square(0, 50, 50), "code=0301"))
            .Build();

        var findings = new Checker(rules).Check(plan).Findings.OrderBy(f => f.Subjects[1].Id).ToList();

        Assert.Equal([("L1", Severity.Error), ("L2", Severity.Info)], findings.Select(f => (f.Subjects[1].Id, f.Severity)));
    }

    [Fact]
    public void Check_WithinPerPart_ReportsEachGapSeparately()
    {
        var rules = OneRule("""
                  kind: within
                  a: boundary
                  b: land_use
                  per-part: true
            """);
        var plan = new TestPlan()
            .Layer("boundary", ("B", Rect(0, 0, 300, 100), ""))
            .Layer("land_use", ("L1", Rect(0, 0, 100, 100), "code=01"), ("L2", Rect(110, 0, 200, 100), "code=01"), ("L3", Rect(230, 0, 300, 100), "code=01"))
            .Build();

        var values = new Checker(rules).Check(plan).Findings.Select(f => Math.Round(f.Measure!.Value, 6)).Order();

        Assert.Equal([1000.0, 3000.0], values);
    }

    [Fact]
    public void Check_AreaRatioExactlyAtTheLimit_IsNoFinding()
    {
        var rules = OneRule("""
                  kind: area-ratio
                  numerator: urban_development_boundary
                  denominator: { indicator: urban_construction_land_base }
                  max: 1.3
            """);
        var atLimit = new TestPlan().Layer("urban_development_boundary", ("U", Rect(0, 0, 1300, 100), "zone=concentrated"))
            .Indicator("urban_construction_land_base", 10, Unit.Hectare).Build();
        var above = new TestPlan().Layer("urban_development_boundary", ("U", Rect(0, 0, 1301, 100), "zone=concentrated"))
            .Indicator("urban_construction_land_base", 0.1, Unit.SquareKilometre).Build();

        Assert.Empty(new Checker(rules).Check(atLimit).Findings);
        Assert.Equal(1.301, Assert.Single(new Checker(rules).Check(above).Findings).Measure!.Value, 9);
    }

    [Fact]
    public void Check_IndicatorAssertion_FiresOnlyWhenBroken()
    {
        var rules = OneRule("""
                  kind: indicator
                  assert: "farmland_compensated >= farmland_occupied"
                  value: "farmland_compensated - farmland_occupied"
                  measure: balance_ha
            """, "{farmland_compensated} < {farmland_occupied}");
        var broken = new TestPlan().Indicator("farmland_occupied", 120, Unit.Hectare).Indicator("farmland_compensated", 1500, Unit.Mu).Build();
        var held = new TestPlan().Indicator("farmland_occupied", 100, Unit.Hectare).Indicator("farmland_compensated", 1500, Unit.Mu).Build();

        var finding = Assert.Single(new Checker(rules).Check(broken).Findings);

        Assert.Equal(-20, finding.Measure!.Value, 9);
        Assert.Equal("100 < 120", finding.Message(Language.En));
        Assert.Empty(new Checker(rules).Check(held).Findings);
    }

    [Fact]
    public void Check_IndicatorAssertionWithAMissingIndicator_IsNotApplicable()
    {
        var rules = OneRule("""
                  kind: indicator
                  assert: "farmland_compensated >= farmland_occupied"
            """);
        var plan = new TestPlan().Indicator("farmland_occupied", 120, Unit.Hectare).Build();

        var result = new Checker(rules).Check(plan);

        Assert.Equal((0, 1), (result.RulesRun, result.NotApplicable));
    }

    [Fact]
    public void Check_ExpressionOverFeatures_UsesNamedParameters()
    {
        var rules = OneRule("""
                  kind: expression
                  facts: feature
                  layers: [land_use]
                  when: "feature.Area < min_area_m2"
                  value: "feature.Area"
                  min-area-m2: 200
            """, "{id} {code} {value}");
        var plan = new TestPlan().Layer("land_use", ("L1", Rect(0, 0, 10, 15), "code=1207"), ("L2", Rect(0, 20, 100, 100), "code=01")).Build();

        var finding = Assert.Single(new Checker(rules).Check(plan).Findings);

        Assert.Equal("L1 1207 150", finding.Message(Language.En));
    }

    [Fact]
    public void Check_Consistency_MeasuresRelativeDifferenceAgainstTheLayer()
    {
        var rules = OneRule("""
                  kind: consistency
                  pairs: { ecological_redline_area: ecological_redline }
                  relative-tolerance: 0.0001
            """);
        var plan = new TestPlan().Layer("ecological_redline", ("E1", Rect(0, 0, 1000, 1000), ""))
            .Indicator("ecological_redline_area", 1.02, Unit.SquareKilometre).Build();

        var finding = Assert.Single(new Checker(rules).Check(plan).Findings);

        // The plan is CGCS2000 (EPSG:4527): a declared area is held to the 椭球面积 (DATA-008, docs/real-submissions.md),
        // which differs from the planar 1 km² of this square by a few parts in a billion.
        Assert.Equal(0.02, finding.Measure!.Value, 6);
        Assert.Equal([new Subject("indicators", "ecological_redline_area"), new Subject("ecological_redline", "*")], finding.Subjects);
    }

    [Fact]
    public void Check_TwoRulesOnTheSameOverlap_BothReportIt()
    {
        var rules = TestPlan.Rules("""
            ruleset: test
            version: 1.0.0
            title: test
            rules:
              - id: TEST-001
                title: { zh: 一, en: One }
                severity: error
                check: { kind: no-overlap, a: ecological_redline, b: permanent_basic_farmland }
                message: { zh: "{value}", en: "{value}" }
              - id: TEST-002
                title: { zh: 二, en: Two }
                severity: warning
                check: { kind: no-overlap, a: ecological_redline, b: permanent_basic_farmland, tolerance-m2: 5000 }
                message: { zh: "{value}", en: "{value}" }
            """);
        var plan = new TestPlan()
            .Layer("ecological_redline", ("E1", Square(0, 0, 100), ""))
            .Layer("permanent_basic_farmland", ("P1", Square(60, 0, 100), ""))
            .Build();

        var result = new Checker(rules).Check(plan);

        Assert.Equal(["TEST-001"], result.Findings.Select(f => f.Rule));
        Assert.Equal(2, result.RulesRun);
    }

    [Fact]
    public void Check_RequiredLayersAndIndicators_ForTheLevelAndType()
    {
        var rules = OneRule("""
                  kind: required
                  layers: { "*/overall": [boundary], "city/overall": [land_use] }
                  indicators: { "county/overall": [farmland_retention] }
            """, "{what} {item}");
        var plan = new TestPlan().Layer("land_use", ("L1", Square(0, 0, 10), "")).Build();

        var messages = new Checker(rules).Check(plan).Findings.Select(f => f.Message(Language.En)).Order().ToList();

        Assert.Equal(["indicator farmland_retention", "layer boundary"], messages);
    }
}
