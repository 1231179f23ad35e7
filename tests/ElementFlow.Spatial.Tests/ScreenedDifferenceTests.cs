using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

/// <summary>The gap check's local difference (frame less the union, only around suspects) must equal the plain difference.</summary>
public sealed class ScreenedDifferenceTests
{
    private const int Side = 40;

    private static readonly Geometry Frame = Wkt($"POLYGON ((0 0, {Side * 10} 0, {Side * 10} {Side * 10}, 0 {Side * 10}, 0 0))");

    /// <summary>
    /// On a 40 × 40 grid of 10 m squares (past the grouped union's threshold) with random shifted, shrunk,
    /// enlarged, dropped and bow-tied (repaired, as the engine measures them) squares, the gaps are the
    /// same pieces with the same areas as the frame less the union of all.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ScreenedDifference_RandomDefects_IsTheFrameLessTheUnion(int seed)
    {
        var random = new Random(seed);
        var cells = new List<Geometry>();
        for (var j = 0; j < Side; j++)
        {
            for (var i = 0; i < Side; i++)
            {
                var (x, y) = (i * 10, j * 10);
                var square = Wkt(FormattableString.Invariant($"POLYGON (({x} {y}, {x + 10} {y}, {x + 10} {y + 10}, {x} {y + 10}, {x} {y}))"));
                if (random.Next(100) >= 3)
                {
                    cells.Add(square);
                    continue;
                }

                var centre = square.Centroid.Coordinate;
                switch (random.Next(5))
                {
                    case 0: cells.Add(Transformed(square, AffineTransformation.TranslationInstance(random.NextDouble() * 6 - 3, random.NextDouble() * 6 - 3))); break;
                    case 1: cells.Add(Transformed(square, AffineTransformation.ScaleInstance(0.7, 0.7, centre.X, centre.Y))); break;
                    case 2: cells.Add(Transformed(square, AffineTransformation.ScaleInstance(1.3, 1.3, centre.X, centre.Y))); break;
                    case 3: break; // dropped
                    default:
                        var bowTie = Wkt(FormattableString.Invariant($"POLYGON (({x} {y}, {x + 10} {y + 10}, {x + 10} {y}, {x} {y + 10}, {x} {y}))"));
                        cells.Add(GeometryFixer.Fix(bowTie, isKeepMulti: true));
                        break;
                }
            }
        }

        var expected = PolygonalParts.Of(Frame.Difference(Overlaps.Union(cells)));

        var actual = Containment.ScreenedDifference(Frame, cells);

        Assert.True(expected.Area > 0);
        Assert.Equal(expected.NumGeometries, actual.NumGeometries);
        Assert.Equal(expected.Area, actual.Area, 6);
        Assert.Equal(
            Enumerable.Range(0, expected.NumGeometries).Select(k => Math.Round(expected.GetGeometryN(k).Area, 6)).Order(),
            Enumerable.Range(0, actual.NumGeometries).Select(k => Math.Round(actual.GetGeometryN(k).Area, 6)).Order());
        Assert.True(expected.EqualsTopologically(actual), "the screened difference differs from the plain difference");
    }

    private static Geometry Transformed(Geometry g, AffineTransformation transformation)
    {
        var copy = g.Copy();
        copy.Apply(transformation);
        return copy;
    }
}
