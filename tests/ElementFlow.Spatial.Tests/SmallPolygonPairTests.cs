using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.RelateNG;
using NetTopologySuite.Operation.Valid;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class SmallPolygonPairTests
{
    [Theory]
    [InlineData("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))")] // shares an edge
    [InlineData("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 5, 10 0))")] // shares an edge, split at a vertex the other lacks: undecided, not false
    [InlineData("POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))")] // shares a corner
    [InlineData("POLYGON ((30 0, 40 0, 40 10, 30 10, 30 0))")] // apart
    public void InteriorsMeet_NeighboursThatOnlyTouch_AreNeverSaidToMeet(string wkt)
    {
        var square = Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");

        Assert.NotEqual(true, SmallPolygonPair.InteriorsMeet(square, Wkt(wkt)));
    }

    [Theory]
    [InlineData("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))")]
    [InlineData("POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))")]
    [InlineData("POLYGON ((30 0, 40 0, 40 10, 30 10, 30 0))")]
    [InlineData("POLYGON ((10 0, 16 4, 20 0, 20 10, 16 6, 10 10, 10 0))")] // shares its edge bent at a common vertex
    [InlineData("MULTIPOLYGON (((10 0, 15 5, 10 10, 10 0)), ((15 5, 20 0, 20 10, 15 5)))")] // a repaired bow-tie beside it
    public void InteriorsMeet_NeighboursMeetingAtCommonVertices_AreDecidedApart(string wkt)
    {
        var square = Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");

        Assert.Equal(false, SmallPolygonPair.InteriorsMeet(square, Wkt(wkt)));
    }

    [Theory]
    [InlineData("POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))")] // edges cross
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")] // the same square
    [InlineData("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))")] // the same square, clockwise
    [InlineData("POLYGON ((2 2, 8 2, 8 8, 2 8, 2 2))")] // inside, not touching
    [InlineData("POLYGON ((0 0, 8 2, 8 8, 2 8, 0 0))")] // inside, touching at a corner
    [InlineData("POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5))")] // around it
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 0))")] // half of it, along two edges and a diagonal
    [InlineData("MULTIPOLYGON (((20 0, 25 5, 20 10, 20 0)), ((5 5, 15 0, 15 10, 5 5)))")] // one part of two reaches in
    public void InteriorsMeet_OverlappingPolygons_AreSaidToMeet(string wkt)
    {
        var square = Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");

        Assert.Equal(true, SmallPolygonPair.InteriorsMeet(square, Wkt(wkt)));
    }

    [Theory]
    [InlineData("POLYGON ((10 0, 30 0, 30 20, 10 20, 10 0), (12 2, 14 2, 14 4, 12 2))")]
    [InlineData("POLYGON ((5 0, 20 0, 20 10, 5 10, 10 5, 5 0))")] // a vertex on the other's edge
    public void InteriorsMeet_HolesPartsAndVerticesOnEdges_AreLeftUndecided(string wkt)
    {
        var square = Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");

        Assert.Null(SmallPolygonPair.InteriorsMeet(square, Wkt(wkt)));
    }

    /// <summary>
    /// Whenever it decides, it agrees with RelateNG: random valid polygons on a small grid share vertices,
    /// edges, corners and collinear runs far more often than real parcels, and cells of a coverage whose
    /// edges bend at common midpoints (the neighbours of a land-use layer), moved and scaled, overlap them.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void InteriorsMeet_WhenDecided_AgreesWithRelateNG(int seed)
    {
        var random = new Random(seed);
        var shapes = new List<Geometry>();
        while (shapes.Count < 300) { if (RandomPolygon(random) is { } p) shapes.Add(p); }
        shapes.AddRange(Cells(random));

        // Multipolygons: a shape with a copy of another moved clear of it.
        for (var k = 0; k < 60; k++)
        {
            var (first, second) = ((Polygon)shapes[random.Next(300)], (Polygon)shapes[random.Next(300)].Copy());
            second.Apply(new NetTopologySuite.Geometries.Utilities.AffineTransformation().Translate(random.Next(8, 12), random.Next(-2, 3)));
            shapes.Add(GeometryServices.Factory.CreateMultiPolygon([first, second]));
        }

        int decided = 0, met = 0;
        for (var i = 0; i < shapes.Count; i++)
        {
            for (var j = 0; j < shapes.Count; j++)
            {
                if (i == j || !shapes[i].EnvelopeInternal.Intersects(shapes[j].EnvelopeInternal)) continue;
                if (SmallPolygonPair.InteriorsMeet(shapes[i], shapes[j]) is not { } meet) continue;
                decided++;
                if (meet) met++;
                Assert.True(meet == RelateNG.Relate(shapes[i], shapes[j], "T********"), $"{shapes[i].AsText()} / {shapes[j].AsText()}: said {meet}");
            }
        }

        Assert.True(decided > 20000 && met > 2000 && decided - met > 2000, $"decided {decided}, of which {met} meet");
    }

    /// <summary>A valid polygon of 3–8 vertices on a 7 × 7 grid, or null.</summary>
    private static Polygon? RandomPolygon(Random random)
    {
        var count = random.Next(3, 9);
        var points = Enumerable.Range(0, count).Select(_ => new Coordinate(random.Next(0, 7), random.Next(0, 7))).ToList();
        points.Add(points[0].Copy());
        var polygon = GeometryServices.Factory.CreatePolygon(points.ToArray());
        return IsValidOp.CheckValid(polygon) ? polygon : null;
    }

    /// <summary>Cells of a 6 × 6 coverage on whole numbers with bent edges, and copies moved or scaled onto it.</summary>
    private static IEnumerable<Geometry> Cells(Random random)
    {
        Coordinate Corner(int i, int j) => new(i * 8 + (i % 2) * 2, j * 8 + (j % 3));
        Coordinate MidH(int i, int j) { var (a, b) = (Corner(i, j), Corner(i + 1, j)); return new((a.X + b.X) / 2, (a.Y + b.Y) / 2 + (i + j) % 3 - 1); }
        Coordinate MidV(int i, int j) { var (a, b) = (Corner(i, j), Corner(i, j + 1)); return new((a.X + b.X) / 2 + (i * j) % 3 - 1, (a.Y + b.Y) / 2); }

        var cells = new List<Geometry>();
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                cells.Add(GeometryServices.Factory.CreatePolygon(
                [
                    Corner(i, j), MidH(i, j), Corner(i + 1, j), MidV(i + 1, j), Corner(i + 1, j + 1), MidH(i, j + 1), Corner(i, j + 1), MidV(i, j), Corner(i, j),
                ]));
            }
        }

        var moved = cells.Take(12).Select(c =>
        {
            var copy = c.Copy();
            var centre = c.Centroid.Coordinate;
            copy.Apply(random.Next(2) == 0
                ? new NetTopologySuite.Geometries.Utilities.AffineTransformation().Translate(random.Next(-4, 5), random.Next(-4, 5))
                : NetTopologySuite.Geometries.Utilities.AffineTransformation.ScaleInstance(1.25, 1.25, centre.X, centre.Y));
            return copy;
        });
        return cells.Concat(moved).Where(g => g.IsValid).ToList();
    }
}
