using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Noding;

namespace ElementFlow.Spatial;

/// <summary>Where something joins the road network: a point on one segment, and the straight leg to get there.</summary>
/// <param name="Edge">The segment.</param>
/// <param name="Position">Distance along the segment from its first node to the joining point.</param>
/// <param name="Leg">Straight-line distance from the thing to the joining point.</param>
public readonly record struct RoadSnap(int Edge, double Position, double Leg);

/// <summary>
/// A walking network built from road lines (or the outlines of road polygons): nodes at every vertex,
/// line end and crossing (the lines are noded with NTS's MCIndexNoder), segments as undirected edges weighted
/// by their length. Shortest distances come from one multi-source Dijkstra with a cutoff.
/// </summary>
/// <remarks>
/// The Dijkstra is our own, on compact arrays with .NET's <see cref="PriorityQueue{TElement, TPriority}"/>,
/// rather than QuikGraph's: QuikGraph's algorithm takes one root (several sources need a super-source
/// with weighted edges), has no cutoff, and allocates an object per edge; this needs neither a
/// package nor more than a screenful of code. Roads crossing on the map are joined: plan data has no
/// bridge levels. Ends that miss another line by any gap stay apart.
/// Thread-safe for queries once built.
/// </remarks>
public sealed class RoadNetwork
{
    private readonly Coordinate[] _nodes;
    private readonly int[] _from;
    private readonly int[] _to;
    private readonly double[] _length;
    private readonly int[] _adjacencyStart;
    private readonly int[] _adjacency;
    private readonly STRtree<int> _edgeIndex = new();
    private readonly STRtree<int> _nodeIndex = new();

    private RoadNetwork(Coordinate[] nodes, List<(int From, int To)> edges)
    {
        _nodes = nodes;
        _from = edges.Select(e => e.From).ToArray();
        _to = edges.Select(e => e.To).ToArray();
        _length = edges.Select(e => nodes[e.From].Distance(nodes[e.To])).ToArray();

        // Compressed adjacency: the edges of node n are _adjacency[_adjacencyStart[n] .. _adjacencyStart[n + 1]).
        _adjacencyStart = new int[nodes.Length + 1];
        foreach (var (a, b) in edges)
        {
            _adjacencyStart[a + 1]++;
            _adjacencyStart[b + 1]++;
        }

        for (var n = 0; n < nodes.Length; n++) _adjacencyStart[n + 1] += _adjacencyStart[n];
        _adjacency = new int[_adjacencyStart[nodes.Length]];
        var fill = _adjacencyStart[..^1].ToArray();
        for (var e = 0; e < edges.Count; e++)
        {
            _adjacency[fill[edges[e].From]++] = e;
            _adjacency[fill[edges[e].To]++] = e;
        }

        for (var e = 0; e < edges.Count; e++) _edgeIndex.Insert(new Envelope(nodes[_from[e]], nodes[_to[e]]), e);
        for (var n = 0; n < nodes.Length; n++) _nodeIndex.Insert(new Envelope(nodes[n]), n);
        _edgeIndex.Build();
        _nodeIndex.Build();
    }

    public int NodeCount => _nodes.Length;

    public int EdgeCount => _from.Length;

    public Coordinate Node(int n) => _nodes[n];

    public (int From, int To, double Length) Edge(int e) => (_from[e], _to[e], _length[e]);

    /// <summary>Builds the network from lines and polygons (a polygon contributes its outline).</summary>
    public static RoadNetwork Build(IEnumerable<Geometry> roads)
    {
        var lines = new List<LineString>();
        foreach (var road in roads) CollectLines(road, lines);
        var edges = new List<(int, int)>();
        var nodes = new Dictionary<Coordinate, int>();
        if (lines.Count == 0) return new RoadNetwork([], edges);

        // Node the lines at every crossing and touch (MCIndexNoder: a monotone-chain index of the segments);
        // both lines of a crossing get the same computed point, so they share the node.
        var strings = lines.Select(l => (ISegmentString)new NodedSegmentString(l.Coordinates, null)).ToList();
        var noder = new MCIndexNoder(new IntersectionAdder(new RobustLineIntersector()));
        noder.ComputeNodes(strings);
        int NodeOf(Coordinate c)
        {
            if (!nodes.TryGetValue(c, out var n)) nodes[c] = n = nodes.Count;
            return n;
        }

        foreach (var piece in noder.GetNodedSubstrings())
        {
            var cs = piece.Coordinates;
            for (var k = 1; k < cs.Length; k++)
            {
                if (cs[k - 1].Equals2D(cs[k])) continue;
                edges.Add((NodeOf(new Coordinate(cs[k - 1].X, cs[k - 1].Y)), NodeOf(new Coordinate(cs[k].X, cs[k].Y))));
            }
        }

        var coordinates = new Coordinate[nodes.Count];
        foreach (var (c, n) in nodes) coordinates[n] = c;
        return new RoadNetwork(coordinates, edges);
    }

    private static void CollectLines(Geometry? g, List<LineString> into)
    {
        switch (g)
        {
            case null or { IsEmpty: true }: return;
            case LineString l: into.Add(l); return;
            case Polygon p:
                into.Add(p.ExteriorRing);
                into.AddRange(p.InteriorRings);
                return;
            case GeometryCollection c:
                for (var i = 0; i < c.NumGeometries; i++) CollectLines(c.GetGeometryN(i), into);
                return;
        }
    }

    /// <summary>The nearest point of the network to a point, when it lies within <paramref name="maxDistance"/>.</summary>
    public RoadSnap? Snap(Coordinate p, double maxDistance)
    {
        var envelope = new Envelope(p);
        envelope.ExpandBy(maxDistance);
        var visitor = new NearestEdge(this, p, maxDistance);
        _edgeIndex.Query(envelope, visitor);
        return visitor.Best;
    }

    /// <summary>Keeps the nearest edge while the index visits the candidates (no list, no segment objects).</summary>
    private sealed class NearestEdge(RoadNetwork network, Coordinate p, double maxDistance) : NetTopologySuite.Index.IItemVisitor<int>
    {
        public RoadSnap? Best { get; private set; }

        public void VisitItem(int e)
        {
            var (a, b) = (network._nodes[network._from[e]], network._nodes[network._to[e]]);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var length2 = (dx * dx) + (dy * dy);
            var t = length2 > 0 ? Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / length2, 0, 1) : 0;
            var (x, y) = (a.X + (t * dx), a.Y + (t * dy));
            var leg = Math.Sqrt(((p.X - x) * (p.X - x)) + ((p.Y - y) * (p.Y - y)));
            if (leg > maxDistance || (Best is { } best && (leg > best.Leg || (leg == best.Leg && e > best.Edge)))) return;
            Best = new RoadSnap(e, t * network._length[e], leg);
        }
    }

    /// <summary>The nearest point of the network to any geometry (a point, or the nearest point of a polygon's area).</summary>
    public RoadSnap? Snap(Geometry g, double maxDistance)
    {
        if (g is Point point) return Snap(point.Coordinate, maxDistance);
        var envelope = g.EnvelopeInternal.Copy();
        envelope.ExpandBy(maxDistance);
        RoadSnap? best = null;
        foreach (var e in _edgeIndex.Query(envelope))
        {
            var line = GeometryServices.Factory.CreateLineString([_nodes[_from[e]], _nodes[_to[e]]]);
            var nearest = DistanceOp.NearestPoints(line, g);
            var leg = nearest[0].Distance(nearest[1]);
            if (leg > maxDistance || (best is { } b && (leg > b.Leg || (leg == b.Leg && e > b.Edge)))) continue;
            best = new RoadSnap(e, _nodes[_from[e]].Distance(nearest[0]), leg);
        }

        return best;
    }

    /// <summary>The point a snap joins the network at.</summary>
    public Coordinate PointOf(RoadSnap snap)
    {
        var (a, b) = (_nodes[_from[snap.Edge]], _nodes[_to[snap.Edge]]);
        var t = _length[snap.Edge] > 0 ? snap.Position / _length[snap.Edge] : 0;
        return new Coordinate(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);
    }

    /// <summary>Nodes within a distance of a geometry, with their distance to it.</summary>
    public IEnumerable<(int Node, double Distance)> NodesNear(Geometry g, double maxDistance)
    {
        var envelope = g.EnvelopeInternal.Copy();
        envelope.ExpandBy(maxDistance);
        foreach (var n in _nodeIndex.Query(envelope))
        {
            var d = PointDistance.To(g, _nodes[n]);
            if (d <= maxDistance) yield return (n, d);
        }
    }

    /// <summary>
    /// Shortest network distance from the nearest of several sources to every node, each source
    /// starting at its own distance; nodes farther than <paramref name="cutoff"/> stay at infinity.
    /// </summary>
    public double[] Distances(IEnumerable<(int Node, double Start)> sources, double cutoff)
    {
        var distance = new double[_nodes.Length];
        Array.Fill(distance, double.PositiveInfinity);
        var queue = new PriorityQueue<int, double>();
        foreach (var (node, start) in sources)
        {
            if (start > cutoff || start >= distance[node]) continue;
            distance[node] = start;
            queue.Enqueue(node, start);
        }

        while (queue.TryDequeue(out var n, out var d))
        {
            if (d > distance[n]) continue; // a stale entry: n was reached more cheaply since
            for (var k = _adjacencyStart[n]; k < _adjacencyStart[n + 1]; k++)
            {
                var e = _adjacency[k];
                var m = _from[e] == n ? _to[e] : _from[e];
                var next = d + _length[e];
                if (next >= distance[m] || next > cutoff) continue;
                distance[m] = next;
                queue.Enqueue(m, next);
            }
        }

        return distance;
    }
}
