using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.RelateNG;
using NetTopologySuite.Index.Strtree;

namespace ElementFlow.Spatial;

/// <summary>
/// A read-only spatial index over the features of one layer (or a filtered part of it), built once and
/// shared by every measurement that needs it. Querying is thread-safe once built.
/// </summary>
public sealed class FeatureIndex
{
    private readonly STRtree<Feature> _tree = new();

    public FeatureIndex(IEnumerable<Feature> features)
    {
        foreach (var f in features)
        {
            if (f.Geometry is { IsEmpty: false } g)
            {
                _tree.Insert(g.EnvelopeInternal, f);
                Count++;
            }
        }

        _tree.Build();
    }

    public int Count { get; }

    public IList<Feature> Candidates(Envelope envelope) => Count == 0 ? [] : _tree.Query(envelope);

    /// <summary>The distance from a geometry to the nearest indexed feature, or infinity for an empty index.</summary>
    public double DistanceToNearest(Geometry geometry)
    {
        if (Count == 0) return double.PositiveInfinity;
        var nearest = _tree.NearestNeighbour(geometry.EnvelopeInternal, new Feature("", geometry, new Dictionary<string, object?>(), 0), new FeatureDistance());
        return nearest?.Geometry?.Distance(geometry) ?? double.PositiveInfinity;
    }

    /// <summary>DE-9IM pattern "interiors meet": touching neighbours of a coverage do not match.</summary>
    private const string InteriorsIntersect = "T********";

    /// <summary>
    /// A test for "the interiors meet" (areas overlap, not just touch), prepared with RelateNG when the
    /// geometry meets many candidates; preparing for one or two costs more than it saves.
    /// </summary>
    public static Func<Geometry, bool> InteriorsIntersectTest(Geometry geometry, int candidateCount)
    {
        if (candidateCount > 4)
        {
            var prepared = RelateNG.Prepare(geometry);
            return other => prepared.Evaluate(other, InteriorsIntersect);
        }

        return other => RelateNG.Relate(geometry, other, InteriorsIntersect);
    }

    private sealed class FeatureDistance : IItemDistance<Envelope, Feature>
    {
        public double Distance(IBoundable<Envelope, Feature> item1, IBoundable<Envelope, Feature> item2) =>
            item1.Item.Geometry!.Distance(item2.Item.Geometry!);
    }
}
