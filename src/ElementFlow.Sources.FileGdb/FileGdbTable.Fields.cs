namespace ElementFlow.Sources.FileGdb;

/// <summary>The field description section: names, types, nullability and, for the shape, how coordinates are stored.</summary>
public sealed partial class FileGdbTable
{
    private const byte Nullable = 1;
    private const byte HasDefault = 4;

    private static (List<FileGdbField> Fields, FileGdbGeometryType Type, bool Utf8, GeometryEncoding? Geometry) ReadFields(byte[] section, string name)
    {
        var cursor = new ByteCursor(section, name);
        cursor.Skip(8);
        var geometryType = cursor.Byte();
        var utf8 = (cursor.Byte() & 1) != 0;
        cursor.Skip(1);
        var zmFlags = cursor.Byte();
        var tableHasZ = (zmFlags & 0x80) != 0;
        var tableHasM = (zmFlags & 0x40) != 0;
        var count = cursor.UInt16();

        var fields = new List<FileGdbField>(count);
        GeometryEncoding? geometry = null;
        for (var i = 0; i < count; i++)
        {
            var fieldName = cursor.Utf16(cursor.Byte());
            var alias = cursor.Utf16(cursor.Byte());
            var code = cursor.Byte();
            if (code > (byte)FileGdbFieldType.DateTimeWithOffset) throw new FileGdbFormatException($"{name}: field {fieldName} has unknown type {code}");
            var type = (FileGdbFieldType)code;
            switch (type)
            {
                case FileGdbFieldType.Geometry:
                    if (geometry is not null) throw new FileGdbFormatException($"{name}: more than one shape field");
                    cursor.Skip(1);
                    var geometryFlags = cursor.Byte();
                    geometry = ReadGeometryDescription(ref cursor, tableHasZ, tableHasM, name);
                    fields.Add(new FileGdbField(fieldName, alias, type, (geometryFlags & Nullable) != 0, 0));
                    break;
                case FileGdbFieldType.Raster:
                    throw new FileGdbFormatException($"{name}: field {fieldName} is a raster field, which this reader does not read");
                case FileGdbFieldType.String:
                {
                    var width = cursor.Int32();
                    var flags = cursor.Byte();
                    var defaultLength = cursor.Count();
                    if ((flags & HasDefault) != 0) cursor.Skip(defaultLength);
                    fields.Add(new FileGdbField(fieldName, alias, type, (flags & Nullable) != 0, Math.Max(0, width)));
                    break;
                }

                case FileGdbFieldType.ObjectId or FileGdbFieldType.Binary or FileGdbFieldType.Guid or FileGdbFieldType.GlobalId or FileGdbFieldType.Xml:
                {
                    cursor.Skip(1);
                    var flags = cursor.Byte();
                    var nullable = type != FileGdbFieldType.ObjectId && (flags & Nullable) != 0;
                    fields.Add(new FileGdbField(fieldName, alias, type, nullable, 0));
                    break;
                }

                default:
                {
                    cursor.Skip(1);
                    var flags = cursor.Byte();
                    var defaultLength = cursor.Byte();
                    if ((flags & HasDefault) != 0) cursor.Skip(defaultLength);
                    fields.Add(new FileGdbField(fieldName, alias, type, (flags & Nullable) != 0, 0));
                    break;
                }
            }
        }

        var declared = Enum.IsDefined((FileGdbGeometryType)geometryType) ? (FileGdbGeometryType)geometryType : FileGdbGeometryType.None;
        return (fields, geometry is null ? FileGdbGeometryType.None : declared, utf8, geometry);
    }

    private static GeometryEncoding ReadGeometryDescription(ref ByteCursor cursor, bool tableHasZ, bool tableHasM, string name)
    {
        var wktBytes = cursor.UInt16();
        var wkt = cursor.Utf16(wktBytes / 2);
        if (wktBytes % 2 != 0) cursor.Skip(1);
        var flags = cursor.Byte();
        var hasM = (flags & 2) != 0;
        var hasZ = (flags & 4) != 0;
        var xOrigin = cursor.Double();
        var yOrigin = cursor.Double();
        var scale = cursor.Double();
        if (!(scale > 0) || !double.IsFinite(scale) || !double.IsFinite(xOrigin) || !double.IsFinite(yOrigin))
        {
            throw new FileGdbFormatException($"{name}: the shape field's coordinate origin or scale is not usable ({xOrigin}, {yOrigin}, {scale})");
        }

        // M origin and scale, Z origin and scale, the xy tolerance, M and Z tolerances, the extent, Z and M ranges.
        cursor.Skip(8 * ((hasM ? 2 : 0) + (hasZ ? 2 : 0) + 1 + (hasM ? 1 : 0) + (hasZ ? 1 : 0) + 4 + (tableHasZ ? 2 : 0) + (tableHasM ? 2 : 0)));
        cursor.Skip(1);
        var grids = cursor.UInt32();
        if (grids is 0 or > 3) throw new FileGdbFormatException($"{name}: {grids} spatial index grid sizes (1 to 3 expected)");
        cursor.Skip(8 * (int)grids);
        return new GeometryEncoding(xOrigin, yOrigin, scale, wkt);
    }
}
