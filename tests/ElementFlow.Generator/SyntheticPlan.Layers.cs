namespace ElementFlow.Generator;

/// <summary>The layers of the synthetic plan, each an on-demand sequence of features.</summary>
public sealed partial class SyntheticPlan
{
    private static readonly string[] UrbanZones = ["concentrated", "concentrated", "concentrated", "flexible", "special"];
    private static readonly string[] FacilityKinds = ["kindergarten", "primary_school", "middle_school", "clinic", "elderly_care", "park"];

    public IReadOnlyList<SynthLayer> Layers =>
    [
        new("boundary", "GHFW", true, [("id", FieldKind.Text)], Boundary),
        new("ecological_redline", "STBHHX", true, [("id", FieldKind.Text)], RedLine),
        new("permanent_basic_farmland", "YJJBNT", true, [("id", FieldKind.Text)], Farmland),
        new("urban_development_boundary", "CZKFBJ", true, [("id", FieldKind.Text), ("zone", FieldKind.Text)], UrbanBoundary),
        new("zoning", "GHFQ", true, [("id", FieldKind.Text), ("zone", FieldKind.Text)], Zoning),
        new("land_use", "GHYDYH", true, [("id", FieldKind.Text), ("code", FieldKind.Text)], LandUse),
        new("facilities", "facilities", false, [("id", FieldKind.Text), ("kind", FieldKind.Text)], Facilities),
        new("residential", "residential", false, [("id", FieldKind.Text), ("population", FieldKind.Integer)], Residential),
    ];

    private IEnumerable<SynthFeature> Boundary()
    {
        yield return new("B1", Polygon(0, 0, Lattice.Columns, Lattice.Rows), ["B1"]);
    }

    private IEnumerable<SynthFeature> RedLine()
    {
        var n = 0;
        foreach (var b in Blocks(Region.RedLine)) yield return Feature($"E{++n}", Polygon(b.I0, b.J0, b.I1, b.J1));
        var (i, j) = Defects.RedLineOnFarmland;
        yield return Feature("E-extra", Polygon(i, j, i + 2, j + 2));
    }

    private IEnumerable<SynthFeature> Farmland()
    {
        var n = 0;
        foreach (var b in Blocks(Region.Farmland)) yield return Feature($"P{++n}", Polygon(b.I0, b.J0, b.I1, b.J1));
    }

    private IEnumerable<SynthFeature> UrbanBoundary()
    {
        var n = 0;
        foreach (var b in Blocks(Region.Urban))
        {
            var zone = UrbanZones[(int)(Noise.Hash(_seed, b.I0, b.J0, 20) % (ulong)UrbanZones.Length)];
            var id = $"U{++n}";
            yield return new(id, Polygon(b.I0, b.J0, b.I1, b.J1), [id, zone]);
        }

        var (i, j) = Defects.UrbanOnFarmland;
        yield return new("U-extra-1", Polygon(i, j, i + 2, j + 2), ["U-extra-1", "concentrated"]);
        (i, j) = Defects.UrbanOnRedLine;
        yield return new("U-extra-2", Polygon(i, j, i + 2, j + 2), ["U-extra-2", "flexible"]);
    }

    private IEnumerable<SynthFeature> Zoning()
    {
        var n = 0;
        for (var bj = 0; bj < BlockRows; bj++)
        {
            for (var bi = 0; bi < BlockColumns; bi++)
            {
                var zone = RegionOfBlock(bi, bj) switch
                {
                    Region.Farmland => "farmland_protection",
                    Region.RedLine => "ecological_protection",
                    Region.Urban => "urban_development",
                    _ => Noise.Unit(_seed, bi, bj, 30) < 0.2 ? "ecological_control" : "rural_development",
                };
                var id = $"Z{++n}";
                var polygon = Polygon(bi * Block, bj * Block, Math.Min((bi + 1) * Block, Lattice.Columns), Math.Min((bj + 1) * Block, Lattice.Rows));
                yield return new(id, polygon, [id, zone]);
            }
        }
    }

    private IEnumerable<SynthFeature> LandUse()
    {
        for (var j = 0; j < Lattice.Rows; j++)
        {
            for (var i = 0; i < Lattice.Columns; i++)
            {
                if ((i, j) == Defects.Gap) continue;
                var id = Id("L", (i, j));
                var defect = DefectAt(i, j);
                if (defect == ParcelDefect.Dropped) continue;
                yield return new(id, Parcel(i, j, defect), [id, LandUseCode(i, j)]);
            }
        }

        var (di, dj) = Defects.Duplicate;
        yield return new(Defects.DuplicateId, Polygon(di, dj, di + 1, dj + 1), [Defects.DuplicateId, LandUseCode(di, dj)]);
    }

    /// <summary>One facility in about every 200 urban cells, kinds in turn.</summary>
    private IEnumerable<SynthFeature> Facilities()
    {
        var n = 0;
        foreach (var (i, j) in UrbanCells(200, 40))
        {
            var id = $"F{++n}";
            yield return new(id, Point(Lattice.Centre(i, j)), [id, FacilityKinds[n % FacilityKinds.Length]]);
        }
    }

    /// <summary>A residential point in about every tenth urban-housing cell.</summary>
    private IEnumerable<SynthFeature> Residential()
    {
        var n = 0;
        foreach (var (i, j) in UrbanCells(10, 50).Where(c => LandUseCode(c.I, c.J) == "0701"))
        {
            var id = $"R{++n}";
            yield return new(id, Point(Lattice.Centre(i, j)), [id, 300 + (int)(Noise.Unit(_seed, i, j, 51) * 2700)]);
        }
    }

    private IEnumerable<(int I, int J)> UrbanCells(int oneIn, int salt)
    {
        foreach (var b in Blocks(Region.Urban))
        {
            for (var j = b.J0; j < b.J1; j++)
            {
                for (var i = b.I0; i < b.I1; i++)
                {
                    if (Noise.Hash(_seed, i, j, salt) % (ulong)oneIn == 0) yield return (i, j);
                }
            }
        }
    }

    /// <summary>The defect of a parcel: at the share given to the constructor, one of four kinds in turn by hash; never at a seeded defect.</summary>
    public ParcelDefect DefectAt(int i, int j)
    {
        if (DefectShare <= 0 || Noise.Unit(_seed, i, j, 60) >= DefectShare) return ParcelDefect.None;
        if (SeededCells.Contains((i, j))) return ParcelDefect.None;
        return (ParcelDefect)(1 + (int)(Noise.Hash(_seed, i, j, 61) % 4));
    }

    /// <summary>
    /// A parcel's polygon with its defect: enlarged or shrunk by 30 % about its centre (overlaps and gaps
    /// with its neighbours), or a bow-tie through its four corners (left and right edges kept, with their
    /// midpoints; the diagonals cross at the centre, so its repair is two triangles and the top and bottom
    /// triangles are gaps).
    /// </summary>
    private NetTopologySuite.Geometries.Polygon Parcel(int i, int j, ParcelDefect defect)
    {
        var cell = Polygon(i, j, i + 1, j + 1);
        if (defect is ParcelDefect.None) return cell;
        if (defect == ParcelDefect.BowTie)
        {
            var (c00, c10, c11, c01) = (Lattice.Corner(i, j), Lattice.Corner(i + 1, j), Lattice.Corner(i + 1, j + 1), Lattice.Corner(i, j + 1));
            return _factory.CreatePolygon([c00, c11, Lattice.VerticalMid(i + 1, j), c10, c01, Lattice.VerticalMid(i, j), c00.Copy()]);
        }

        var centre = cell.Centroid.Coordinate;
        var factor = defect == ParcelDefect.Enlarged ? 1.3 : 0.7;
        return _factory.CreatePolygon(cell.Coordinates.Select(c => new NetTopologySuite.Geometries.Coordinate(
            Math.Round(centre.X + (c.X - centre.X) * factor, 3), Math.Round(centre.Y + (c.Y - centre.Y) * factor, 3))).ToArray());
    }

    private HashSet<(int I, int J)> SeededCells => _seeded ??=
    [
        Defects.Gap, Defects.Duplicate, Defects.HousingOutside, Defects.HomesteadOnFarmland,
    ];

    private HashSet<(int I, int J)>? _seeded;

    private static SynthFeature Feature(string id, NetTopologySuite.Geometries.Geometry geometry) => new(id, geometry, [id]);
}
