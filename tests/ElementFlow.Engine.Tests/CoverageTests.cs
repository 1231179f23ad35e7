using ElementFlow.Core.Findings;
using ElementFlow.Core.Units;
using static ElementFlow.Engine.Tests.TestPlan;

namespace ElementFlow.Engine.Tests;

/// <summary>Coverage and distribution on hand-built cases whose shares are known exactly.</summary>
public class CoverageTests
{
    /// <summary>
    /// Homes H1 (0,0) 100 people, H2 (250,0) 300, H3 (0,400) 600 and a kindergarten K1 at (0,300):
    /// H1 is exactly 300 m away, H3 100 m, H2 √(250² + 300²) ≈ 390 m. Covered within 300 m: 700 of 1000.
    /// </summary>
    private static TestPlan Kindergartens() => new TestPlan()
        .Layer("residential", ("H1", Point(0, 0), "population=100"), ("H2", Point(250, 0), "population=300"), ("H3", Point(0, 400), "population=600"))
        .Layer("facilities", ("K1", Point(0, 300), "kind=kindergarten"), ("C1", Point(250, 0), "kind=clinic"));

    /// <summary>
    /// A river 200 m wide between y = 0 and y = 200, bridged only at x = 1000. A clinic on the north bank
    /// at (100, 210); homes H1 (100, −10) 100 people facing it across the water (220 m straight, 2020 m on
    /// foot), H2 (900, −10) 50 people near the bridge, H3 (300, 190) 250 people on the clinic's own bank.
    /// </summary>
    private static TestPlan River() => new TestPlan()
        .Layer("residential", ("H1", Point(100, -10), "population=100"), ("H2", Point(900, -10), "population=50"), ("H3", Point(300, 190), "population=250"))
        .Layer("facilities", ("F1", Point(100, 210), "kind=clinic"))
        .Layer("roads", ("R1", Line((0, 0), (1000, 0)), ""), ("R2", Line((0, 200), (1000, 200)), ""), ("R3", Line((1000, 0), (1000, 200)), ""));

    [Fact]
    public void Coverage_StraightLine_SharesByPopulationWithTheLimitInclusive()
    {
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, codes: [kindergarten] }
                  distance-m: 300
                  min-share: 0.9
            """, "{kind} {share:P1} {uncovered_population}");

        var finding = Assert.Single(new Checker(rules).Check(Kindergartens().Build()).Findings);

        Assert.Equal(new Measure("kindergarten_share", 0.7, 0.9), finding.Measure! with { Value = Math.Round(finding.Measure!.Value, 12) });
        Assert.Equal([new Subject("residential", "H2")], finding.Subjects);
        Assert.Equal("kindergarten 70.0 % 300", finding.Message(Core.Text.Language.En));
        Assert.Equal("幼儿园 70.0 % 300", finding.Message(Core.Text.Language.Zh));
        Assert.Null(finding.Measure.Related);
    }

    [Fact]
    public void Coverage_AtOrAboveTheFloor_IsNoFinding()
    {
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, codes: [kindergarten] }
                  distance-m: 300
                  min-share: 0.7
            """);

        Assert.Empty(new Checker(rules).Check(Kindergartens().Build()).Findings);
    }

    [Fact]
    public void Coverage_AlongTheRoads_ReportsTheNetworkShareAndTheStraightLineBeside()
    {
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, codes: [clinic] }
                  distance-m: 300
                  min-share: 0.9
                  snap-m: 50
            """, "{network_share} {straight_line_share}");

        var finding = Assert.Single(new Checker(rules).Check(River().Build()).Findings);

        Assert.Equal(250.0 / 400, finding.Measure!.Value, 12);
        Assert.Equal(350.0 / 400, finding.Measure.Related!["straight_line_share"], 12);
        Assert.Equal(["H1", "H2"], finding.Subjects.Select(s => s.Id));
        Assert.Equal("0.625 0.875", finding.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Coverage_StraightLineMethod_IgnoresTheRoads()
    {
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, codes: [clinic] }
                  distance-m: 300
                  min-share: 0.9
                  method: straight-line
            """);

        var finding = Assert.Single(new Checker(rules).Check(River().Build()).Findings);

        Assert.Equal(350.0 / 400, finding.Measure!.Value, 12);
        Assert.Equal([new Subject("residential", "H2")], finding.Subjects);
    }

    [Fact]
    public void Coverage_RoadsLayerThatCouldNotBeRead_SkipsTheRuleRatherThanMeasureByStraightLine()
    {
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, codes: [clinic] }
                  distance-m: 300
                  min-share: 0.9
            """);

        var result = new Checker(rules).Check(Kindergartens().Broken("roads").Build());

        Assert.Contains("layer roads could not be read", Assert.Single(result.Skipped).Reason);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Coverage_SeveralKinds_OneFindingPerKindThatFallsShort()
    {
        // Clinic C1 sits on H2: 300 of 1000 within 100 m; the kindergarten is 100 m from H3 only: 600.
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, kinds: [kindergarten, [clinic, health_centre]] }
                  distance-m: 100
                  min-share: 0.5
            """);

        var finding = Assert.Single(new Checker(rules).Check(Kindergartens().Build()).Findings);

        Assert.Equal("clinic_or_health_centre_share", finding.Measure!.Name);
        Assert.Equal(0.3, finding.Measure.Value, 12);
    }

    [Fact]
    public void Coverage_PerAll_CountsOnlyHomesReachingEveryKind()
    {
        // Within 400 m: the kindergarten reaches all three, the clinic H1 and H2 (H3 is 472 m away): 400 of 1000.
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, kinds: [kindergarten, clinic] }
                  distance-m: 400
                  per: all
                  min-share: 0.9
                  measure: life_circle_share
            """);

        var finding = Assert.Single(new Checker(rules).Check(Kindergartens().Build()).Findings);

        Assert.Equal(new Measure("life_circle_share", 0.4, 0.9), finding.Measure! with { Value = Math.Round(finding.Measure!.Value, 12) });
        Assert.Equal([new Subject("residential", "H3")], finding.Subjects);
    }

    [Fact]
    public void Coverage_PolygonHomesAndParks_CountAtCentroidsAndToTheParkEdge()
    {
        // Home blocks 100 x 100 m: B1 centred 50 m from the park's edge, B2 centred 450 m away.
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: land_use, codes: ["1401"], min-area-m2: 10000 }
                  distance-m: 300
                  min-share: 0.9
            """);
        var plan = new TestPlan()
            .Layer("residential", ("B1", Square(0, 0, 100), "population=500"), ("B2", Square(400, 0, 100), "population=1500"))
            .Layer("land_use", ("P1", Rect(-200, 0, -100, 100), "code=1401"), ("P2", Rect(600, 0, 610, 10), "code=1401"))
            .Build();

        var finding = Assert.Single(new Checker(rules).Check(plan).Findings);

        Assert.Equal(0.25, finding.Measure!.Value, 12); // P2 (100 m²) is too small to count
        Assert.Equal([new Subject("residential", "B2")], finding.Subjects);
        Assert.Equal("Polygon", finding.Geometry!.GeometryType);
    }

    [Fact]
    public void Coverage_DeclaredIndicatorFarFromTheMap_ReportsTheDifference()
    {
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, codes: [kindergarten] }
                  distance-m: 300
                  declared: life_circle_coverage
                  max-difference: 0.05
            """, "{declared} {measured}");
        var plan = Kindergartens().Indicator("life_circle_coverage", 80, Unit.Percent).Build();

        var finding = Assert.Single(new Checker(rules).Check(plan).Findings);

        Assert.Equal("absolute_difference", finding.Measure!.Name);
        Assert.Equal([new Subject("indicators", "life_circle_coverage")], finding.Subjects);
        Assert.Equal(0.1, finding.Measure.Value, 12);
        Assert.Equal(0.05, finding.Measure.Limit);
        Assert.Equal("0.8 0.7", finding.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Coverage_DeclaredIndicatorMissing_IsNotApplicable()
    {
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, codes: [kindergarten] }
                  distance-m: 300
                  declared: life_circle_coverage
                  max-difference: 0.05
            """);

        var result = new Checker(rules).Check(Kindergartens().Build());

        Assert.Equal((0, 1), (result.RulesRun, result.NotApplicable));
    }

    [Fact]
    public void Coverage_WithSubdistricts_FillsTheLifeCircleTable()
    {
        var rules = OneRule("""
                  kind: coverage
                  to: { layer: facilities, codes: [kindergarten] }
                  distance-m: 300
                  min-share: 0.9
            """);
        var plan = Kindergartens()
            .Layer("subdistricts", ("S1", Rect(-50, -50, 300, 100), "name=南街道"), ("S2", Rect(-50, 100, 300, 500), "name=北街道"), ("S3", Rect(1000, 0, 1100, 100), ""))
            .Build();

        var rows = new Checker(rules).Check(plan).Equity;

        Assert.Equal(["S1", "S2", "S3"], rows.Select(r => r.Subdistrict));
        Assert.Equal((400.0, 0.25), (rows[0].Population, rows[0].Coverage["kindergarten_300m"]));
        Assert.Equal((600.0, 1.0), (rows[1].Population, rows[1].Coverage["kindergarten_300m"]));
        Assert.Empty(rows[2].Coverage);
        Assert.Equal("南街道", rows[0].Name);
    }

    [Fact]
    public void Distribution_UnitBelowTheFloorAndGapAboveTheLimit_ReportsBoth()
    {
        var rules = OneRule("""
                  kind: distribution
                  to: { layer: facilities, codes: [kindergarten] }
                  distance-m: 300
                  floor: 0.5
                  max-gap: 0.2
            """, "{unit} {best} {worst}");
        var plan = Kindergartens()
            .Layer("subdistricts", ("S1", Rect(-50, -50, 300, 100), ""), ("S2", Rect(-50, 100, 300, 500), ""))
            .Build();

        var findings = new Checker(rules).Check(plan).Findings.OrderBy(f => f.Measure!.Name).ToList();

        Assert.Equal(2, findings.Count);
        Assert.Equal(("kindergarten_gap_share", 0.75, 0.2), (findings[0].Measure!.Name, findings[0].Measure!.Value, findings[0].Measure!.Limit));
        Assert.Equal([new Subject("subdistricts", "S2"), new Subject("subdistricts", "S1")], findings[0].Subjects);
        Assert.Equal(("kindergarten_share", 0.25, 0.5), (findings[1].Measure!.Name, findings[1].Measure!.Value, findings[1].Measure!.Limit));
        Assert.Equal([new Subject("subdistricts", "S1")], findings[1].Subjects);
    }

    [Fact]
    public void Distribution_Count_ReportsUnitsWithoutTheFacility()
    {
        var rules = OneRule("""
                  kind: distribution
                  of: count
                  to: { layer: facilities, codes: [kindergarten] }
                  floor: 1
            """);
        var plan = Kindergartens()
            .Layer("subdistricts", ("S1", Rect(-50, -50, 300, 100), ""), ("S2", Rect(-50, 100, 300, 500), ""))
            .Build();

        var finding = Assert.Single(new Checker(rules).Check(plan).Findings);

        Assert.Equal(new Measure("kindergarten_count", 0, 1), finding.Measure);
        Assert.Equal([new Subject("subdistricts", "S1")], finding.Subjects);
    }

    [Fact]
    public void PerCapita_ParkAreaOverPopulation_BelowTheFloor()
    {
        var rules = OneRule("""
                  kind: per-capita
                  numerator: { layer: land_use, codes: ["1401"] }
                  min: 8
                  measure: park_green_m2_per_person
            """);
        var plan = Kindergartens().Layer("land_use", ("P1", Rect(0, 0, 100, 70), "code=1401"), ("L1", Rect(100, 0, 200, 70), "code=0701")).Build();

        var finding = Assert.Single(new Checker(rules).Check(plan).Findings);

        Assert.Equal(new Measure("park_green_m2_per_person", 7, 8), finding.Measure! with { Value = Math.Round(finding.Measure!.Value, 9) });
    }

    [Fact]
    public void Shoreline_PrivateParcelsOnTwoSides_HalfThePublicShare()
    {
        // A 100 m square pond; park south, road west (public), housing east and commerce north; corners touch it at a point only.
        var rules = Shoreline(["12", "14", "08"], within: true, message: "{public_m} {private_m} {parcels}");
        var plan = new TestPlan()
            .Layer("land_use",
                ("W", Rect(100, 100, 200, 200), "code=1702"), ("S", Rect(100, 0, 200, 100), "code=1401"), ("E", Rect(200, 100, 300, 200), "code=0701"),
                ("N", Rect(100, 200, 200, 300), "code=0901"), ("Wst", Rect(0, 100, 100, 200), "code=1207"), ("C", Rect(0, 0, 100, 100), "code=0701"))
            .Layer("urban_development_boundary", ("U", Rect(0, 0, 300, 300), "zone=concentrated"))
            .Build();

        var finding = Assert.Single(new Checker(rules).Check(plan).Findings);

        Assert.Equal(new Measure("public_shoreline_share", 0.5, 0.6), finding.Measure);
        Assert.Equal(["E", "N"], finding.Subjects.Select(s => s.Id));
        Assert.Equal(200, finding.Geometry!.Length, 9);
        Assert.Equal("200 200 2", finding.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Shoreline_LandOutsideTheBoundary_IsNotShore()
    {
        // Only the park's side of the pond lies inside the UDB: all of that shore is public.
        var rules = Shoreline(["14"], within: true);
        var plan = new TestPlan()
            .Layer("land_use", ("W", Rect(100, 100, 200, 200), "code=1702"), ("S", Rect(100, 0, 200, 100), "code=1401"), ("E", Rect(200, 100, 300, 200), "code=0701"))
            .Layer("urban_development_boundary", ("U", Rect(0, 0, 200, 200), "zone=concentrated"))
            .Build();

        Assert.Empty(new Checker(rules).Check(plan).Findings);
    }

    [Theory]
    [InlineData(0.000_000_01)]
    [InlineData(-0.000_000_01)]
    public void Shoreline_SharedEdgeWithAVertexOnOneSideOnly_IsShoreThoughNotExactlyStraight(double offset)
    {
        // The pond's south side has a vertex at x = 150 that the park's north edge lacks, off the line by 10 nm
        // either way, as a round trip through degrees leaves it: the park still borders 100 m of shore.
        var rules = Shoreline(["14"], within: false, message: "{public_m:N0} {private_m:N0}");
        var pond = FormattableString.Invariant($"POLYGON ((39500100 3300100, 39500150 {3_300_100 + offset}, 39500200 3300100, 39500200 3300200, 39500100 3300200, 39500100 3300100))");
        var plan = new TestPlan()
            .Layer("land_use", ("W", pond, "code=1702"), ("S", Rect(100, 0, 200, 100), "code=1401"), ("E", Rect(200, 100, 300, 200), "code=0701"))
            .Build();

        var finding = Assert.Single(new Checker(rules).Check(plan).Findings);

        Assert.Equal(0.5, finding.Measure!.Value, 6);
        Assert.Equal("100 100", finding.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Shoreline_ParcelAFewCentimetresOffTheWater_IsNoShore()
    {
        // A 5 cm sliver between the pond and the housing east of it: the park south is the only shore.
        var rules = Shoreline(["14"], within: false);
        var plan = new TestPlan()
            .Layer("land_use", ("W", Rect(100, 100, 200, 200), "code=1702"), ("S", Rect(100, 0, 200, 100), "code=1401"), ("E", Rect(200.05, 100, 300, 200), "code=0701"))
            .Build();

        Assert.Empty(new Checker(rules).Check(plan).Findings);
    }

    [Fact]
    public void Shoreline_ParcelOutsideTheBoundaryCrossingItByASliver_IsNotShore()
    {
        // The pond and the park lie inside the UDB; the housing east of the pond lies outside it, its west
        // edge 10 nm inside the UDB's east edge (as reprojection leaves it): only the park's shore counts.
        var rules = Shoreline(["14"], within: true);
        var plan = new TestPlan()
            .Layer("land_use", ("W", Rect(100, 100, 200, 200), "code=1702"), ("S", Rect(100, 0, 200, 100), "code=1401"), ("E", Rect(199.999_999_99, 100, 300, 200), "code=0701"))
            .Layer("urban_development_boundary", ("U", Rect(0, 0, 200, 200), "zone=concentrated"))
            .Build();

        Assert.Empty(new Checker(rules).Check(plan).Findings);
    }

    [Fact]
    public void Shoreline_WaterOutsideTheBoundaryCrossingItByASliver_IsNoShore()
    {
        // The lake lies outside the UDB, its west edge 10 nm inside the UDB's east edge (as reprojection
        // leaves it); the housing inside the UDB along that edge borders no water inside, so no shore at all.
        var rules = Shoreline(["14"], within: true);
        var plan = new TestPlan()
            .Layer("land_use", ("W", Rect(199.999_999_99, 0, 300, 200), "code=1702"), ("H", Rect(100, 0, 200, 200), "code=0701"))
            .Layer("urban_development_boundary", ("U", Rect(0, 0, 200, 200), "zone=concentrated"))
            .Build();

        Assert.Empty(new Checker(rules).Check(plan).Findings);
    }

    /// <summary>A shoreline rule: water is land-use code 17, the share of public shore at least 0.6.</summary>
    private static IReadOnlyList<Rules.Model.RuleSpec> Shoreline(string[] publicCodes, bool within, string message = "{value}") => OneRule(
        "      kind: shoreline\n"
        + "      water: { layer: land_use, codes: [\"17\"] }\n"
        + $"      public-codes: [{string.Join(", ", publicCodes.Select(c => $"\"{c}\""))}]\n"
        + (within ? "      within: urban_development_boundary\n" : "")
        + "      min-share: 0.6", message);

    private static string Point(double x, double y) => FormattableString.Invariant($"POINT ({39_500_000 + x} {3_300_000 + y})");

    private static string Line(params (double X, double Y)[] points) =>
        "LINESTRING (" + string.Join(", ", points.Select(p => FormattableString.Invariant($"{39_500_000 + p.X} {3_300_000 + p.Y}"))) + ")";
}
