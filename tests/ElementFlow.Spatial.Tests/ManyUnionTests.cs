using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

/// <summary>The grouped coverage union must equal the plain cascaded union whatever the coverage's defects.</summary>
public sealed class ManyUnionTests
{
    /// <summary>A 12 × 12 grid of 10 m squares, minus the cells named, plus extra polygons.</summary>
    private static List<Geometry> Grid(IEnumerable<(int I, int J)>? leaveOut = null, params string[] extra)
    {
        var skip = (leaveOut ?? []).ToHashSet();
        var cells = new List<Geometry>();
        for (var j = 0; j < 12; j++)
        {
            for (var i = 0; i < 12; i++)
            {
                if (skip.Contains((i, j))) continue;
                var (x, y) = (i * 10, j * 10);
                cells.Add(Wkt(FormattableString.Invariant($"POLYGON (({x} {y}, {x + 10} {y}, {x + 10} {y + 10}, {x} {y + 10}, {x} {y}))")));
            }
        }

        cells.AddRange(extra.Select(Wkt));
        return cells;
    }

    private static void AssertSameAsCascaded(List<Geometry> polygons)
    {
        var expected = Overlaps.Union(polygons);

        var actual = ManyUnion.Union(polygons, threshold: 2, groupSize: 9);

        Assert.True(actual.IsValid);
        Assert.Equal(expected.Area, actual.Area, 6);
        Assert.True(expected.EqualsTopologically(actual), $"{actual} differs from {expected}");
    }

    [Fact]
    public void Union_CleanCoverage_IsTheOuterSquare()
    {
        var union = ManyUnion.Union(Grid(), threshold: 2, groupSize: 9);

        Assert.True(union.EqualsTopologically(Wkt("POLYGON ((0 0, 120 0, 120 120, 0 120, 0 0))")));
    }

    [Fact]
    public void Union_CoverageWithAGap_KeepsTheGapAsAHole() => AssertSameAsCascaded(Grid([(5, 5)]));

    [Fact]
    public void Union_DuplicatedCell_IsStillTheUnion() => AssertSameAsCascaded(Grid(null, "POLYGON ((50 50, 60 50, 60 60, 50 60, 50 50))"));

    [Fact]
    public void Union_PolygonOverlappingAcrossGroups_IsStillTheUnion() =>
        AssertSameAsCascaded(Grid(null, "POLYGON ((25 25, 95 25, 95 35, 25 35, 25 25))"));

    [Fact]
    public void Union_EdgesThatDoNotMatch_IsStillTheUnion()
    {
        // Two cells replaced by one rectangle: its long edge meets the neighbours' corners mid-edge (a T-junction).
        AssertSameAsCascaded(Grid([(3, 3), (4, 3)], "POLYGON ((30 30, 50 30, 50 40, 30 40, 30 30))"));
    }

    [Fact]
    public void Union_FewPolygons_UsesTheCascadedUnion()
    {
        var union = ManyUnion.Union([Wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"), Wkt("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")]);

        Assert.Equal(2, union.Area, 9);
    }
}
