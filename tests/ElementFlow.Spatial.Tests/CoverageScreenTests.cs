using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class CoverageScreenTests
{
    /// <summary>A grid of squares of side 10, <paramref name="n"/> × <paramref name="n"/>, row by row.</summary>
    private static List<Geometry?> Grid(int n)
    {
        var squares = new List<Geometry?>();
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                double x = col * 10, y = row * 10;
                squares.Add(Wkt($"POLYGON (({x} {y}, {x + 10} {y}, {x + 10} {y + 10}, {x} {y + 10}, {x} {y}))"));
            }
        }

        return squares;
    }

    [Fact]
    public void Suspects_CleanGrid_ClearsInnerSquaresAndKeepsTheRim()
    {
        var suspect = CoverageScreen.Suspects(Grid(3));

        Assert.False(suspect[4]);
        Assert.All(new[] { 0, 1, 2, 3, 5, 6, 7, 8 }, i => Assert.True(suspect[i]));
    }

    [Fact]
    public void Suspects_ClockwiseRingsAmongCounterClockwise_StillMatch()
    {
        var grid = Grid(3);
        grid[4] = grid[4]!.Reverse();

        Assert.False(CoverageScreen.Suspects(grid)[4]);
    }

    [Fact]
    public void Suspects_DuplicateOfAnInnerSquare_FlagsBoth()
    {
        var grid = Grid(3);
        grid.Add(grid[4]!.Copy());

        var suspect = CoverageScreen.Suspects(grid);

        Assert.True(suspect[4]);
        Assert.True(suspect[9]);
    }

    [Fact]
    public void Suspects_PolygonInsideAnInnerSquare_FlagsTheInnerPolygon()
    {
        var grid = Grid(3);
        grid.Add(Wkt("POLYGON ((12 12, 18 12, 18 18, 12 18, 12 12))"));

        Assert.True(CoverageScreen.Suspects(grid)[9]);
    }

    [Fact]
    public void Suspects_InnerSquareTiledAgainByFourQuarters_FlagsTheQuarters()
    {
        var grid = Grid(3);
        grid.Add(Wkt("POLYGON ((10 10, 15 10, 15 15, 10 15, 10 10))"));
        grid.Add(Wkt("POLYGON ((15 10, 20 10, 20 15, 15 15, 15 10))"));
        grid.Add(Wkt("POLYGON ((10 15, 15 15, 15 20, 10 20, 10 15))"));
        grid.Add(Wkt("POLYGON ((15 15, 20 15, 20 20, 15 20, 15 15))"));

        // The square's own edges still match its neighbours'; the quarters' outer edges match nothing.
        var suspect = CoverageScreen.Suspects(grid);

        Assert.All(new[] { 9, 10, 11, 12 }, i => Assert.True(suspect[i]));
    }

    [Fact]
    public void Suspects_IslandFillingAHole_ClearsTheIsland()
    {
        var ring = Wkt("POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))");
        var island = Wkt("POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))");

        var suspect = CoverageScreen.Suspects([ring, island]);

        Assert.False(suspect[1]);
    }

    [Fact]
    public void Suspects_EmptyAndNonPolygonalGeometries_AreNeverCleared()
    {
        var suspect = CoverageScreen.Suspects([Wkt("POLYGON EMPTY"), Wkt("LINESTRING (0 0, 1 1)"), null]);

        Assert.All(suspect, Assert.True);
    }

    /// <summary>
    /// The screen may only skip work: on grids with random defects (shifted, duplicated, shrunk and
    /// enlarged squares) the screened search finds exactly the pairs the exhaustive one finds.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Find_WithScreen_FindsTheSamePairsAsWithout(int seed)
    {
        var random = new Random(seed);
        var geometries = Grid(12);
        for (var k = 0; k < 25; k++)
        {
            var i = random.Next(geometries.Count);
            var g = geometries[i]!;
            var c = g.Centroid.Coordinate;
            geometries[i] = random.Next(4) switch
            {
                0 => Translate(g, random.NextDouble() * 6 - 3, random.NextDouble() * 6 - 3),
                1 => Scale(g, c, 0.5),
                2 => Scale(g, c, 1.4),
                _ => g,
            };
            if (random.Next(5) == 0) geometries.Add(g.Copy());
        }


        Assert.NotEmpty(ScreenedFindsWhatExhaustiveFinds(geometries));
    }

    /// <summary>
    /// A second subdivision drawn over part of a clean layer (a 3 × 3 patch laid across a 6 × 6 grid, edges
    /// offset by half a cell): the patch's centre square and the grid squares under it have every edge matched,
    /// so neither is a suspect, yet they overlap. The search must still find those pairs.
    /// </summary>
    [Fact]
    public void Find_PatchLaidOverACleanGrid_FindsThePairsBetweenSquaresTheScreenClears()
    {
        var geometries = Grid(6);
        for (var row = 0; row < 3; row++)
        {
            for (var col = 0; col < 3; col++)
            {
                double x = 15 + col * 10, y = 15 + row * 10;
                geometries.Add(Wkt($"POLYGON (({x} {y}, {x + 10} {y}, {x + 10} {y + 10}, {x} {y + 10}, {x} {y}))"));
            }
        }

        var suspect = CoverageScreen.Suspects(geometries);
        Assert.False(suspect[36 + 4] || suspect[2 * 6 + 2]); // the patch's centre and the grid square under its corner are both cleared

        Assert.Equal(36, ScreenedFindsWhatExhaustiveFinds(geometries).Count); // each patch square overlaps the four grid squares under it
    }

    /// <summary>Patches of random cell size and offset laid over a grid, some over each other: the screened search still finds every pair.</summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Find_RandomPatchesOverAGrid_FindsTheSamePairsAsWithout(int seed)
    {
        var random = new Random(seed);
        var geometries = Grid(12);
        for (var patch = 0; patch < 3; patch++)
        {
            double side = 4 + random.NextDouble() * 12, x0 = random.NextDouble() * 60, y0 = random.NextDouble() * 60;
            for (var row = 0; row < 4; row++)
            {
                for (var col = 0; col < 4; col++)
                {
                    double x = x0 + col * side, y = y0 + row * side;
                    geometries.Add(Wkt($"POLYGON (({x} {y}, {x + side} {y}, {x + side} {y + side}, {x} {y + side}, {x} {y}))"));
                }
            }
        }


        Assert.NotEmpty(ScreenedFindsWhatExhaustiveFinds(geometries));
    }

    /// <summary>Searches the geometries with the screen and exhaustively, asserts both find the same pairs and areas, and returns them.</summary>
    private static IReadOnlyList<OverlapPair> ScreenedFindsWhatExhaustiveFinds(List<Geometry?> geometries)
    {
        var features = geometries.Select((g, i) => new ElementFlow.Core.Planning.Feature($"F{i}", g, new Dictionary<string, object?>(), i + 1)).ToList();
        var index = new FeatureIndex(features);
        var screened = Overlaps.Find(features, index, self: true, screenFrom: 1);
        var exhaustive = Overlaps.Find(features, index, self: true, screenFrom: int.MaxValue);
        Assert.Equal(exhaustive.Select(p => (p.A.Id, p.B.Id, Math.Round(p.Area, 6))), screened.Select(p => (p.A.Id, p.B.Id, Math.Round(p.Area, 6))));
        return exhaustive;
    }

    private static Geometry Translate(Geometry g, double dx, double dy)
    {
        var moved = g.Copy();
        moved.Apply(new NetTopologySuite.Geometries.Utilities.AffineTransformation().Translate(dx, dy));
        return moved;
    }

    private static Geometry Scale(Geometry g, Coordinate centre, double factor)
    {
        var scaled = g.Copy();
        scaled.Apply(NetTopologySuite.Geometries.Utilities.AffineTransformation.ScaleInstance(factor, factor, centre.X, centre.Y));
        return scaled;
    }
}
