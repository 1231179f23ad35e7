using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace ElementFlow.Spatial;

/// <summary>
/// The one geometry configuration every reader and measurement uses: floating precision (areas then
/// agree with PostGIS to the centimetre), OverlayNG and RelateNG. Mixing factories with different
/// overlay settings throws inside NTS, so nothing else may create a factory.
/// </summary>
public static class GeometryServices
{
    public static NtsGeometryServices Services { get; } = new(
        CoordinateArraySequenceFactory.Instance,
        PrecisionModel.Floating.Value,
        0,
        GeometryOverlay.NG,
        GeometryRelate.NG,
        new CoordinateEqualityComparer());

    public static GeometryFactory Factory { get; } = Services.CreateGeometryFactory();
}
