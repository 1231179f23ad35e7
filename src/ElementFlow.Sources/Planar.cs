using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace ElementFlow.Sources;

/// <summary>
/// Geometries as the checks read them: X and Y only. Every check measures in the plane, and databases exported
/// with Z or M enabled (ArcGIS's default for many feature classes; our generator's GeoPackages too) would hold
/// each vertex as a four-value coordinate: half again the memory of a million parcels, for values no rule reads.
/// </summary>
internal static class Planar
{
    /// <summary>A copy of the geometry with X and Y of every vertex (sequences already planar are kept as they are).</summary>
    public static Geometry Of(Geometry geometry)
    {
        var sequences = geometry.Factory.CoordinateSequenceFactory;
        return new GeometryEditor(geometry.Factory).Edit(geometry, new GeometryEditor.CoordinateSequenceOperation((seq, _) => DropZm(seq, sequences)));
    }

    private static CoordinateSequence DropZm(CoordinateSequence coordinates, CoordinateSequenceFactory sequences)
    {
        if (coordinates.Dimension <= 2 && coordinates.Measures == 0) return coordinates;
        var planar = sequences.Create(coordinates.Count, 2, 0);
        for (var i = 0; i < coordinates.Count; i++)
        {
            planar.SetX(i, coordinates.GetX(i));
            planar.SetY(i, coordinates.GetY(i));
        }

        return planar;
    }
}
