using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
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

    /// <summary>Prepares a geometry when it will be tested against many candidates; preparing for one or two costs more than it saves.</summary>
    public static Func<Geometry, bool> IntersectsTest(Geometry geometry, int candidateCount) =>
        candidateCount > 4
            ? PreparedGeometryFactory.Prepare(geometry).Intersects
            : geometry.Intersects;

    private sealed class FeatureDistance : IItemDistance<Envelope, Feature>
    {
        public double Distance(IBoundable<Envelope, Feature> item1, IBoundable<Envelope, Feature> item2) =>
            item1.Item.Geometry!.Distance(item2.Item.Geometry!);
    }
}
