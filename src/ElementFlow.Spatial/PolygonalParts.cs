using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>Keeps the area-bearing part of an overlay result (an intersection of polygons can hold stray lines and points).</summary>
public static class PolygonalParts
{
    public static Geometry Of(Geometry geometry)
    {
        if (geometry is Polygon or MultiPolygon) return geometry;
        if (geometry is not GeometryCollection collection) return geometry.Factory.CreatePolygon();
        var polygons = new List<Polygon>();
        for (var i = 0; i < collection.NumGeometries; i++)
        {
            switch (collection.GetGeometryN(i))
            {
                case Polygon p when !p.IsEmpty: polygons.Add(p); break;
                case MultiPolygon mp:
                    for (var j = 0; j < mp.NumGeometries; j++) polygons.Add((Polygon)mp.GetGeometryN(j));
                    break;
            }
        }

        return polygons.Count switch
        {
            0 => geometry.Factory.CreatePolygon(),
            1 => polygons[0],
            _ => geometry.Factory.CreateMultiPolygon(polygons.ToArray()),
        };
    }

    public static bool IsPolygonal(this Geometry? g) => g is Polygon or MultiPolygon;

    public static bool IsPuntal(this Geometry? g) => g is Point or MultiPoint;
}
