using NetTopologySuite.Geometries;

namespace ElementFlow.Generator;

/// <summary>A defect of a land-use parcel (the generator's --defects option).</summary>
public enum ParcelDefect
{
    None,
    Enlarged,
    Shrunk,
    Dropped,
    BowTie,
}

/// <summary>The type of an attribute column.</summary>
public enum FieldKind
{
    Text,
    Integer,
}

/// <summary>One generated feature: id, geometry and values in the order of its layer's fields.</summary>
public sealed record SynthFeature(string Id, Geometry Geometry, object?[] Values);

/// <summary>One generated layer, produced on demand so that a million parcels never sit in memory together.</summary>
/// <param name="Role">The plan role.</param>
/// <param name="Table">The GeoPackage table (a standard database name where there is one).</param>
/// <param name="Polygons">True for polygons, false for points.</param>
public sealed record SynthLayer(string Role, string Table, bool Polygons, IReadOnlyList<(string Name, FieldKind Kind)> Fields, Func<IEnumerable<SynthFeature>> Features);

/// <summary>
/// A county overall plan over a jittered grid of <c>parcels</c> land-use parcels (50 m cells): a band of
/// permanent basic farmland in the south, ecological red line in the north-west, the urban development
/// boundary in the centre, zoning blocks over everything, facilities and residential points in town.
/// Red line, farmland, boundary and zoning polygons are blocks of whole cells, so their edges are parcel edges.
/// </summary>
/// <remarks>
/// Seeded defects, one finding each with the built-in rules: a red-line patch on farmland (LINE-001), a
/// boundary patch on farmland (LINE-002) and on the red line (LINE-003), urban housing outside the
/// boundary (LINE-006), a rural homestead on farmland (LINE-008), a duplicated parcel (DATA-005) and a
/// missing parcel (DATA-006).
/// </remarks>
public sealed partial class SyntheticPlan
{
    public const double CellSize = 50;
    public const double OriginX = 39_480_000;
    public const double OriginY = 3_300_000;

    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4527);
    private readonly ulong _seed;

    /// <param name="defects">The share of land-use parcels made defective (enlarged, shrunk, dropped or bow-tied, a quarter each), e.g. 0.005.</param>
    public SyntheticPlan(int parcels, ulong seed, double defects = 0)
    {
        DefectShare = defects;
        if (parcels < 100) throw new ArgumentOutOfRangeException(nameof(parcels), "at least 100 parcels");
        _seed = seed;
        var (columns, rows) = Shape(parcels);
        Lattice = new Lattice(columns, rows, CellSize, OriginX, OriginY, seed);
        Block = Math.Max(4, (int)Math.Round(Math.Sqrt(parcels) / 25));
        Defects = PlaceDefects();
    }

    public Lattice Lattice { get; }

    /// <summary>The share of land-use parcels made defective.</summary>
    public double DefectShare { get; }

    /// <summary>How many parcels of each defect kind the land-use layer has.</summary>
    public IReadOnlyDictionary<ParcelDefect, int> DefectCounts()
    {
        var counts = Enum.GetValues<ParcelDefect>().Where(d => d != ParcelDefect.None).ToDictionary(d => d, _ => 0);
        if (DefectShare <= 0) return counts;
        for (var j = 0; j < Lattice.Rows; j++)
        {
            for (var i = 0; i < Lattice.Columns; i++)
            {
                if ((i, j) != Defects.Gap && DefectAt(i, j) is var d and not ParcelDefect.None) counts[d]++;
            }
        }

        return counts;
    }

    /// <summary>The side, in cells, of red-line, farmland, boundary and zoning blocks.</summary>
    public int Block { get; }

    /// <summary>The seeded defects and the rule each should trip.</summary>
    public IReadOnlyList<(string Rule, string What)> ExpectedFindings =>
    [
        ("DATA-005", $"land-use parcel {Defects.DuplicateId} duplicates {Id("L", Defects.Duplicate)}"),
        ("DATA-006", $"no land-use parcel at cell {Defects.Gap}"),
        ("LINE-001", "red-line patch E-extra on basic farmland"),
        ("LINE-002", "urban development boundary patch U-extra-1 on basic farmland"),
        ("LINE-003", "urban development boundary patch U-extra-2 on the red line"),
        ("LINE-006", $"urban housing {Id("L", Defects.HousingOutside)} outside the boundary"),
        ("LINE-008", $"rural homestead {Id("L", Defects.HomesteadOnFarmland)} on basic farmland"),
    ];

    /// <summary>Columns × rows = parcels, as square as the divisors allow.</summary>
    private static (int Columns, int Rows) Shape(int parcels)
    {
        for (var c = (int)Math.Ceiling(Math.Sqrt(parcels)); c <= parcels; c++)
        {
            if (parcels % c == 0) return (c, parcels / c);
        }

        return (parcels, 1);
    }

    private string Id(string prefix, (int I, int J) cell) => $"{prefix}{cell.J * Lattice.Columns + cell.I + 1}";

    private Polygon Polygon(int i0, int j0, int i1, int j1) => _factory.CreatePolygon(Lattice.Ring(i0, j0, i1, j1));

    private Point Point(Coordinate c) => _factory.CreatePoint(c);
}
