using System.Buffers.Binary;
using System.Text;
using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb;

/// <summary>One row: a length, the bits of the nullable fields that are null, then each non-null value in field order.</summary>
public sealed partial class FileGdbTable
{
    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private FileGdbRow? ReadRow(long objectId, long offset, ShapeDecoder? decoder)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(_table.Read(offset, 4));

        // A negative length marks a row deleted in place.
        if (length < 0) return null;
        var where = $"{_fileName} row {objectId}";
        var cursor = new ByteCursor(_table.Read(offset + 4, length), where);
        var nulls = cursor.Take(_nullableBytes).ToArray();
        var values = new object?[AttributeFields.Count];
        Geometry? geometry = null;
        var curves = 0;
        string? problem = null;
        var nullableIndex = 0;
        var valueIndex = 0;
        foreach (var field in Fields)
        {
            if (field.Type == FileGdbFieldType.ObjectId) continue;
            var isNull = false;
            if (field.Nullable)
            {
                isNull = (nulls[nullableIndex / 8] & (1 << (nullableIndex % 8))) != 0;
                nullableIndex++;
            }

            if (field.Type == FileGdbFieldType.Geometry)
            {
                if (isNull) continue;
                var blob = cursor.Take(cursor.Count());
                if (decoder is not null) (geometry, curves, problem) = decoder.Decode(blob, objectId);
                continue;
            }

            values[valueIndex++] = isNull ? null : ReadValue(ref cursor, field.Type, where);
        }

        return new FileGdbRow(objectId, geometry, values, curves, problem);
    }

    private object? ReadValue(ref ByteCursor cursor, FileGdbFieldType type, string where) => type switch
    {
        FileGdbFieldType.Int16 => cursor.Int16(),
        FileGdbFieldType.Int32 => cursor.Int32(),
        FileGdbFieldType.Int64 => cursor.Int64(),
        FileGdbFieldType.Float32 => cursor.Single(),
        FileGdbFieldType.Float64 => cursor.Double(),
        FileGdbFieldType.String => Text(cursor.Take(cursor.Count())),
        FileGdbFieldType.Xml => Encoding.UTF8.GetString(cursor.Take(cursor.Count())),
        FileGdbFieldType.DateTime or FileGdbFieldType.Date => Date(cursor.Double(), where),
        FileGdbFieldType.Time => TimeSpan.FromDays(Math.Clamp(cursor.Double(), 0, 1)),
        FileGdbFieldType.DateTimeWithOffset => DateWithOffset(cursor.Double(), cursor.Int16(), where),
        FileGdbFieldType.Guid or FileGdbFieldType.GlobalId => new Guid(cursor.Take(16)),
        FileGdbFieldType.Binary => cursor.Take(cursor.Count()).ToArray(),
        _ => throw new FileGdbFormatException($"{where}: field type {type} cannot appear in a row"),
    };

    private string Text(ReadOnlySpan<byte> bytes) => _utf8Strings ? Encoding.UTF8.GetString(bytes) : Encoding.Unicode.GetString(bytes);

    /// <summary>Days since 1899-12-30, the OLE automation date the format stores.</summary>
    private static DateTime Date(double days, string where)
    {
        if (!double.IsFinite(days) || days < -657434 || days > 2958465) throw new FileGdbFormatException($"{where}: date value {days} is out of range");
        return Epoch.AddTicks((long)Math.Round(days * TimeSpan.TicksPerDay / TimeSpan.TicksPerMillisecond) * TimeSpan.TicksPerMillisecond);
    }

    private static DateTimeOffset DateWithOffset(double days, short minutes, string where)
    {
        if (minutes is < -14 * 60 or > 14 * 60) throw new FileGdbFormatException($"{where}: UTC offset of {minutes} minutes is out of range");
        return new DateTimeOffset(DateTime.SpecifyKind(Date(days, where), DateTimeKind.Unspecified), TimeSpan.FromMinutes(minutes));
    }
}
