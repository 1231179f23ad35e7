using System.Buffers.Binary;
using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb;

/// <summary>
/// One table of a File Geodatabase: its <c>.gdbtable</c> (header, field descriptions, rows) and its
/// <c>.gdbtablx</c> (where each OBJECTID's row starts). Rows stream; nothing but the current block of row
/// offsets is held.
/// </summary>
/// <remarks>
/// Versions 3 (ArcGIS 10 to Pro 3.1, and GDAL's OpenFileGDB writer) and 4 (Pro 3.2 64-bit object ids) are
/// read. Every length and count read from the file is checked against what remains, so a corrupt table
/// throws <see cref="FileGdbFormatException"/> naming the file instead of reading out of bounds.
/// </remarks>
public sealed partial class FileGdbTable : IDisposable
{
    private readonly WindowedFile _table;
    private readonly WindowedFile? _index;
    private readonly string _fileName;
    private readonly int _offsetSize;
    private readonly long _blocksPresent;
    private readonly long _totalRows;
    private readonly int[]? _blocksBefore;
    private readonly bool _utf8Strings;
    private readonly int _nullableBytes;
    private readonly GeometryEncoding? _geometry;

    private FileGdbTable(string name, string tablePath)
    {
        Name = name;
        _fileName = Path.GetFileName(tablePath);
        _table = new WindowedFile(tablePath);
        try
        {
            var header = new ByteCursor(_table.Read(0, 40), _fileName);
            var version = header.Int32();
            if (version is not (3 or 4)) throw new FileGdbFormatException($"{_fileName}: table format version {version} is not one this reader knows (3 or 4)");
            var validRows = version == 3 ? header.Int32() : BinaryPrimitives.ReadInt64LittleEndian(_table.Read(16, 8));
            if (validRows < 0) throw new FileGdbFormatException($"{_fileName}: negative row count");
            RowCount = validRows;
            var fieldsOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(_table.Read(32, 8));

            var indexPath = Path.ChangeExtension(tablePath, ".gdbtablx");
            if (!File.Exists(indexPath)) throw new FileGdbFormatException($"{_fileName}: the row index {Path.GetFileName(indexPath)} is missing");
            _index = new WindowedFile(indexPath);
            (_offsetSize, _blocksPresent, _totalRows, _blocksBefore) = ReadIndexHeader(_index, version, Path.GetFileName(indexPath));

            var sectionLength = BinaryPrimitives.ReadInt32LittleEndian(_table.Read(fieldsOffset, 4));
            if (sectionLength is < 10 or > 10 * 1024 * 1024) throw new FileGdbFormatException($"{_fileName}: field description section of {sectionLength} bytes");
            var section = _table.Read(fieldsOffset, sectionLength + 4).ToArray();
            (Fields, GeometryType, _utf8Strings, _geometry) = ReadFields(section, _fileName);
            AttributeFields = Fields.Where(f => f.Type is not (FileGdbFieldType.ObjectId or FileGdbFieldType.Geometry)).ToList();
            _nullableBytes = (Fields.Count(f => f.Nullable) + 7) / 8;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The table's name in the geodatabase catalogue (the layer name).</summary>
    public string Name { get; }

    /// <summary>Every field in stored order, the OBJECTID and the shape included.</summary>
    public IReadOnlyList<FileGdbField> Fields { get; }

    /// <summary>The fields a row's <see cref="FileGdbRow.Values"/> hold: every field but the OBJECTID and the shape.</summary>
    public IReadOnlyList<FileGdbField> AttributeFields { get; }

    public FileGdbGeometryType GeometryType { get; }

    /// <summary>The spatial reference of the shape field as (Esri) WKT; null for a table without shapes or with an empty one.</summary>
    public string? SpatialReferenceWkt => string.IsNullOrWhiteSpace(_geometry?.Wkt) ? null : _geometry.Wkt;

    /// <summary>The number of rows the header declares (deleted rows excluded).</summary>
    public long RowCount { get; }

    /// <summary>Opens a <c>.gdbtable</c> file directly (the database normally does this by name).</summary>
    /// <exception cref="FileGdbFormatException">The table or its index is not a readable File Geodatabase table.</exception>
    public static FileGdbTable Open(string tablePath, string? name = null) =>
        new(name ?? Path.GetFileNameWithoutExtension(tablePath), tablePath);

    /// <summary>The rows in OBJECTID order, read as they are enumerated; shapes are built with <paramref name="factory"/>.</summary>
    /// <exception cref="FileGdbFormatException">A row or shape is corrupt (raised while enumerating).</exception>
    public IEnumerable<FileGdbRow> Rows(GeometryFactory factory)
    {
        var decoder = _geometry is null ? null : new ShapeDecoder(_geometry, factory, _fileName);
        var offsets = new long[1024];
        for (long block = 0; block * 1024 < _totalRows; block++)
        {
            var count = (int)Math.Min(1024, _totalRows - block * 1024);
            if (!ReadOffsets(block, offsets, count)) continue;
            for (var i = 0; i < count; i++)
            {
                if (offsets[i] == 0) continue;
                if (ReadRow(block * 1024 + i + 1, offsets[i], decoder) is { } row) yield return row;
            }
        }
    }

    public void Dispose()
    {
        _table.Dispose();
        _index?.Dispose();
    }
}
