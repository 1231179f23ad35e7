using System.Globalization;
using System.Text;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using NetTopologySuite.Geometries;

namespace ElementFlow.Reports.Html;

/// <summary>
/// The "要素流动" picture of a plan tree: the boundaries of its overall plans, an arrow for each flow from
/// the region it leaves to the region it enters (between the boundaries' interior points; a flow both sides
/// record is drawn once), and the enclaves hatched.
/// </summary>
internal static class FlowMap
{
    private static readonly Dictionary<string, string> Colours = new()
    {
        ["farmland_quota"] = "#4d8f3a", ["linkage_quota"] = "#b7791f", ["construction_quota"] = "#8c4a9e",
        ["pbf_relocation"] = "#2f6fab", ["eco_compensation"] = "#1d8a8a",
    };

    public static string? Draw(IReadOnlyList<Plan> plans, IReadOnlyList<FlowRow> flows, Language lang)
    {
        var regions = plans.Where(p => p.Type == PlanType.Overall && p.Layer(LayerRole.Boundary.Name) is { Features.Count: > 0 })
            .GroupBy(p => Region.SignificantPrefix(p.Region.Code)).ToDictionary(g => g.Key, g => g.First());
        var shapes = regions.Values.Select(p => (Plan: p, Shape: (Geometry)new GeometryCollection(
            p.Layer(LayerRole.Boundary.Name)!.Features.Select(f => f.Geometry).OfType<Geometry>().Where(g => !g.IsEmpty).ToArray()))).ToList();
        var extent = new Envelope();
        foreach (var (_, shape) in shapes) extent.ExpandToInclude(shape.EnvelopeInternal);
        if (extent.IsNull || extent.Width <= 0 || extent.Height <= 0) return null;
        extent.ExpandBy(Math.Max(extent.Width, extent.Height) * 0.02);
        var scale = Math.Min(SvgMap.MaxWidth / extent.Width, SvgMap.MaxHeight / extent.Height);
        var projection = new SvgMap.Projection(extent, scale);
        double X(double x) => (x - extent.MinX) * scale;
        double Y(double y) => (extent.MaxY - y) * scale;
        string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        var (width, height) = (Math.Ceiling(extent.Width * scale), Math.Ceiling(extent.Height * scale));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        svg.Append("<defs><pattern id=\"enclave-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9b4d2c\" stroke-width=\"2\"/></pattern>");
        foreach (var (kind, colour) in Colours)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<marker id=\"arrow-{kind}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>");
        }

        svg.Append("</defs><g class=\"layers\">");
        foreach (var (plan, shape) in shapes.OrderBy(s => s.Plan.Level))
        {
            var d = new StringBuilder();
            projection.AppendPath(d, shape);
            svg.Append("<path class=\"layer\" data-layer=\"boundary\" fill=\"none\" stroke=\"#5f5f5f\" d=\"").Append(d).Append("\"><title>")
                .Append(HtmlText.Escape($"{plan.Id} ({plan.Region.Code} {plan.Region.Name})")).Append("</title></path>");
        }

        var enclaves = plans.SelectMany(p => p.Layer(LayerRole.Enclaves.Name)?.Features ?? []).Where(f => f.Geometry is { IsEmpty: false })
            .GroupBy(f => f.Id).Select(g => g.First());
        foreach (var e in enclaves)
        {
            var d = new StringBuilder();
            projection.AppendPath(d, e.Geometry!);
            svg.Append("<path class=\"enclave\" fill=\"url(#enclave-hatch)\" stroke=\"#9b4d2c\" d=\"").Append(d).Append("\"><title>")
                .Append(HtmlText.Escape($"{new LocalizedText("飞地", "Enclave")[lang]} {e.Id}: host {e.Text("host")}, home {e.Text("home")}, counted_by {e.Text("counted_by") ?? "host"}"))
                .Append("</title></path>");
        }

        svg.Append("</g><g class=\"flows\">");
        var drawn = new HashSet<(string From, string To, string Kind)>();
        foreach (var r in flows)
        {
            var planCode = plans.FirstOrDefault(p => p.Id == r.Plan)?.Region.Code;
            if (planCode is null) continue;
            var (from, to) = r.Direction == "out" ? (planCode, r.Counterpart) : (r.Counterpart, planCode);
            if (!regions.TryGetValue(Region.SignificantPrefix(from), out var a) || !regions.TryGetValue(Region.SignificantPrefix(to), out var b)) continue;
            if (!drawn.Add((a.Id, b.Id, r.Kind))) continue;
            var pa = shapes.First(s => s.Plan == a).Shape.InteriorPoint.Coordinate;
            var pb = shapes.First(s => s.Plan == b).Shape.InteriorPoint.Coordinate;
            var colour = Colours.GetValueOrDefault(r.Kind, "#444");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"flow\" data-kind=\"{r.Kind}\" x1=\"{N(X(pa.X))}\" y1=\"{N(Y(pa.Y))}\" x2=\"{N(X(pb.X))}\" y2=\"{N(Y(pb.Y))}\" stroke=\"{colour}\" stroke-width=\"3\" marker-end=\"url(#arrow-{r.Kind})\"")
                .Append(r.MirrorStatus == "missing" ? " stroke-dasharray=\"6 4\"" : "").Append("><title>")
                .Append(HtmlText.Escape($"{r.Id} {r.Kind}: {a.Id} → {b.Id}, {r.Amount.ToString("0.####", CultureInfo.InvariantCulture)} {r.Unit}"))
                .Append("</title></line>");
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }
}
