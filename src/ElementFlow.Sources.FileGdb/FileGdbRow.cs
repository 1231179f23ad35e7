using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb;

/// <summary>One row of a table.</summary>
/// <param name="ObjectId">The row's OBJECTID.</param>
/// <param name="Geometry">The shape, null when the row has none; curves already densified.</param>
/// <param name="Values">Attribute values in the order of <see cref="FileGdbTable.AttributeFields"/>: null, short, int, long, float,
/// double, string, DateTime, DateTimeOffset, TimeSpan, Guid or byte[].</param>
/// <param name="CurveSegments">How many curve segments (arcs, Béziers, elliptic arcs) the shape had before densifying.</param>
/// <param name="GeometryProblem">Why the shape could not be built (a multipatch, an unknown shape type), or null.</param>
public sealed record FileGdbRow(long ObjectId, Geometry? Geometry, object?[] Values, int CurveSegments, string? GeometryProblem);
