using NetTopologySuite.Geometries;
using NetTopologySuite.Index.HPRtree;

namespace ElementFlow.Spatial;

/// <summary>
/// A long line (the boundary of a dissolved river network, a coastline) cut into short stretches and
/// indexed, so that what a parcel shares with it is an overlay against the few stretches near the parcel
/// instead of against the whole line, which would make the check quadratic.
/// </summary>
public sealed class ShoreIndex
{
    /// <summary>Segments per stretch: short enough that a parcel meets a handful, long enough to keep the index small.</summary>
    private const int SegmentsPerStretch = 32;

    private readonly HPRtree<LineString> _tree = new();

    private ShoreIndex()
    {
    }

    public int Count { get; private set; }

    /// <summary>Indexes the line parts of <paramref name="line"/>, however nested (other parts are ignored).</summary>
    public static ShoreIndex Of(Geometry line)
    {
        var index = new ShoreIndex();
        foreach (var part in NetTopologySuite.Geometries.Utilities.LinearComponentExtracter.GetLines(line).OfType<LineString>())
        {
            if (!part.IsEmpty) index.Add(part);
        }

        index._tree.Build();
        return index;
    }

    /// <summary>The stretches whose envelopes meet <paramref name="envelope"/>.</summary>
    public IList<LineString> Query(Envelope envelope) => Count == 0 ? [] : _tree.Query(envelope);

    private void Add(LineString part)
    {
        var points = part.CoordinateSequence;
        for (var start = 0; start < points.Count - 1; start += SegmentsPerStretch)
        {
            // Consecutive stretches share their end point, so together they are exactly the line.
            var end = Math.Min(points.Count - 1, start + SegmentsPerStretch);
            var coordinates = new Coordinate[end - start + 1];
            for (var k = start; k <= end; k++) coordinates[k - start] = points.GetCoordinateCopy(k);
            var stretch = GeometryServices.Factory.CreateLineString(coordinates);
            _tree.Insert(stretch.EnvelopeInternal, stretch);
            Count++;
        }
    }
}
