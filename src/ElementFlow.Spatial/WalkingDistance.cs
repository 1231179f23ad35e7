using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>
/// How far each origin (a home) is from the nearest of a set of targets (facilities of one kind, parks),
/// up to a cutoff: by straight line, or on foot along a <see cref="RoadNetwork"/>. Distances beyond the
/// cutoff come back as infinity.
/// </summary>
/// <remarks>
/// Straight line: one envelope query per origin on the targets' index, expanded by the cutoff.
/// Network: a walk leaves the origin straight to its nearest road point (the snap leg), follows the
/// roads, and leaves them straight to the target (at most the snap distance) at the target's own
/// nearest road point, at any road node within the snap distance of it, or at the origin's road
/// point when the target lies that close. Every such walk is at least as long as the straight
/// line, so the network share never exceeds the straight-line share. All targets of a kind feed
/// one multi-source Dijkstra.
/// </remarks>
public static class WalkingDistance
{
    public static double[] StraightLine(IReadOnlyList<Coordinate> origins, FeatureIndex targets, double cutoff)
    {
        var result = new double[origins.Count];
        for (var i = 0; i < origins.Count; i++)
        {
            var best = double.PositiveInfinity;
            foreach (var target in targets.Candidates(Around(origins[i], cutoff)))
            {
                if (Gap(target.Geometry!.EnvelopeInternal, origins[i]) >= best) continue;
                var d = DistanceTo(target.Geometry!, origins[i]);
                if (d < best) best = d;
            }

            result[i] = best <= cutoff ? best : double.PositiveInfinity;
        }

        return result;
    }

    /// <param name="origins">The homes.</param>
    /// <param name="originSnaps">Where each home joins the network (null: no road within the snap distance, so out of reach).</param>
    /// <param name="targets">The targets, and <paramref name="index"/> over the same features.</param>
    public static double[] Network(
        RoadNetwork network, IReadOnlyList<Coordinate> origins, IReadOnlyList<RoadSnap?> originSnaps,
        IReadOnlyList<Feature> targets, FeatureIndex index, double cutoff, double snapDistance)
    {
        var sources = new List<(int Node, double Start)>();
        var onEdge = new Dictionary<int, List<(double Position, double Leg)>>();
        foreach (var target in targets)
        {
            if (target.Geometry is not { IsEmpty: false } g) continue;
            if (network.Snap(g, snapDistance) is { } snap)
            {
                var (from, to, length) = network.Edge(snap.Edge);
                sources.Add((from, snap.Leg + snap.Position));
                sources.Add((to, snap.Leg + length - snap.Position));
                (onEdge.TryGetValue(snap.Edge, out var list) ? list : onEdge[snap.Edge] = []).Add((snap.Position, snap.Leg));
            }

            sources.AddRange(network.NodesNear(g, snapDistance));
        }

        var reach = network.Distances(sources, cutoff);
        var result = new double[origins.Count];
        for (var i = 0; i < origins.Count; i++)
        {
            result[i] = double.PositiveInfinity;
            if (originSnaps[i] is not { } snap) continue;
            var (from, to, length) = network.Edge(snap.Edge);
            var best = Math.Min(reach[from] + snap.Position, reach[to] + length - snap.Position);
            if (onEdge.TryGetValue(snap.Edge, out var here))
            {
                foreach (var (position, leg) in here) best = Math.Min(best, Math.Abs(position - snap.Position) + leg);
            }

            var joint = network.PointOf(snap);
            foreach (var target in index.Candidates(Around(joint, snapDistance)))
            {
                var d = DistanceTo(target.Geometry!, joint);
                if (d <= snapDistance) best = Math.Min(best, d);
            }

            var total = snap.Leg + best;
            result[i] = total <= cutoff ? total : double.PositiveInfinity;
        }

        return result;
    }

    /// <summary>Where each origin joins the network, or null when no road lies within the snap distance.</summary>
    public static RoadSnap?[] Snap(RoadNetwork network, IReadOnlyList<Coordinate> origins, double snapDistance)
    {
        var snaps = new RoadSnap?[origins.Count];
        for (var i = 0; i < origins.Count; i++) snaps[i] = network.Snap(origins[i], snapDistance);
        return snaps;
    }

    /// <summary>Distance from a point to a geometry: zero inside a polygon.</summary>
    public static double DistanceTo(Geometry g, Coordinate c) => PointDistance.To(g, c);

    /// <summary>Distance from a point to a box: a lower bound of the distance to what the box holds.</summary>
    private static double Gap(Envelope e, Coordinate c)
    {
        var dx = Math.Max(0, Math.Max(e.MinX - c.X, c.X - e.MaxX));
        var dy = Math.Max(0, Math.Max(e.MinY - c.Y, c.Y - e.MaxY));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static Envelope Around(Coordinate c, double distance)
    {
        var envelope = new Envelope(c);
        envelope.ExpandBy(distance);
        return envelope;
    }
}
