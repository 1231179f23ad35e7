using NetTopologySuite.Geometries;

namespace ElementFlow.Generator;

/// <summary>
/// A jittered grid of cells whose corners and edge midpoints are pure functions of the seed and the
/// lattice position, so neighbouring parcels share their edges exactly (a valid polygonal coverage)
/// and nothing has to be kept in memory. The outer edge stays straight.
/// </summary>
/// <remarks>
/// Corners move at most a quarter cell and edge midpoints a tenth of a cell sideways: horizontal-ish and
/// vertical-ish edges then never become parallel, so every cell and every block of cells is a simple polygon.
/// </remarks>
public sealed class Lattice(int columns, int rows, double cell, double originX, double originY, ulong seed)
{
    public int Columns { get; } = columns;
    public int Rows { get; } = rows;
    public double Cell { get; } = cell;

    public Coordinate Corner(int i, int j)
    {
        var x = i * Cell + (i == 0 || i == Columns ? 0 : 0.25 * Cell * Noise.Signed(seed, i, j, 1));
        var y = j * Cell + (j == 0 || j == Rows ? 0 : 0.25 * Cell * Noise.Signed(seed, i, j, 2));
        return At(x, y);
    }

    /// <summary>The midpoint of the edge from corner (i, j) to (i + 1, j).</summary>
    public Coordinate HorizontalMid(int i, int j)
    {
        var a = Corner(i, j);
        var b = Corner(i + 1, j);
        var shift = j == 0 || j == Rows ? 0 : 0.1 * Cell * Noise.Signed(seed, i, j, 3);
        return new Coordinate(Math.Round((a.X + b.X) / 2, 3), Math.Round((a.Y + b.Y) / 2 + shift, 3));
    }

    /// <summary>The midpoint of the edge from corner (i, j) to (i, j + 1).</summary>
    public Coordinate VerticalMid(int i, int j)
    {
        var a = Corner(i, j);
        var b = Corner(i, j + 1);
        var shift = i == 0 || i == Columns ? 0 : 0.1 * Cell * Noise.Signed(seed, i, j, 4);
        return new Coordinate(Math.Round((a.X + b.X) / 2 + shift, 3), Math.Round((a.Y + b.Y) / 2, 3));
    }

    /// <summary>The counter-clockwise ring around the cells [i0, i1) × [j0, j1), through every corner and midpoint on its edge.</summary>
    public Coordinate[] Ring(int i0, int j0, int i1, int j1)
    {
        var ring = new List<Coordinate>(4 * ((i1 - i0) + (j1 - j0)) + 1);
        for (var i = i0; i < i1; i++) { ring.Add(Corner(i, j0)); ring.Add(HorizontalMid(i, j0)); }
        for (var j = j0; j < j1; j++) { ring.Add(Corner(i1, j)); ring.Add(VerticalMid(i1, j)); }
        for (var i = i1; i > i0; i--) { ring.Add(Corner(i, j1)); ring.Add(HorizontalMid(i - 1, j1)); }
        for (var j = j1; j > j0; j--) { ring.Add(Corner(i0, j)); ring.Add(VerticalMid(i0, j - 1)); }
        ring.Add(ring[0].Copy());
        return ring.ToArray();
    }

    /// <summary>The centre of a cell (inside it: corners move less than a quarter cell).</summary>
    public Coordinate Centre(int i, int j) => At((i + 0.5) * Cell, (j + 0.5) * Cell);

    /// <summary>Coordinates to the millimetre, so every format carries exactly the same numbers.</summary>
    private Coordinate At(double x, double y) => new(Math.Round(originX + x, 3), Math.Round(originY + y, 3));
}

/// <summary>Deterministic noise: SplitMix64 over the seed and a position, no state.</summary>
public static class Noise
{
    public static ulong Hash(ulong seed, long a, long b, long salt)
    {
        var z = seed + 0x9E3779B97F4A7C15UL * (ulong)(a * 73_856_093 ^ b * 19_349_663 ^ salt * 83_492_791);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, 1).</summary>
    public static double Unit(ulong seed, long a, long b, long salt) => (Hash(seed, a, b, salt) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A value in [-1, 1).</summary>
    public static double Signed(ulong seed, long a, long b, long salt) => 2 * Unit(seed, a, b, salt) - 1;
}
