using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.HPRtree;

namespace ElementFlow.Spatial;

/// <summary>
/// A polygon that many features are tested against (a plan boundary, a zone, a red-line patch), prepared
/// so that the common case costs no geometry work: a feature whose envelope meets none of the polygon's
/// edges lies wholly inside or wholly outside it, and one point-in-polygon lookup says which. Only
/// features near the polygon's edges go to NTS's prepared predicates, which copy the feature's
/// coordinates on every call (at 100k parcels that allocation kept the collector busy half the time).
/// Thread-safe once built: every index is built here, and later calls only read.
/// </summary>
public sealed class PreparedContainer
{
    private readonly Geometry _polygon;
    private readonly IPreparedGeometry _prepared;
    /// <summary>Segments per indexed stretch of edge: few, so each envelope hugs its edge (a whole monotone chain can span a quadrant of the polygon).</summary>
    private const int SegmentsPerStretch = 4;

    private readonly HPRtree<object> _edges = new();
    private readonly IndexedPointInAreaLocator _locator;

    public PreparedContainer(Geometry polygon)
    {
        _polygon = polygon;
        _prepared = PreparedGeometryFactory.Prepare(polygon);
        for (var i = 0; i < polygon.NumGeometries; i++)
        {
            if (polygon.GetGeometryN(i) is not Polygon part) continue;
            AddRing(part.ExteriorRing);
            foreach (var hole in part.InteriorRings) AddRing(hole);
        }

        _edges.Build();
        _locator = new IndexedPointInAreaLocator(polygon);

        // The locator builds its index on first use; do it now, on one thread.
        _locator.Locate(polygon.EnvelopeInternal.Centre);
    }

    /// <summary>True when the polygon covers <paramref name="geometry"/> (no point of it outside).</summary>
    public bool Covers(Geometry geometry) => Quick(geometry) switch
    {
        Location.Interior => true,
        Location.Exterior => false,
        _ => _prepared.Covers(geometry),
    };

    /// <summary>True when the polygon and <paramref name="geometry"/> share any point.</summary>
    public bool Intersects(Geometry geometry) => Quick(geometry) switch
    {
        Location.Interior => true,
        Location.Exterior => false,
        _ => _prepared.Intersects(geometry),
    };

    /// <summary>
    /// Interior or Exterior when the geometry's envelope meets no edge of the polygon (then the whole
    /// geometry lies on one side, the side of any of its points); Boundary when it cannot tell cheaply.
    /// </summary>
    private Location Quick(Geometry geometry)
    {
        if (geometry.IsEmpty) return Location.Boundary;
        var envelope = geometry.EnvelopeInternal;
        if (!_polygon.EnvelopeInternal.Intersects(envelope)) return Location.Exterior;
        var meets = new EdgeProbe();
        _edges.Query(envelope, meets);
        return meets.Found ? Location.Boundary : _locator.Locate(geometry.Coordinate);
    }

    private void AddRing(LineString ring)
    {
        var points = ring.CoordinateSequence;
        for (var start = 0; start < points.Count - 1; start += SegmentsPerStretch)
        {
            var envelope = new Envelope();
            var end = Math.Min(points.Count - 1, start + SegmentsPerStretch);
            for (var k = start; k <= end; k++) envelope.ExpandToInclude(points.GetX(k), points.GetY(k));
            _edges.Insert(envelope, ring);
        }
    }

    /// <summary>Notes whether any stretch's envelope met the query (HPRtree visits candidates; no list is built).</summary>
    private sealed class EdgeProbe : NetTopologySuite.Index.IItemVisitor<object>
    {
        public bool Found { get; private set; }

        public void VisitItem(object item) => Found = true;
    }
}
