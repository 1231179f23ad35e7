using System.Globalization;
using System.Text;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using ElementFlow.Reports.Maps;

namespace ElementFlow.Reports.Html;

/// <summary>A plan layer the map draws, bottom to top, with its muted style and legend label.</summary>
internal sealed record MapLayer(string Role, LocalizedText Label, string Fill, string Stroke, string? Dash = null);

/// <summary>What one plan's map drew: the SVG and the notes for the page (capped layers).</summary>
internal sealed record DrawnMap(string Svg, IReadOnlyList<MapLayer> Legend, IReadOnlyList<LandUseClass> Classes, IReadOnlyList<string> Notes, int Hits);

/// <summary>
/// Draws one plan as inline SVG: its main layers in muted colours under the violation geometries in
/// red. World coordinates are projected to pixels (y up becomes y down) and simplified to half a pixel,
/// so the page stays small however detailed the plan is.
/// </summary>
internal sealed class SvgMap(int maxFeaturesPerLayer)
{
    public const double MaxWidth = 1000;
    public const double MaxHeight = 720;

    /// <summary>Shapes smaller than this (pixels) get a ring around them so they can be seen and clicked.</summary>
    private const double MinVisible = 6;

    private const double HaloRadius = 8;
    private const double PointRadius = 5;

    public static IReadOnlyList<MapLayer> Layers { get; } =
    [
        new("land_use", new("规划用地用海", "Land use"), "#efece3", "#cfc8b6"),
        new("permanent_basic_farmland", new("永久基本农田", "Permanent basic farmland"), "#dfe9c8", "#a9bb85"),
        new("ecological_redline", new("生态保护红线", "Ecological red line"), "#cde3db", "#7fa797"),
        new("urban_development_boundary", new("城镇开发边界", "Urban development boundary"), "none", "#8179ad", "6 3"),
        new("boundary", new("规划范围", "Planning boundary"), "none", "#5f5f5f"),
    ];

    /// <summary>Draws a plan's layers (when known) and its findings; null when there is nothing to draw.</summary>
    public DrawnMap? Draw(Plan? plan, IReadOnlyList<(int Number, Finding Finding)> findings, Language lang)
    {
        var layers = Layers
            .Select(l => (Style: l, Features: plan?.Layer(l.Role)?.Features.Where(f => f.Geometry is { IsEmpty: false }).ToList() ?? []))
            .Where(l => l.Features.Count > 0)
            .ToList();
        var hits = findings.Where(f => f.Finding.Geometry is { IsEmpty: false }).ToList();
        var extent = new Envelope();
        foreach (var (_, features) in layers)
        {
            foreach (var f in features.Take(maxFeaturesPerLayer)) extent.ExpandToInclude(f.Geometry!.EnvelopeInternal);
        }

        foreach (var (_, f) in hits) extent.ExpandToInclude(f.Geometry!.EnvelopeInternal);
        if (extent.IsNull) return null;

        var pad = Math.Max(Math.Max(extent.Width, extent.Height) * 0.02, 1);
        extent.ExpandBy(pad);
        var scale = Math.Min(MaxWidth / extent.Width, MaxHeight / extent.Height);
        var projection = new Projection(extent, scale);
        var width = Math.Ceiling(extent.Width * scale);
        var height = Math.Ceiling(extent.Height * scale);

        var svg = new StringBuilder();
        // The projection travels with the map, so the page can turn a pointer position back into plan coordinates.
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" data-plan=\"{HtmlText.Escape(plan?.Id ?? findings.FirstOrDefault().Finding?.Plan ?? "")}\"")
            .Append(CultureInfo.InvariantCulture, $" data-minx=\"{extent.MinX:0.###}\" data-maxy=\"{extent.MaxY:0.###}\" data-scale=\"{scale:G9}\" data-crs=\"{HtmlText.Escape(plan?.Crs.Text ?? "")}\">");
        svg.Append("<g class=\"layers\">");
        var notes = new List<string>();
        var classes = new SortedDictionary<string, LandUseClass>(StringComparer.Ordinal);
        foreach (var (style, features) in layers)
        {
            // Land use is coloured by first-level class (one path per class); the other layers are one muted path each.
            var groups = style.Role == LayerRole.LandUse.Name
                ? features.Take(maxFeaturesPerLayer).GroupBy(LandUsePalette.ClassOf).OrderBy(g => g.Key?.Code ?? "99", StringComparer.Ordinal).Select(g => (Class: g.Key, Features: g.ToList())).ToList()
                : [(Class: (LandUseClass?)null, Features: features.Take(maxFeaturesPerLayer).ToList())];
            foreach (var (landUse, members) in groups)
            {
                var d = new StringBuilder();
                foreach (var f in members)
                {
                    // Topology does not matter for a drawing; skipping the repair keeps big layers fast.
                    var simple = new DouglasPeuckerSimplifier(f.Geometry) { DistanceTolerance = projection.HalfPixel, EnsureValidTopology = false }.GetResultGeometry();
                    if (!simple.IsEmpty) projection.AppendPath(d, simple);
                }

                if (landUse is not null) classes[landUse.Code] = landUse;
                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"layer\" data-layer=\"{style.Role}\"")
                    .Append(landUse is null ? "" : $" data-class=\"{landUse.Code}\" fill-opacity=\".7\"")
                    .Append(CultureInfo.InvariantCulture, $" fill=\"{landUse?.Colour ?? style.Fill}\" stroke=\"{style.Stroke}\"")
                    .Append(style.Dash is null ? "" : $" stroke-dasharray=\"{style.Dash}\"")
                    .Append(" d=\"").Append(d).Append("\"><title>").Append(HtmlText.Escape(landUse is null ? style.Label[lang] : $"{landUse.Code} {landUse.Name[lang]}")).Append("</title></path>");
            }

            if (features.Count > maxFeaturesPerLayer)
            {
                notes.Add(MessageTemplate.Render(HtmlLabels.Capped[lang], new Dictionary<string, object?>
                {
                    ["layer"] = style.Label[lang], ["total"] = features.Count, ["drawn"] = maxFeaturesPerLayer,
                }));
            }
        }

        svg.Append("</g><g class=\"hits\">");
        foreach (var (number, finding) in hits)
        {
            var d = new StringBuilder();
            var geometry = finding.Geometry!;
            var simple = TopologyPreservingSimplifier.Simplify(geometry, projection.HalfPixel);
            projection.AppendPath(d, simple.IsEmpty ? geometry : simple);
            var box = projection.Pixels(geometry.EnvelopeInternal);
            if (box.Width < MinVisible && box.Height < MinVisible && geometry.Dimension != Dimension.Point)
            {
                // A ring (even-odd fill) around the shape: visible at any zoom without hiding the shape.
                Projection.AppendCircle(d, box.Centre.X, box.Centre.Y, HaloRadius);
                Projection.AppendCircle(d, box.Centre.X, box.Centre.Y, HaloRadius - 2.5);
            }

            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"hit sev-{finding.Severity.Name()}{(finding.WaivedBy is null ? "" : " waived")}\" id=\"g-{number}\" data-f=\"{number}\" d=\"")
                .Append(d).Append("\"><title>")
                .Append(HtmlText.Escape($"#{number} {finding.Rule} {string.Join(", ", finding.Subjects)}\n{finding.Message(lang)}"))
                .Append("</title></path>");
        }

        svg.Append("</g></svg>");
        return new DrawnMap(svg.ToString(), layers.Select(l => l.Style).ToList(), classes.Values.ToList(), notes, hits.Count);
    }

    /// <summary>World metres to SVG pixels: origin at the top left of the extent, y down.</summary>
    internal sealed class Projection(Envelope extent, double scale)
    {
        public double HalfPixel => 0.5 / scale;

        public (double Width, double Height, Coordinate Centre) Pixels(Envelope e) =>
            (e.Width * scale, e.Height * scale, new Coordinate(X(e.Centre.X), Y(e.Centre.Y)));

        public void AppendPath(StringBuilder d, Geometry g)
        {
            switch (g)
            {
                case Point p:
                    AppendCircle(d, X(p.X), Y(p.Y), PointRadius);
                    break;
                case LineString line:
                    AppendRing(d, line.Coordinates, close: false);
                    break;
                case Polygon polygon:
                    AppendRing(d, polygon.ExteriorRing.Coordinates, close: true);
                    foreach (var hole in polygon.InteriorRings) AppendRing(d, hole.Coordinates, close: true);
                    break;
                case GeometryCollection collection:
                    foreach (var part in collection.Geometries) AppendPath(d, part);
                    break;
            }
        }

        public static void AppendCircle(StringBuilder d, double cx, double cy, double r) =>
            d.Append(CultureInfo.InvariantCulture, $"M{N(cx - r)},{N(cy)}a{N(r)},{N(r)} 0 1 0 {N(2 * r)},0a{N(r)},{N(r)} 0 1 0 {N(-2 * r)},0Z");

        private void AppendRing(StringBuilder d, Coordinate[] coordinates, bool close)
        {
            if (coordinates.Length == 0) return;
            var last = "";
            for (var i = 0; i < coordinates.Length - (close ? 1 : 0); i++)
            {
                var point = $"{N(X(coordinates[i].X))},{N(Y(coordinates[i].Y))}";
                if (point == last) continue;
                d.Append(i == 0 ? 'M' : ' ').Append(point);
                last = point;
            }

            if (close) d.Append('Z');
        }

        private double X(double x) => (x - extent.MinX) * scale;

        private double Y(double y) => (extent.MaxY - y) * scale;

        private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
