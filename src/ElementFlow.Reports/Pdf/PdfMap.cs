using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Reports.Html;
using ElementFlow.Reports.Maps;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using SkiaSharp;

namespace ElementFlow.Reports.Pdf;

// SkiaSharp 4 marks SKPath's own MoveTo/LineTo obsolete in favour of SKPathBuilder; they work and
// write the same PDF paths, and the builder's API is not settled across 3.x and 4.x yet.
#pragma warning disable CS0618

/// <summary>
/// Draws one plan as vector paths on a PDF page, styled like the HTML map: land use by first-level
/// class in the standard palette, the control lines in muted colours, the violations in red with
/// their finding numbers, a legend and a scale bar. Geometry is simplified to a quarter point.
/// </summary>
internal sealed class PdfMap(int maxFeaturesPerLayer)
{
    private static readonly SKColor Hit = SKColor.Parse("#d62728");
    private static readonly SKColor HitStroke = SKColor.Parse("#a50f15");

    /// <summary>Findings labelled with their number on the map; past this many the shapes stay unlabelled.</summary>
    private const int MaxLabels = 300;

    /// <summary>Draws the map into the box at the layout's current line and moves below it; false when there is nothing to draw.</summary>
    public bool Draw(PdfLayout layout, Plan? plan, IReadOnlyList<(int Number, Finding Finding)> findings, Language lang, float maxHeight)
    {
        var layers = SvgMap.Layers
            .Select(l => (Style: l, Features: plan?.Layer(l.Role)?.Features.Where(f => f.Geometry is { IsEmpty: false }).Take(maxFeaturesPerLayer).ToList() ?? []))
            .Where(l => l.Features.Count > 0)
            .ToList();
        var hits = findings.Where(f => f.Finding.Geometry is { IsEmpty: false }).ToList();
        var extent = new Envelope();
        foreach (var (_, features) in layers)
        {
            foreach (var f in features) extent.ExpandToInclude(f.Geometry!.EnvelopeInternal);
        }

        foreach (var (_, f) in hits) extent.ExpandToInclude(f.Geometry!.EnvelopeInternal);
        if (extent.IsNull) return false;
        extent.ExpandBy(Math.Max(Math.Max(extent.Width, extent.Height) * 0.02, 1));

        var scale = Math.Min(PdfLayout.ContentWidth / extent.Width, maxHeight / extent.Height);
        var width = (float)(extent.Width * scale);
        var height = (float)(extent.Height * scale);
        layout.Need(height + 60);
        var canvas = layout.Canvas;
        var left = PdfLayout.Margin + (PdfLayout.ContentWidth - width) / 2;
        var top = layout.Y;
        var projection = new Projection(extent, scale, left, top);

        using (var frame = new SKPaint { Color = SKColor.Parse("#fdfcf9") })
        {
            canvas.DrawRect(left, top, width, height, frame);
        }

        canvas.Save();
        canvas.ClipRect(new SKRect(left, top, left + width, top + height));
        var classes = new SortedDictionary<string, LandUseClass>(StringComparer.Ordinal);
        foreach (var (style, features) in layers)
        {
            using var stroke = new SKPaint { Color = SKColor.Parse(style.Stroke), IsStroke = true, StrokeWidth = StrokeWidth(style.Role), IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
            if (style.Dash is not null) stroke.PathEffect = SKPathEffect.CreateDash([4, 2], 0);
            if (style.Role == LayerRole.LandUse.Name)
            {
                // One path per class, so a land-use layer of 20,000 parcels is 24 fills, not 20,000.
                foreach (var group in features.GroupBy(f => LandUsePalette.ClassOf(f)))
                {
                    if (group.Key is { } c) classes[c.Code] = c;
                    using var path = projection.Path(group.Select(f => f.Geometry!));
                    using var fill = new SKPaint { Color = SKColor.Parse(group.Key?.Colour ?? style.Fill).WithAlpha(group.Key is null ? (byte)255 : (byte)170), IsAntialias = true };
                    canvas.DrawPath(path, fill);
                    canvas.DrawPath(path, stroke);
                }

                continue;
            }

            using var layerPath = projection.Path(features.Select(f => f.Geometry!));
            if (style.Fill != "none")
            {
                using var fill = new SKPaint { Color = SKColor.Parse(style.Fill).WithAlpha(200), IsAntialias = true };
                canvas.DrawPath(layerPath, fill);
            }

            canvas.DrawPath(layerPath, stroke);
        }

        using var hitFill = new SKPaint { Color = Hit.WithAlpha(140), IsAntialias = true };
        using var hitStroke = new SKPaint { Color = HitStroke, IsStroke = true, StrokeWidth = 0.9f, IsAntialias = true };
        using var waivedFill = new SKPaint { Color = Hit.WithAlpha(64), IsAntialias = true };
        using var waivedStroke = new SKPaint { Color = HitStroke, IsStroke = true, StrokeWidth = 0.7f, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([3, 1.5f], 0) };
        using var labelFont = layout.Font(6.5f, bold: true);
        using var labelPaint = new SKPaint { Color = SKColor.Parse("#7a0b0e"), IsAntialias = true };
        using var haloPaint = new SKPaint { Color = SKColors.White.WithAlpha(220), IsStroke = true, StrokeWidth = 2, IsAntialias = true };
        foreach (var (number, finding) in hits)
        {
            var geometry = finding.Geometry!;
            using var path = projection.Path([geometry]);
            var box = projection.Box(geometry.EnvelopeInternal);
            var waived = finding.WaivedBy is not null;
            canvas.DrawPath(path, waived ? waivedFill : hitFill);
            canvas.DrawPath(path, waived ? waivedStroke : hitStroke);
            if (box.Width < 4 && box.Height < 4)
            {
                // Too small to see at this scale: a ring marks where it is.
                canvas.DrawCircle(box.MidX, box.MidY, 4.5f, hitStroke);
            }

            if (hits.Count <= MaxLabels)
            {
                var label = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var x = box.Right + 2;
                var y = box.Top + 6;
                canvas.DrawText(label, x, y, SKTextAlign.Left, labelFont, haloPaint);
                canvas.DrawText(label, x, y, SKTextAlign.Left, labelFont, labelPaint);
            }
        }

        canvas.Restore();
        using (var border = new SKPaint { Color = SKColor.Parse("#d9d6cf"), IsStroke = true, StrokeWidth = 0.6f })
        {
            canvas.DrawRect(left, top, width, height, border);
        }

        ScaleBar(layout, canvas, left, top + height, scale, lang);
        layout.Space(height + 22);
        Legend(layout, layers.Select(l => l.Style).ToList(), classes.Values.ToList(), lang);
        return true;
    }

    private static float StrokeWidth(string role) => role switch
    {
        "boundary" => 1.3f,
        "urban_development_boundary" => 1f,
        _ => 0.35f,
    };

    /// <summary>A bar of a round length (1, 2 or 5 × 10ⁿ metres) about a fifth of the map wide, under its left corner.</summary>
    private static void ScaleBar(PdfLayout layout, SKCanvas canvas, float left, float bottom, double scale, Language lang)
    {
        var target = PdfLayout.ContentWidth / 5 / scale;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var metres = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).Last(m => m <= target);
        var length = (float)(metres * scale);
        var y = bottom + 10;
        using var bar = new SKPaint { Color = SKColor.Parse("#444444"), IsStroke = true, StrokeWidth = 1.2f };
        canvas.DrawLine(left, y, left + length, y, bar);
        canvas.DrawLine(left, y - 3, left, y + 1, bar);
        canvas.DrawLine(left + length, y - 3, left + length, y + 1, bar);
        using var font = layout.Font(7);
        using var paint = new SKPaint { Color = SKColor.Parse("#444444"), IsAntialias = true };
        var text = metres >= 1000
            ? $"{(metres / 1000).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} {(lang == Language.Zh ? "千米" : "km")}"
            : $"{metres.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} {(lang == Language.Zh ? "米" : "m")}";
        canvas.DrawText(text, left + length + 4, y + 2.5f, SKTextAlign.Left, font, paint);
    }

    private static void Legend(PdfLayout layout, IReadOnlyList<MapLayer> layers, IReadOnlyList<LandUseClass> classes, Language lang)
    {
        var entries = new List<(string Label, SKColor Fill, SKColor Stroke, bool Dashed)>();
        foreach (var style in layers)
        {
            if (style.Role == LayerRole.LandUse.Name && classes.Count > 0) continue;
            entries.Add((style.Label[lang], style.Fill == "none" ? SKColors.Transparent : SKColor.Parse(style.Fill), SKColor.Parse(style.Stroke), style.Dash is not null));
        }

        entries.AddRange(classes.Select(c => ($"{c.Code} {c.Name[lang]}", SKColor.Parse(c.Colour).WithAlpha(170), SKColor.Parse("#cfc8b6"), false)));
        entries.Add((lang == Language.Zh ? "问题位置（数字为问题序号）" : "Violation (numbered as in the list)", Hit.WithAlpha(140), HitStroke, false));

        using var font = layout.Font(7.5f);
        using var text = new SKPaint { Color = SKColor.Parse("#444444"), IsAntialias = true };
        var x = PdfLayout.Margin;
        layout.Need(14);
        foreach (var (label, fill, stroke, dashed) in entries)
        {
            var w = 16 + font.MeasureText(label) + 12;
            if (x + w > PdfLayout.Margin + PdfLayout.ContentWidth)
            {
                layout.Space(12);
                layout.Need(14);
                x = PdfLayout.Margin;
            }

            var canvas = layout.Canvas;
            using var f = new SKPaint { Color = fill };
            using var s = new SKPaint { Color = stroke, IsStroke = true, StrokeWidth = 1, PathEffect = dashed ? SKPathEffect.CreateDash([2, 1], 0) : null };
            canvas.DrawRect(x, layout.Y, 12, 8, f);
            canvas.DrawRect(x, layout.Y, 12, 8, s);
            canvas.DrawText(label, x + 16, layout.Y + 7.5f, SKTextAlign.Left, font, text);
            x += w;
        }

        layout.Space(16);
    }

    /// <summary>World metres to page points: the extent's top left at the box's top left, y down.</summary>
    private sealed class Projection(Envelope extent, double scale, float left, float top)
    {
        private readonly double tolerance = 0.25 / scale;

        public SKRect Box(Envelope e) => new(X(e.MinX), Y(e.MaxY), X(e.MaxX), Y(e.MinY));

        public SKPath Path(IEnumerable<Geometry> geometries)
        {
            var path = new SKPath { FillType = SKPathFillType.EvenOdd };
            foreach (var g in geometries)
            {
                var simple = new DouglasPeuckerSimplifier(g) { DistanceTolerance = tolerance, EnsureValidTopology = false }.GetResultGeometry();
                Add(path, simple.IsEmpty ? g : simple);
            }

            return path;
        }

        private void Add(SKPath path, Geometry g)
        {
            switch (g)
            {
                case Point p:
                    path.AddCircle(X(p.X), Y(p.Y), 2.5f);
                    break;
                case LineString line:
                    Ring(path, line.Coordinates, close: false);
                    break;
                case Polygon polygon:
                    Ring(path, polygon.ExteriorRing.Coordinates, close: true);
                    foreach (var hole in polygon.InteriorRings) Ring(path, hole.Coordinates, close: true);
                    break;
                case GeometryCollection collection:
                    foreach (var part in collection.Geometries) Add(path, part);
                    break;
            }
        }

        private void Ring(SKPath path, Coordinate[] coordinates, bool close)
        {
            if (coordinates.Length == 0) return;
            path.MoveTo(X(coordinates[0].X), Y(coordinates[0].Y));
            for (var i = 1; i < coordinates.Length; i++) path.LineTo(X(coordinates[i].X), Y(coordinates[i].Y));
            if (close) path.Close();
        }

        private float X(double x) => (float)(left + (x - extent.MinX) * scale);

        private float Y(double y) => (float)(top + (extent.MaxY - y) * scale);
    }
}
