using System.Collections.Concurrent;
using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.HPRtree;
using NetTopologySuite.Index.Strtree;

namespace ElementFlow.Spatial;

/// <summary>
/// A read-only spatial index over the features of one layer (or a filtered part of it), built once and
/// shared by every measurement that needs it. Querying is thread-safe once built.
/// </summary>
public sealed class FeatureIndex
{
    // Hilbert-packed R-tree for envelope queries: measured 180 ms to build over 100k parcels against
    // 1.1 s for an STRtree, and faster queries (tech-notes §4.1). NTS has nearest-neighbour search on the
    // STRtree only, so that one is built from the same features when a distance is first asked for.
    private readonly HPRtree<Feature> _tree = new();
    private readonly List<Feature> _features = [];
    private readonly Lazy<STRtree<Feature>> _nearest;
    private readonly ConcurrentDictionary<Feature, Lazy<PreparedContainer>> _prepared = new(ReferenceEqualityComparer.Instance);

    public FeatureIndex(IEnumerable<Feature> features)
    {
        foreach (var f in features)
        {
            if (f.Geometry is { IsEmpty: false } g)
            {
                _tree.Insert(g.EnvelopeInternal, f);
                _features.Add(f);
            }
        }

        _tree.Build();
        _nearest = new Lazy<STRtree<Feature>>(() =>
        {
            var tree = new STRtree<Feature>();
            foreach (var f in _features) tree.Insert(f.Geometry!.EnvelopeInternal, f);
            tree.Build();
            return tree;
        });
    }

    public int Count => _features.Count;

    public IList<Feature> Candidates(Envelope envelope) => Count == 0 ? [] : _tree.Query(envelope);

    /// <summary>
    /// The prepared geometry of an indexed feature, made on first use and kept: a container tested against
    /// many features (a plan boundary, a red-line polygon) is prepared once, not once per test.
    /// </summary>
    /// <remarks>Lazy, so two threads asking for the same large container at once build it once.</remarks>
    public PreparedContainer Prepared(Feature feature) =>
        _prepared.GetOrAdd(feature, f => new Lazy<PreparedContainer>(() => new PreparedContainer(f.Geometry!))).Value;

    /// <summary>The distance from a geometry to the nearest indexed polygon, or infinity when there is none.</summary>
    public double DistanceToNearestPolygon(Geometry geometry)
    {
        if (Count == 0) return double.PositiveInfinity;
        var probe = new Feature("", geometry, new Dictionary<string, object?>(), 0);
        var nearest = _nearest.Value.NearestNeighbour(geometry.EnvelopeInternal, probe, new PolygonDistance());
        return nearest?.Geometry is { } g && g.IsPolygonal() ? g.Distance(geometry) : double.PositiveInfinity;
    }

    /// <summary>Distance to polygons only: lines and points in a container layer do not contain anything.</summary>
    private sealed class PolygonDistance : IItemDistance<Envelope, Feature>
    {
        public double Distance(IBoundable<Envelope, Feature> item1, IBoundable<Envelope, Feature> item2)
        {
            var a = item1.Item.Geometry!;
            var b = item2.Item.Geometry!;
            if (!(a.IsPolygonal() || ReferenceEquals(item1.Item.Id, "")) || !(b.IsPolygonal() || ReferenceEquals(item2.Item.Id, ""))) return double.MaxValue;
            return a.Distance(b);
        }
    }
}
