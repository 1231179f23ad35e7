using System.Buffers.Binary;

namespace ElementFlow.Sources;

/// <summary>
/// Measures how deeply a WKB geometry nests collections, without recursion. NTS's WKB reader recurses
/// once per level, so a blob of GeometryCollections nested 100,000 deep (a few hundred kilobytes)
/// overflows the stack and kills the process; this scan runs first and refuses such a blob cleanly.
/// </summary>
public static class WkbNesting
{
    /// <summary>As deep as the GeoJSON reader allows (its MaxDepth); real geometries nest two or three levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>True when the geometry nests collections at most <paramref name="maxDepth"/> deep. Malformed input returns true: the reader reports it.</summary>
    public static bool IsWithin(ReadOnlySpan<byte> wkb, int maxDepth = MaxDepth)
    {
        var remaining = new Stack<long>();
        var pos = 0;
        while (true)
        {
            if (pos + 5 > wkb.Length) return true;
            var littleEndian = wkb[pos] == 1;
            var type = U32(wkb, pos + 1, littleEndian);
            pos += 5;
            if ((type & 0x2000_0000) != 0) pos += 4; // EWKB: an SRID follows the type
            var iso = type & 0x0FFF_FFFF;
            var dims = 2 + ((type & 0x8000_0000) != 0 || iso / 1000 is 1 or 3 ? 1 : 0) + ((type & 0x4000_0000) != 0 || iso / 1000 is 2 or 3 ? 1 : 0);
            var coordinate = 8L * dims;
            if (pos + 4 > wkb.Length && iso % 1000 != 1) return true;
            switch (iso % 1000)
            {
                case 1:
                    pos = Skip(pos, coordinate, wkb.Length);
                    break;
                case 2:
                    pos = Skip(pos + 4, U32(wkb, pos, littleEndian) * coordinate, wkb.Length);
                    break;
                case 3:
                    var rings = U32(wkb, pos, littleEndian);
                    pos += 4;
                    for (long r = 0; r < rings && pos + 4 <= wkb.Length; r++) pos = Skip(pos + 4, U32(wkb, pos, littleEndian) * coordinate, wkb.Length);
                    break;
                case 4 or 5 or 6 or 7:
                    var parts = U32(wkb, pos, littleEndian);
                    pos += 4;
                    if (parts > 0)
                    {
                        remaining.Push(parts);
                        if (remaining.Count > maxDepth) return false;
                        continue; // the next header is the first part
                    }

                    break;
                default:
                    return true;
            }

            if (pos >= wkb.Length && remaining.Count > 0) return true;

            // A geometry ended: close every collection whose last part it was.
            while (remaining.Count > 0)
            {
                var left = remaining.Pop() - 1;
                if (left > 0)
                {
                    remaining.Push(left);
                    break;
                }
            }

            if (remaining.Count == 0) return true;
        }
    }

    private static long U32(ReadOnlySpan<byte> wkb, int at, bool littleEndian)
    {
        if (at + 4 > wkb.Length) return 0;
        var span = wkb.Slice(at, 4);
        return littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(span) : BinaryPrimitives.ReadUInt32BigEndian(span);
    }

    /// <summary>Moves past <paramref name="bytes"/>, stopping at the end of the blob (huge forged counts cannot overflow).</summary>
    private static int Skip(int pos, long bytes, int length) => (int)Math.Min(length, pos + bytes);
}
