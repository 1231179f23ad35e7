using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using static ElementFlow.Engine.Tests.TestPlan;

namespace ElementFlow.Engine.Tests;

/// <summary>One semantics for invalid geometry: DATA-003 reports where it is broken, every other rule measures its repair.</summary>
public sealed class InvalidGeometryTests
{
    private const double X = 39_500_000, Y = 3_300_000;

    private static readonly IReadOnlyList<Rules.Model.RuleSpec> ValidAndNoOverlap = TestPlan.Rules("""
        ruleset: test
        version: 1.0.0
        title: test
        rules:
          - id: TEST-001
            title: { zh: 有效, en: Valid }
            severity: error
            check: { kind: valid-geometry, layers: all }
            message: { zh: "{problem}", en: "{problem}" }
          - id: TEST-002
            title: { zh: 重叠, en: Overlap }
            severity: error
            check: { kind: no-overlap, a: land_use, tolerance-m2: 1 }
            message: { zh: "{a} {b} {value}", en: "{a} {b} {value}" }
          - id: TEST-003
            title: { zh: 农田, en: Farmland }
            severity: error
            check: { kind: no-overlap, a: land_use, b: permanent_basic_farmland, tolerance-m2: 1 }
            message: { zh: "{a} {b} {value}", en: "{a} {b} {value}" }
        """);

    /// <summary>A 500 m bow-tie at the origin whose crossing is at (250 250): its two triangles touch the square at (500 500) only at that corner.</summary>
    private static string BowTie(bool reversed) => reversed
        ? Ring((0, 0), (0, 500), (500, 0), (500, 500))
        : Ring((0, 0), (500, 500), (500, 0), (0, 500));

    private static string Ring(params (double X, double Y)[] points) => $"POLYGON (({Coords(points)}))";

    private static string Coords((double X, double Y)[] points) =>
        string.Join(", ", points.Append(points[0]).Select(p => FormattableString.Invariant($"{X + p.X} {Y + p.Y}")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BowTie_TouchingANeighbourAtACorner_IsNoOverlapInEitherVertexOrder(bool reversed)
    {
        var plan = new TestPlan()
            .Layer("land_use", ("LU-1", BowTie(reversed), "code=0103"), ("LU-2", Square(500, 500, 500), "code=0103"), ("LU-3", Square(500, -500, 500), "code=0103"))
            .Build();

        var findings = new Checker(ValidAndNoOverlap).Check(plan).Findings;

        Assert.DoesNotContain(findings, f => f.Rule == "TEST-002");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BowTie_IsReportedOnceByTheValidityRuleAtItsCrossing(bool reversed)
    {
        var plan = new TestPlan()
            .Layer("land_use", ("LU-1", BowTie(reversed), "code=0103"), ("LU-2", Square(500, 500, 500), "code=0103"))
            .Build();

        var finding = Assert.Single(new Checker(ValidAndNoOverlap).Check(plan).Findings);

        Assert.Equal("TEST-001", finding.Rule);
        Assert.Equal(new Point(X + 250, Y + 250), finding.Geometry);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BowTie_OverlapsOtherLayersByTheAreaOfItsTriangles(bool reversed)
    {
        // The farmland square covers the bow-tie's bounding box: only the two triangles (2 × 62,500 m²) overlap it, never the whole box.
        var plan = new TestPlan()
            .Layer("land_use", ("LU-1", BowTie(reversed), "code=0103"))
            .Layer("permanent_basic_farmland", ("PBF-1", Square(0, 0, 500), ""))
            .Build();

        var finding = Assert.Single(new Checker(ValidAndNoOverlap).Check(plan).Findings, f => f.Rule == "TEST-003");

        Assert.Equal(125_000, finding.Measure!.Value, 3);
    }

    [Fact]
    public void NeighboursTouchingOnlyAtACorner_AreNoOverlap()
    {
        var plan = new TestPlan()
            .Layer("land_use", ("LU-1", Square(0, 0, 500), "code=0103"), ("LU-2", Square(500, 500, 500), "code=0103"))
            .Build();

        Assert.Empty(new Checker(ValidAndNoOverlap).Check(plan).Findings);
    }

    [Fact]
    public void RingTouchingItself_IsMeasuredWithoutTheAreaItEncloses()
    {
        // The land-use shell dips from its top edge to touch itself at (250 500), enclosing a 25,000 m² triangle that farmland fills exactly.
        var plan = new TestPlan()
            .Layer("land_use", ("LU-1", Ring((0, 0), (500, 0), (500, 500), (250, 500), (350, 250), (150, 250), (250, 500), (0, 500)), "code=0103"))
            .Layer("permanent_basic_farmland", ("PBF-1", Ring((250, 500), (150, 250), (350, 250)), ""))
            .Build();

        var findings = new Checker(ValidAndNoOverlap).Check(plan).Findings;

        var invalid = Assert.Single(findings);
        Assert.Equal(("TEST-001", new Point(X + 250, Y + 500)), (invalid.Rule, invalid.Geometry));
    }

    [Fact]
    public void HoleOutsideItsShell_IsReportedWithTheHoleRingAndTakesNoAreaFromTheShell()
    {
        var shell = Coords([(0, 0), (500, 0), (500, 500), (0, 500)]);
        var hole = Coords([(1000, 0), (1100, 0), (1100, 100), (1000, 100)]);
        var plan = new TestPlan()
            .Layer("land_use", ("LU-1", $"POLYGON (({shell}), ({hole}))", "code=0103"))
            .Layer("permanent_basic_farmland", ("PBF-1", Square(0, 0, 500), ""))
            .Build();

        var findings = new Checker(ValidAndNoOverlap).Check(plan).Findings;

        var invalid = Assert.Single(findings, f => f.Rule == "TEST-001");
        Assert.IsType<LineString>(invalid.Geometry);
        Assert.Equal(400, invalid.Geometry!.Length, 6);
        Assert.Equal(250_000, Assert.Single(findings, f => f.Rule == "TEST-003").Measure!.Value, 3);
    }
}
