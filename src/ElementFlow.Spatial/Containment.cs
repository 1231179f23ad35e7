using System.Collections.Concurrent;
using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace ElementFlow.Spatial;

/// <summary>
/// What of a feature lies outside the union of another layer: <see cref="Area"/> for polygons,
/// <see cref="Length"/> for lines, <see cref="Distance"/> to the nearest container for points.
/// </summary>
public sealed record OutsidePart(Feature Feature, double Area, double Distance, Geometry Outside, int Part)
{
    public double Length { get; init; }
}

/// <summary>Measures what of each feature lies outside a containing layer, using the container's index.</summary>
public static class Containment
{
    /// <param name="features">The features that should be inside.</param>
    /// <param name="container">The index of the containing layer.</param>
    /// <param name="perPart">One result per separate outside part instead of one per feature.</param>
    /// <param name="cancellation">Stops the measurement between features.</param>
    public static IReadOnlyList<OutsidePart> Outside(IReadOnlyList<Feature> features, FeatureIndex container, bool perPart, CancellationToken cancellation = default)
    {
        var found = new ConcurrentBag<OutsidePart>();
        Parallel.ForEach(features, new ParallelOptions { CancellationToken = cancellation }, feature =>
        {
            if (feature.Geometry is not { IsEmpty: false } geometry) return;
            foreach (var part in Measure(feature, geometry, container, perPart)) found.Add(part);
        });
        return found.OrderBy(p => p.Feature.Ordinal).ThenBy(p => p.Part).ToList();
    }

    /// <summary>
    /// The union of many containers (a land-use layer under its plan boundary), at a cost that does not grow
    /// with their defects: the coverage screen, with the feature as the frame, clears every container whose
    /// edges all match a neighbour's or the frame's; those form a clean coverage and merge by coverage union
    /// alone, and only the suspects (defects, their neighbours, a rim that does not follow the frame) go
    /// through the general union, once, with the clean result. Without the screen a defect in most groups
    /// of the grouped union (0.5 % of parcels is one in most groups of 256) sent nearly all of them, and
    /// the levels above, to the general union.
    /// </summary>
    internal static Geometry ScreenedUnion(IReadOnlyList<Geometry> containers, Geometry frame)
    {
        if (containers.Count < ManyUnion.Threshold) return ManyUnion.Union(containers);
        var suspect = CoverageScreen.Suspects(containers, frame);
        var clean = new List<Geometry>(containers.Count);
        var rest = new List<Geometry>();
        for (var i = 0; i < containers.Count; i++) (suspect[i] ? rest : clean).Add(containers[i]);
        if (rest.Count == 0) return ManyUnion.Union(clean);
        var cleanUnion = ManyUnion.Union(clean);
        return Overlaps.Union([cleanUnion, Overlaps.Union(rest)]);
    }

    /// <summary>
    /// The frame less the union of many containers (a plan boundary less its land use), computed only where
    /// a gap can be: a gap is bounded by container edges that no neighbour shares, so the coverage screen
    /// (with the frame) marks every container along a gap a suspect, and the clean coverage contributes no
    /// gap at all. The suspects are grouped into clusters of nearby ones; each cluster's window (its
    /// envelope, a little expanded, windows kept apart) is clipped from the frame and less the union of its
    /// suspects alone; of the pieces, those no clean container covers are the gaps of that cluster. A gap
    /// that reaches its window's edge (a gap bounded by the frame more than by suspects), or a piece that
    /// is neither clean nor gap whole, is not local: then the whole difference is computed as before.
    /// Frame parts that no container meets are gaps whole.
    /// </summary>
    internal static Geometry ScreenedDifference(Geometry frame, IReadOnlyList<Geometry> containers)
    {
        if (containers.Count < ManyUnion.Threshold || !frame.IsPolygonal()) return Overlaps.Difference(frame, ScreenedUnion(containers, frame));
        var suspect = CoverageScreen.Suspects(containers, frame);

        var tree = new NetTopologySuite.Index.Strtree.STRtree<int>();
        for (var i = 0; i < containers.Count; i++) tree.Insert(containers[i].EnvelopeInternal, i);
        tree.Build();

        var pieces = new List<Geometry>();

        // Frame parts that no container meets: bounded by the frame alone, no suspect marks them.
        for (var p = 0; p < frame.NumGeometries; p++)
        {
            var part = frame.GetGeometryN(p);
            if (part.IsEmpty) continue;
            if (!tree.Query(part.EnvelopeInternal).Any(i => containers[i].Relate(part, "T********"))) pieces.Add(part);
        }

        var suspects = new List<Envelope>();
        for (var i = 0; i < containers.Count; i++)
        {
            if (suspect[i]) suspects.Add(containers[i].EnvelopeInternal);
        }

        var fextent = frame.EnvelopeInternal;
        var margin = Math.Max(1.0, 1e-6 * Math.Max(fextent.Width, fextent.Height));
        var windows = Windows(suspects, margin);

        // A window of many suspects (on a plan where one parcel in twenty is defective the windows merge into
        // one the size of the plan) is cut into cells of a few dozen suspects each, so that no union or
        // difference is ever plan-sized. A gap cut by a cell's edge comes out in pieces, merged below.
        var cells = new List<(int Window, Envelope Cell)>();
        for (var w = 0; w < windows.Count; w++)
        {
            var count = suspects.Count(e => windows[w].Covers(e));
            var side = (int)Math.Ceiling(Math.Sqrt(count / (double)SuspectsPerCell));
            foreach (var cell in Grid(windows[w], Math.Max(1, side))) cells.Add((w, cell));
        }

        // Prepared geometry builds its indexes lazily, so it is asked on this thread only.
        var prepared = PreparedGeometryFactory.Prepare(frame);
        var boxes = cells.Select(c => GeometryServices.Factory.ToGeometry(c.Cell)).ToArray();
        var covered = boxes.Select(prepared.Covers).ToArray();
        var local = new List<Geometry>?[cells.Count];
        var seams = new List<Geometry>?[cells.Count];
        var fallback = false;
        Parallel.For(0, cells.Count, (c, state) =>
        {
            var (window, cell) = (windows[cells[c].Window], cells[c].Cell);
            var clip = covered[c] ? boxes[c] : Overlaps.Intersection(frame, boxes[c]);

            // The cell less its suspects falls into pieces each either gap whole or covered whole by clean
            // containers: a border between gap and clean cover would be an unshared clean edge. A clean
            // container over a piece's interior point tells them apart.
            var own = tree.Query(cell).Where(i => suspect[i] && containers[i].EnvelopeInternal.Intersects(cell)).Select(i => containers[i]).ToList();
            // Suspects around a gap (a dropped or shrunk parcel) still form a coverage, merged by dropping shared
            // edges; only those around an overlap need the overlay union.
            var rest = own.Count == 0 ? clip : Overlaps.Difference(clip, ManyUnion.CoverageOrCascaded(own));
            var found = new List<Geometry>();
            var cut = new List<Geometry>();
            for (var k = 0; k < rest.NumGeometries; k++)
            {
                var piece = rest.GetGeometryN(k);
                if (piece.IsEmpty || piece.Area <= 0) continue;
                // Clean containers are looked up by the piece, not scanned per cell.
                var inside = piece.InteriorPoint;
                if (tree.Query(inside.EnvelopeInternal).Any(i => !suspect[i] && containers[i].Covers(inside))) continue;

                // A gap indeed (checked by its interior, not one point), and it must not reach the window's edge:
                // there it may go on outside the window, where no suspect was looked at.
                var e = piece.EnvelopeInternal;
                if (tree.Query(e).Any(i => !suspect[i] && containers[i].Relate(piece, "T********"))
                    || e.MinX <= window.MinX || e.MinY <= window.MinY || e.MaxX >= window.MaxX || e.MaxY >= window.MaxY)
                {
                    fallback = true;
                    state.Stop();
                    return;
                }

                (e.MinX <= cell.MinX || e.MinY <= cell.MinY || e.MaxX >= cell.MaxX || e.MaxY >= cell.MaxY ? cut : found).Add(piece);
            }

            local[c] = found;
            seams[c] = cut;
        });

        if (fallback) return Overlaps.Difference(frame, ScreenedUnion(containers, frame));
        foreach (var found in local) pieces.AddRange(found!);
        var split = seams.SelectMany(s => s!).ToList();
        if (split.Count > 0)
        {
            var joined = Overlaps.Union(split);
            for (var k = 0; k < joined.NumGeometries; k++) pieces.Add(joined.GetGeometryN(k));
        }

        if (pieces.Count == 0) return GeometryServices.Factory.CreatePolygon();
        return PolygonalParts.Of(GeometryServices.Factory.BuildGeometry(pieces));
    }

    /// <summary>Suspects per cell of a large window: unions and differences of this size take milliseconds.</summary>
    internal const int SuspectsPerCell = 64;

    /// <summary>An envelope cut into side × side equal cells; the outer edges are the envelope's own.</summary>
    private static IEnumerable<Envelope> Grid(Envelope window, int side)
    {
        if (side == 1)
        {
            yield return window;
            yield break;
        }

        double X(int i) => i == side ? window.MaxX : window.MinX + (window.Width * i / side);
        double Y(int j) => j == side ? window.MaxY : window.MinY + (window.Height * j / side);
        for (var j = 0; j < side; j++)
        {
            for (var i = 0; i < side; i++) yield return new Envelope(X(i), X(i + 1), Y(j), Y(j + 1));
        }
    }

    /// <summary>Clusters of suspect envelopes, each expanded by the margin, merged until no two windows meet.</summary>
    private static List<Envelope> Windows(List<Envelope> suspects, double margin)
    {
        var windows = suspects.Select(e => { var x = e.Copy(); x.ExpandBy(margin); return x; }).ToList();
        while (true)
        {
            var tree = new NetTopologySuite.Index.Strtree.STRtree<int>();
            for (var i = 0; i < windows.Count; i++) tree.Insert(windows[i], i);
            tree.Build();
            var parent = Enumerable.Range(0, windows.Count).ToArray();
            int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
            var merged = false;
            for (var i = 0; i < windows.Count; i++)
            {
                foreach (var j in tree.Query(windows[i]))
                {
                    if (j == i || !windows[i].Intersects(windows[j])) continue;
                    int a = Find(i), b = Find(j);
                    if (a == b) continue;
                    parent[a] = b;
                    merged = true;
                }
            }

            if (!merged) return windows;
            var groups = new Dictionary<int, Envelope>();
            for (var i = 0; i < windows.Count; i++)
            {
                var root = Find(i);
                if (groups.TryGetValue(root, out var env)) env.ExpandToInclude(windows[i]);
                else groups[root] = windows[i].Copy();
            }

            windows = groups.OrderBy(g => g.Key).Select(g => g.Value).ToList();
        }
    }

    private static IEnumerable<OutsidePart> Measure(Feature feature, Geometry geometry, FeatureIndex container, bool perPart)
    {
        var containers = container.Candidates(geometry.EnvelopeInternal).Where(c => c.Geometry.IsPolygonal()).ToList();
        var candidates = containers.Select(c => c.Geometry!).ToList();

        if (geometry.IsPuntal())
        {
            // Points: inside when some container covers them; otherwise how far away they are.
            if (containers.Any(c => container.Prepared(c).Covers(geometry))) yield break;
            var distance = container.DistanceToNearestPolygon(geometry);
            yield return new OutsidePart(feature, 0, double.IsInfinity(distance) ? 0 : distance, geometry, 0);
            yield break;
        }

        if (!geometry.IsPolygonal())
        {
            // Lines: the length that runs outside the containers.
            if (candidates.Any(c => c.Covers(geometry))) yield break;
            var outsideLine = candidates.Count == 0 ? geometry : geometry.Difference(Overlaps.Union(candidates));
            if (outsideLine.Length > 0) yield return new OutsidePart(feature, 0, 0, outsideLine, 0) { Length = outsideLine.Length };
            yield break;
        }

        // The common case: one container covers the feature whole, decided by its cached prepared geometry.
        var envelope = geometry.EnvelopeInternal;
        foreach (var c in containers)
        {
            if (c.Geometry!.EnvelopeInternal.Covers(envelope) && container.Prepared(c).Covers(geometry)) yield break;
        }

        // Otherwise the feature less the union of the containers it meets; a large feature meeting many
        // containers (a plan boundary over its parcels) is prepared for the test.
        Func<Geometry, bool> meets = candidates.Count > 4 ? PreparedGeometryFactory.Prepare(geometry).Intersects : geometry.Intersects;
        var outside = candidates.Count == 0
            ? geometry
            : ScreenedDifference(geometry, candidates.Where(meets).ToList());
        if (outside.IsEmpty || outside.Area <= 0) yield break;

        if (!perPart)
        {
            yield return new OutsidePart(feature, outside.Area, 0, outside, 0);
            yield break;
        }

        for (var i = 0; i < outside.NumGeometries; i++)
        {
            var piece = outside.GetGeometryN(i);
            if (piece.Area > 0) yield return new OutsidePart(feature, piece.Area, 0, piece, i + 1);
        }
    }
}
