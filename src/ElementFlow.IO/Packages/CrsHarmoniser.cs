using System.Globalization;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Sources;
using ElementFlow.Spatial;
using NetTopologySuite.Geometries;

namespace ElementFlow.IO.Packages;

/// <summary>
/// Brings every layer of a CGCS2000 plan into one CRS in metres (DESIGN §6): the plan's 3-degree zone, or for
/// a geographic plan (EPSG:4490) the zone of its boundary's centre. A layer whose file declares another
/// CGCS2000 CRS is reprojected (info); a layer whose coordinates contradict its declaration (a zone prefix
/// under an unprefixed CRS, X and Y swapped, degrees under a zone) is read as its coordinates say, and each
/// such cause is reported once, naming every layer it touched.
/// </summary>
/// <remarks>
/// Readers report a file's own CRS as a <c>layer.crs-mismatch</c> diagnostic with the code in its
/// <c>layer_crs</c> argument; for CGCS2000 codes that diagnostic is replaced here by the reprojection.
/// Other CRSs (WGS 84, unknown) keep the error, and a plan declared outside CGCS2000 is left as it is.
/// </remarks>
internal static class CrsHarmoniser
{
    public static (List<(string Role, LayerReadResult Result)> Results, CrsInfo Crs) Apply(
        List<(string Role, LayerReadResult Result)> results, CrsInfo declared, string planYaml, List<Diagnostic> diagnostics)
    {
        if (!Cgcs2000.IsCgcs2000(declared.Epsg)) return (results, declared);

        // Each layer's CRS as declared (by its file, else the plan), then as its coordinates show.
        var layers = new List<(string Role, LayerReadResult Result, int Crs, bool Swap, int? Own)>();
        var detected = new List<(string Role, CrsFinding Finding)>();
        foreach (var (role, result) in results)
        {
            // A layer in a CRS outside CGCS2000 keeps its error and is refused: nothing to detect or reproject.
            if (result.Diagnostics.Any(d => d.Code == "layer.crs-mismatch" && !IsCgcs2000Mismatch(d)))
            {
                layers.Add((role, result, declared.Epsg, false, null));
                continue;
            }

            var own = OwnCrs(result);
            var kept = own is null ? result : result with { Diagnostics = result.Diagnostics.Where(d => !IsCgcs2000Mismatch(d)).ToList() };
            var crs = own ?? declared.Epsg;
            var swap = false;
            if (kept.Layer is { } layer && Extent(layer) is { IsNull: false } extent && CrsDetection.Detect(crs, extent) is { } finding)
            {
                detected.Add((role, finding));
                (crs, swap) = (finding.Actual, finding.SwappedXY);
            }

            layers.Add((role, kept, crs, swap, own));
        }

        foreach (var group in detected.GroupBy(d => (d.Finding.Declared, d.Finding.Actual, d.Finding.SwappedXY)))
        {
            var first = group.First().Finding;
            diagnostics.Add(Diagnostic.Warning("layer.crs-detected", planYaml, null, null,
                ("roles", string.Join(", ", group.Select(g => g.Role))),
                ("declared", $"EPSG:{first.Declared}"),
                ("actual", $"EPSG:{first.Actual}"),
                ("how", first.SwappedXY ? new Core.Text.LocalizedText("，且 X、Y 互换（X 为北坐标）", " with X and Y swapped (X holds northings)") : new Core.Text.LocalizedText("", "")),
                ("evidence", first.Evidence)));
        }

        var target = declared.Epsg;
        if (target == Cgcs2000.Geographic && MeasuringZone(layers) is { } zone)
        {
            target = zone;
            diagnostics.Add(new Diagnostic
            {
                Code = "plan.measured-in-zone",
                Severity = Severity.Info,
                File = planYaml,
                Arguments = new Dictionary<string, object?> { ["crs"] = declared.Text, ["zone"] = $"EPSG:{zone}" },
            });
        }

        var output = new List<(string, LayerReadResult)>(layers.Count);
        foreach (var (role, result, crs, swap, own) in layers)
        {
            if (result.Layer is not { } layer || (crs == target && !swap) || result.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                output.Add((role, result));
                continue;
            }

            var features = layer.Features.Select(f => f.Geometry is null ? f : f with { Geometry = CrsTransform.Apply(f.Geometry, crs, target, swap) }).ToList();
            var more = new List<Diagnostic>(result.Diagnostics);
            // Said for a file that declares its own CRS; a CRS told from the coordinates was said above, once.
            if (own is { } fileCrs && fileCrs == crs && crs != declared.Epsg)
            {
                more.Add(new Diagnostic
                {
                    Code = "layer.reprojected",
                    Severity = Severity.Info,
                    File = layer.Source,
                    Arguments = new Dictionary<string, object?> { ["role"] = role, ["from"] = $"EPSG:{crs}", ["to"] = $"EPSG:{target}" },
                });
            }

            output.Add((role, result with { Layer = layer with { Features = features }, Diagnostics = more }));
        }

        return (output, declared with { Epsg = target, DeclaredEpsg = declared.Epsg });
    }

    private static bool IsCgcs2000Mismatch(Diagnostic d) =>
        d.Code == "layer.crs-mismatch" && d.Arguments.GetValueOrDefault("layer_crs") is string text && Epsg(text) is { } code && Cgcs2000.IsCgcs2000(code);

    private static int? OwnCrs(LayerReadResult result) =>
        result.Diagnostics.FirstOrDefault(IsCgcs2000Mismatch) is { } d ? Epsg((string)d.Arguments["layer_crs"]!) : null;

    private static int? Epsg(string text) =>
        text.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;

    private static Envelope Extent(Layer layer)
    {
        var extent = new Envelope();
        foreach (var feature in layer.Features)
        {
            if (feature.Geometry is { IsEmpty: false } g) extent.ExpandToInclude(g.EnvelopeInternal);
        }

        return extent;
    }

    /// <summary>The unprefixed 3-degree zone of the boundary's centre (else of all layers'), from geodetic coordinates.</summary>
    private static int? MeasuringZone(List<(string Role, LayerReadResult Result, int Crs, bool Swap, int? Own)> layers)
    {
        var candidates = layers.Where(l => l.Result.Layer is not null && !l.Result.Diagnostics.Any(d => d.Severity == Severity.Error)).ToList();
        var boundary = candidates.Where(l => l.Role == LayerRole.Boundary.Name).ToList();
        foreach (var set in new[] { boundary, candidates })
        {
            var extent = new Envelope();
            foreach (var (_, result, crs, swap, _) in set)
            {
                var layerExtent = Extent(result.Layer!);
                if (layerExtent.IsNull) continue;
                var toGeodetic = CrsTransform.Converter(crs, Cgcs2000.Geographic);
                var centre = layerExtent.Centre;
                var (x, y) = swap ? (centre.Y, centre.X) : (centre.X, centre.Y);
                var (longitude, latitude) = toGeodetic(x, y);
                extent.ExpandToInclude(longitude, latitude);
            }

            if (!extent.IsNull) return Cgcs2000.ZoneCrs(Cgcs2000.ZoneOfLongitude(extent.Centre.X), prefixed: false);
        }

        return null;
    }
}
