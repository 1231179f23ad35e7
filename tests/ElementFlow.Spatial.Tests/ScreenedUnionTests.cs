using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

/// <summary>The screened union under a frame (the gap check's union of land use under the boundary) must equal the plain union whatever the defects.</summary>
public sealed class ScreenedUnionTests
{
    private const int Side = 40;

    private static readonly Geometry Frame = Wkt($"POLYGON ((0 0, {Side * 10} 0, {Side * 10} {Side * 10}, 0 {Side * 10}, 0 0))");

    /// <summary>A 40 × 40 grid of 10 m squares (1,600: past the grouped union's threshold), with some cells replaced.</summary>
    private static List<Geometry> Grid(Dictionary<(int I, int J), string?> replaced)
    {
        var cells = new List<Geometry>();
        for (var j = 0; j < Side; j++)
        {
            for (var i = 0; i < Side; i++)
            {
                if (replaced.TryGetValue((i, j), out var wkt))
                {
                    if (wkt is not null) cells.Add(Wkt(wkt));
                    continue;
                }

                var (x, y) = (i * 10, j * 10);
                cells.Add(Wkt(FormattableString.Invariant($"POLYGON (({x} {y}, {x + 10} {y}, {x + 10} {y + 10}, {x} {y + 10}, {x} {y}))")));
            }
        }

        return cells;
    }

    private static void AssertSameAsUnion(List<Geometry> polygons)
    {
        var expected = Overlaps.Union(polygons);

        var actual = Containment.ScreenedUnion(polygons, Frame);

        Assert.True(actual.IsValid);
        Assert.Equal(expected.Area, actual.Area, 6);
        Assert.True(expected.EqualsTopologically(actual), "the screened union differs from the union");
    }

    [Fact]
    public void ScreenedUnion_CleanCoverageAlongItsFrame_IsTheFrame() =>
        Assert.True(Containment.ScreenedUnion(Grid([]), Frame).EqualsTopologically(Frame));

    [Fact]
    public void ScreenedUnion_DefectsOfEveryKind_IsTheUnion() => AssertSameAsUnion(Grid(new()
    {
        [(3, 3)] = null, // dropped
        [(10, 10)] = "POLYGON ((102 102, 108 102, 108 108, 102 108, 102 102))", // shrunk
        [(20, 20)] = "POLYGON ((197 197, 213 197, 213 213, 197 213, 197 197))", // enlarged over its neighbours
        [(30, 5)] = "MULTIPOLYGON (((300 50, 305 55, 300 60, 300 50)), ((310 50, 310 60, 305 55, 310 50)))", // a repaired bow-tie: two triangles
        [(0, 39)] = "POLYGON ((0 390, 8 390, 8 400, 0 400, 0 390))", // a rim cell short of the frame
    }));
}
