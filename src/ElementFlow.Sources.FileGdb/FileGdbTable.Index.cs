using System.Buffers.Binary;

namespace ElementFlow.Sources.FileGdb;

/// <summary>The <c>.gdbtablx</c>: blocks of 1024 row offsets, and for sparse tables a bitmap of the blocks present.</summary>
public sealed partial class FileGdbTable
{
    private static (int OffsetSize, long Blocks, long TotalRows, int[]? BlocksBefore) ReadIndexHeader(WindowedFile index, int version, string name)
    {
        var header = new ByteCursor(index.Read(0, 16), name);
        var indexVersion = header.Int32();
        if (indexVersion != version) throw new FileGdbFormatException($"{name}: index version {indexVersion} does not match the table's {version}");
        long blocks;
        long total;
        int offsetSize;
        if (version == 3)
        {
            blocks = header.UInt32();
            total = header.Int32();
            offsetSize = header.Int32();
        }
        else
        {
            blocks = header.Int64();
            offsetSize = header.Int32();
            total = 0;
        }

        if (offsetSize is < 4 or > 6) throw new FileGdbFormatException($"{name}: row offsets of {offsetSize} bytes (4 to 6 expected)");
        if (blocks < 0 || blocks > (index.Length - 16) / (offsetSize * 1024L)) throw new FileGdbFormatException($"{name}: {blocks} blocks of row offsets do not fit the file");
        if (blocks == 0) return (offsetSize, 0, 0, null);

        var trailerAt = 16 + offsetSize * 1024L * blocks;
        byte[]? map = null;
        if (version == 3)
        {
            var trailer = new ByteCursor(index.Read(trailerAt, 16), name);
            var bitmapWords = trailer.UInt32();
            var bits = trailer.UInt32();
            if (trailer.UInt32() != blocks) throw new FileGdbFormatException($"{name}: the trailer's block count disagrees with the header");
            if (total < 0) throw new FileGdbFormatException($"{name}: negative row count");
            if (bitmapWords != 0)
            {
                if (bits > int.MaxValue / 1024 || total > bits * 1024L) throw new FileGdbFormatException($"{name}: block map of {bits} bits cannot hold {total} rows");
                map = index.Read(trailerAt + 16, (int)((bits + 7) / 8)).ToArray();
            }
            else if (bits != blocks)
            {
                throw new FileGdbFormatException($"{name}: the trailer's block map size disagrees with the header");
            }
        }
        else
        {
            var trailer = new ByteCursor(index.Read(trailerAt, 12), name);
            total = trailer.Int64();
            var bitmapSection = trailer.UInt32();
            if (bitmapSection == 22 + 32768 + 52)
            {
                map = index.Read(trailerAt + 12 + 22, 32768).ToArray();
            }
            else if (bitmapSection != 0)
            {
                // A layout not yet understood: every block is taken as present, in order.
                total = 1024 * blocks;
            }

            if (total < 0 || (map is null && total > 1024 * blocks)) throw new FileGdbFormatException($"{name}: {total} rows do not fit {blocks} blocks of row offsets");
        }

        if (map is null)
        {
            if (total > 1024 * blocks) throw new FileGdbFormatException($"{name}: {total} rows do not fit {blocks} blocks of row offsets");
            return (offsetSize, blocks, total, null);
        }

        var before = new int[map.Length * 8 + 1];
        for (var i = 0; i < map.Length * 8; i++) before[i + 1] = before[i] + ((map[i / 8] >> (i % 8)) & 1);
        if (before[^1] != blocks) throw new FileGdbFormatException($"{name}: the block map marks {before[^1]} blocks, the header {blocks}");
        total = Math.Min(total, map.Length * 8L * 1024);
        return (offsetSize, blocks, total, before);
    }

    /// <summary>Fills the row offsets of one block of 1024 OBJECTIDs; false when the block map says the block holds none.</summary>
    private bool ReadOffsets(long block, long[] offsets, int count)
    {
        long stored = block;
        if (_blocksBefore is { } before)
        {
            if (block + 1 >= before.Length || before[block + 1] == before[block]) return false;
            stored = before[block];
        }

        if (stored >= _blocksPresent) return false;
        var bytes = _index!.Read(16 + stored * 1024 * _offsetSize, count * _offsetSize);
        Span<byte> eight = stackalloc byte[8];
        for (var i = 0; i < count; i++)
        {
            eight.Clear();
            bytes.Slice(i * _offsetSize, _offsetSize).CopyTo(eight);
            offsets[i] = (long)BinaryPrimitives.ReadUInt64LittleEndian(eight);
        }

        return true;
    }
}
