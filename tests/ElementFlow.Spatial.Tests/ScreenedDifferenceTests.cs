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
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    [InlineData(6, 20)]
    [InlineData(7, 20)]
    [InlineData(8, 35)]
    public void ScreenedDifference_RandomDefects_IsTheFrameLessTheUnion(int seed, int percent)
    {
        // At 20 % and more the suspects' windows merge into one the size of the frame, which is cut into cells.
        var random = new Random(seed);
        var cells = new List<Geometry>();
        for (var j = 0; j < Side; j++)
        {
            for (var i = 0; i < Side; i++)
            {
                var (x, y) = (i * 10, j * 10);
                var square = Wkt(FormattableString.Invariant($"POLYGON (({x} {y}, {x + 10} {y}, {x + 10} {y + 10}, {x} {y + 10}, {x} {y}))"));
                if (random.Next(100) >= percent)
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

        AssertSameGaps(cells);
    }

    [Fact]
    public void ScreenedDifference_MissingBlockAcrossCells_IsOneGap()
    {
        // A block of 12 × 12 parcels missing among defects: its middle lies in cells with no suspect at all.
        var random = new Random(11);
        var cells = new List<Geometry>();
        for (var j = 0; j < Side; j++)
        {
            for (var i = 0; i < Side; i++)
            {
                if (i is >= 14 and < 26 && j is >= 14 and < 26) continue;
                var (x, y) = (i * 10 + (random.Next(100) < 20 ? 2 : 0), j * 10);
                cells.Add(Wkt(FormattableString.Invariant($"POLYGON (({x} {y}, {x + 10} {y}, {x + 10} {y + 10}, {x} {y + 10}, {x} {y}))")));
            }
        }

        AssertSameGaps(cells);
    }

    private static void AssertSameGaps(List<Geometry> cells)
    {
        var expected = PolygonalParts.Of(Frame.Difference(Overlaps.Union(cells)));

        var actual = Containment.ScreenedDifference(Frame, cells);

        Assert.True(expected.Area > 0);
        Assert.Equal(expected.NumGeometries, actual.NumGeometries);
        Assert.Equal(expected.Area, actual.Area, 6);
        Assert.Equal(
            Enumerable.Range(0, expected.NumGeometries).Select(k => Math.Round(expected.GetGeometryN(k).Area, 6)).Order(),
            Enumerable.Range(0, actual.NumGeometries).Select(k => Math.Round(actual.GetGeometryN(k).Area, 6)).Order());
        // Where a gap was cut by a cell's edge and joined again, a vertex computed on that edge may sit 1e-12 m
        // off the original one: the same shape to far below a millimetre, not bit for bit.
        Assert.True(expected.SymmetricDifference(actual).Area < 1e-6, "the screened difference differs from the plain difference");
        Assert.True(NetTopologySuite.Algorithm.Distance.DiscreteHausdorffDistance.Distance(expected, actual) < 1e-6, "the screened difference's outline differs from the plain difference's");
    }

    private static Geometry Transformed(Geometry g, AffineTransformation transformation)
    {
        var copy = g.Copy();
        copy.Apply(transformation);
        return copy;
    }
}
