using System.Buffers.Binary;
using System.Text;

namespace ElementFlow.Sources.FileGdb;

/// <summary>
/// Reads little-endian values and the format's variable-length integers from a byte span, checking every
/// read against the end so that a corrupt length becomes a <see cref="FileGdbFormatException"/>.
/// </summary>
internal ref struct ByteCursor(ReadOnlySpan<byte> bytes, string where)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private readonly string _where = where;

    public int Position { get; private set; }

    public readonly int Remaining => _bytes.Length - Position;

    public readonly bool AtEnd => Position >= _bytes.Length;

    public byte Byte() => Take(1)[0];

    public readonly byte PeekByte() => Position < _bytes.Length ? _bytes[Position] : throw Truncated();

    public short Int16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining) throw Truncated();
        var span = _bytes.Slice(Position, count);
        Position += count;
        return span;
    }

    public void Skip(int count) => Take(count);

    /// <summary>An unsigned varint: 7 bits a byte, low bits first, the high bit saying another byte follows.</summary>
    public ulong VarUInt()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 63) throw new FileGdbFormatException($"{_where}: a variable-length integer runs past 64 bits");
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }

    /// <summary>A count or length as a varint, refused when it cannot fit the bytes that remain (each item takes at least <paramref name="minBytesEach"/>).</summary>
    public int Count(int minBytesEach = 1)
    {
        var value = VarUInt();
        if (value > (ulong)Math.Max(0, Remaining) / (ulong)Math.Max(1, minBytesEach)) throw new FileGdbFormatException($"{_where}: a count of {value} does not fit the {Remaining} bytes left");
        return (int)value;
    }

    /// <summary>A signed varint: the first byte holds 6 bits and the sign (0x40), later bytes 7 bits each.</summary>
    public long VarInt()
    {
        var b = Byte();
        var value = (ulong)(b & 0x3F);
        var negative = (b & 0x40) != 0;
        for (var shift = 6; (b & 0x80) != 0; shift += 7)
        {
            if (shift > 63) throw new FileGdbFormatException($"{_where}: a variable-length integer runs past 64 bits");
            b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
        }

        return negative ? -(long)value : (long)value;
    }

    /// <summary>A name stored as UTF-16LE code units, <paramref name="chars"/> of them.</summary>
    public string Utf16(int chars) => Encoding.Unicode.GetString(Take(chars * 2));

    public readonly FileGdbFormatException Truncated() => new($"{_where}: truncated at byte {Position}");
}
