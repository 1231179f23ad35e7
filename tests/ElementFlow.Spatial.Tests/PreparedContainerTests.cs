using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class PreparedContainerTests
{
    // A ring with a hole and a notch: the answers must not depend on which shortcut decides them.
    private const string Container = "POLYGON ((0 0, 100 0, 100 100, 60 100, 60 60, 40 60, 40 100, 0 100, 0 0), (20 20, 30 20, 30 30, 20 30, 20 20))";

    [Theory]
    [InlineData("POLYGON ((5 5, 10 5, 10 10, 5 10, 5 5))", true, true)]
    [InlineData("POLYGON ((22 22, 28 22, 28 28, 22 28, 22 22))", false, false)]
    [InlineData("POLYGON ((45 70, 55 70, 55 80, 45 80, 45 70))", false, false)]
    [InlineData("POLYGON ((95 40, 110 40, 110 50, 95 50, 95 40))", false, true)]
    [InlineData("POLYGON ((200 200, 210 200, 210 210, 200 210, 200 200))", false, false)]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", true, true)]
    [InlineData("POINT (50 50)", true, true)]
    [InlineData("POINT (25 25)", false, false)]
    public void CoversAndIntersects_AnswerAsNtsPreparedPredicates(string wkt, bool covers, bool intersects)
    {
        var container = new PreparedContainer(Wkt(Container));
        var geometry = Wkt(wkt);

        Assert.Equal(covers, container.Covers(geometry));
        Assert.Equal(intersects, container.Intersects(geometry));
    }

    [Fact]
    public void CoversAndIntersects_OnRandomSquares_AgreeWithNts()
    {
        var random = new Random(7);
        var polygon = Wkt(Container);
        var reference = PreparedGeometryFactory.Prepare(polygon);
        var container = new PreparedContainer(polygon);
        for (var k = 0; k < 2000; k++)
        {
            double x = random.NextDouble() * 140 - 20, y = random.NextDouble() * 140 - 20, s = random.NextDouble() * 15;
            var square = Wkt(FormattableString.Invariant($"POLYGON (({x} {y}, {x + s} {y}, {x + s} {y + s}, {x} {y + s}, {x} {y}))"));

            Assert.Equal(reference.Covers(square), container.Covers(square));
            Assert.Equal(reference.Intersects(square), container.Intersects(square));
        }
    }

    [Fact]
    public void Covers_EmptyGeometry_FallsBackToNts()
    {
        var container = new PreparedContainer(Wkt(Container));

        Assert.False(container.Covers(Wkt("POLYGON EMPTY")));
    }
}
