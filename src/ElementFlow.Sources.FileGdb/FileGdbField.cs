namespace ElementFlow.Sources.FileGdb;

/// <summary>The field types of a File Geodatabase table, by their code in the field descriptions.</summary>
public enum FileGdbFieldType : byte
{
    Int16 = 0,
    Int32 = 1,
    Float32 = 2,
    Float64 = 3,
    String = 4,
    DateTime = 5,
    ObjectId = 6,
    Geometry = 7,
    Binary = 8,
    Raster = 9,
    Guid = 10,
    GlobalId = 11,
    Xml = 12,
    Int64 = 13,
    Date = 14,
    Time = 15,
    DateTimeWithOffset = 16,
}

/// <summary>The geometry type a feature class declares.</summary>
public enum FileGdbGeometryType : byte
{
    None = 0,
    Point = 1,
    MultiPoint = 2,
    Polyline = 3,
    Polygon = 4,
    MultiPatch = 9,
}

/// <summary>One field of a table as its description declares it.</summary>
/// <param name="Length">The declared width of a string field (characters); 0 for other types.</param>
public sealed record FileGdbField(string Name, string Alias, FileGdbFieldType Type, bool Nullable, int Length);

/// <summary>How a table stores coordinates: integers scaled from an origin, and the spatial reference as WKT.</summary>
internal sealed record GeometryEncoding(double XOrigin, double YOrigin, double XYScale, string Wkt);
