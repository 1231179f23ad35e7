namespace ElementFlow.Generator;

/// <summary>Where things are: regions by block, land-use codes by cell, and the seeded defects.</summary>
public sealed partial class SyntheticPlan
{
    public enum Region
    {
        Farmland,
        RedLine,
        Urban,
        Rural,
    }

    private static readonly string[] FarmlandCodes = ["0101", "0102", "0103"];
    private static readonly string[] RedLineCodes = ["0301", "0301", "0301", "0401", "1701"];
    private static readonly string[] UrbanCodes = ["0701", "0701", "0701", "0701", "0801", "0901", "1001", "1207", "1401"];
    private static readonly string[] RuralCodes = ["0103", "0103", "0301", "0401", "0703", "1701"];

    private Defects Defects { get; }

    /// <summary>The region of a block, by where its centre falls.</summary>
    public Region RegionOfBlock(int bi, int bj)
    {
        var fx = (Math.Min((bi + 0.5) * Block, Lattice.Columns)) / Lattice.Columns;
        var fy = (Math.Min((bj + 0.5) * Block, Lattice.Rows)) / Lattice.Rows;
        if (fy < 0.3) return Region.Farmland;
        if (fx < 0.25 && fy >= 0.6) return Region.RedLine;
        if (fx is >= 0.35 and < 0.65 && fy is >= 0.4 and < 0.7) return Region.Urban;
        return Region.Rural;
    }

    public Region RegionOfCell(int i, int j) => RegionOfBlock(i / Block, j / Block);

    public int BlockColumns => (Lattice.Columns + Block - 1) / Block;
    public int BlockRows => (Lattice.Rows + Block - 1) / Block;

    public string LandUseCode(int i, int j)
    {
        if ((i, j) == Defects.HousingOutside) return "0701";
        if ((i, j) == Defects.HomesteadOnFarmland) return "0703";
        var codes = RegionOfCell(i, j) switch
        {
            Region.Farmland => FarmlandCodes,
            Region.RedLine => RedLineCodes,
            Region.Urban => UrbanCodes,
            _ => RuralCodes,
        };
        return codes[(int)(Noise.Hash(_seed, i, j, 10) % (ulong)codes.Length)];
    }

    /// <summary>The cell blocks of a region, in row-major order, as [i0, i1) × [j0, j1).</summary>
    public IEnumerable<(int I0, int J0, int I1, int J1)> Blocks(Region region)
    {
        for (var bj = 0; bj < BlockRows; bj++)
        {
            for (var bi = 0; bi < BlockColumns; bi++)
            {
                if (RegionOfBlock(bi, bj) != region) continue;
                yield return (bi * Block, bj * Block, Math.Min((bi + 1) * Block, Lattice.Columns), Math.Min((bj + 1) * Block, Lattice.Rows));
            }
        }
    }

    /// <summary>Picks the defect sites inside whole blocks of their regions, away from block edges.</summary>
    private Defects PlaceDefects()
    {
        (int, int J0) Pick(Region region, int nth)
        {
            var blocks = Blocks(region).Where(b => b.I1 - b.I0 == Block && b.J1 - b.J0 == Block).ToList();
            if (blocks.Count == 0) throw new InvalidOperationException($"no whole {region} block; use more parcels");
            var b = blocks[(int)((ulong)nth * 7919 % (ulong)blocks.Count)];
            return (b.I0, b.J0);
        }

        var farmlandA = Pick(Region.Farmland, 1);
        var farmlandB = Pick(Region.Farmland, 2);
        var farmlandC = Pick(Region.Farmland, 3);
        var redLine = Pick(Region.RedLine, 1);
        var rural = Pick(Region.Rural, 5);
        if (farmlandA == farmlandB || farmlandB == farmlandC || farmlandA == farmlandC) throw new InvalidOperationException("too few farmland blocks; use more parcels");
        return new Defects(
            RedLineOnFarmland: (farmlandA.Item1 + 1, farmlandA.J0 + 1),
            UrbanOnFarmland: (farmlandB.Item1 + 1, farmlandB.J0 + 1),
            UrbanOnRedLine: (redLine.Item1 + 1, redLine.J0 + 1),
            HomesteadOnFarmland: (farmlandC.Item1 + 1, farmlandC.J0 + 1),
            HousingOutside: (rural.Item1 + 1, rural.J0 + 1),
            Gap: (rural.Item1 + 2, rural.J0 + 2),
            Duplicate: (rural.Item1 + 3, rural.J0 + 1));
    }
}

/// <summary>Cells (column, row) where defects are seeded; patches are 2 × 2 cells from that cell.</summary>
internal sealed record Defects(
    (int I, int J) RedLineOnFarmland,
    (int I, int J) UrbanOnFarmland,
    (int I, int J) UrbanOnRedLine,
    (int I, int J) HomesteadOnFarmland,
    (int I, int J) HousingOutside,
    (int I, int J) Gap,
    (int I, int J) Duplicate)
{
    public string DuplicateId => "L-dup";
}
