using System.Text.Json;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ElementFlow.Server.Map;

/// <summary>
/// Keeps a checked plan's layers for the page's map, written once at the end of the check beside the reports:
/// <c>map.bin</c> has every feature in geographic CGCS2000 (EPSG:4490, which web maps take as WGS 84: the two
/// differ by centimetres) with its envelope, so tiles are cut from an index without loading the plan again;
/// <c>map.json</c> has the layers, the plan's bounds and the bounds of every feature a finding names, for the page.
/// </summary>
public static class PlanMapWriter
{
    public const string Magic = "EFMAP1";

    /// <summary>Writes the map of the checked plans; false (and nothing written) when their CRS cannot be taken to longitude and latitude.</summary>
    public static bool Write(string folder, IReadOnlyList<Plan> plans, IReadOnlyList<Finding> findings)
    {
        var mappable = plans.Where(p => Cgcs2000.IsCgcs2000(p.Crs.Epsg)).ToList();
        if (mappable.Count == 0) return false;

        // What the findings say about each feature: how many, and the worst severity not waived.
        var named = new Dictionary<(string Plan, string Layer, string Id), (int Count, int Severity)>();
        foreach (var f in findings)
        {
            foreach (var s in f.Subjects)
            {
                var key = (s.Plan ?? f.Plan, s.Layer, s.Id);
                var (count, severity) = named.GetValueOrDefault(key);
                named[key] = (count + 1, f.WaivedBy is null ? Math.Max(severity, (int)f.Severity + 1) : severity);
            }
        }

        var layers = new List<string>();
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var bounds = new Envelope();
        var findingBounds = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var wkb = new WKBWriter();
        var binary = Path.Combine(folder, "map.bin");
        using (var file = new BinaryWriter(File.Create(binary + ".partial")))
        {
            file.Write(Magic);
            var features = new List<(int Layer, Feature Feature, Geometry Geometry, int Count, int Severity)>();
            foreach (var plan in mappable)
            {
                var convert = CrsTransform.Converter(plan.Crs.Epsg, Cgcs2000.Geographic);
                foreach (var (name, layer) in plan.Layers)
                {
                    if (!layers.Contains(name)) layers.Add(name);
                    var index = layers.IndexOf(name);
                    foreach (var feature in layer.Features)
                    {
                        if (feature.Geometry is not { IsEmpty: false } geometry) continue;
                        var geographic = geometry.Copy();
                        geographic.Apply(new ConvertFilter(convert));
                        geographic.GeometryChanged();
                        kinds.TryAdd(name, Kind(geographic));
                        counts[name] = counts.GetValueOrDefault(name) + 1;
                        bounds.ExpandToInclude(geographic.EnvelopeInternal);
                        var (count, severity) = named.GetValueOrDefault((plan.Id, name, feature.Id));
                        if (count > 0)
                        {
                            var e = geographic.EnvelopeInternal;
                            findingBounds.TryAdd($"{name}/{feature.Id}", [e.MinX, e.MinY, e.MaxX, e.MaxY]);
                        }

                        features.Add((index, feature, geographic, count, severity));
                    }
                }
            }

            file.Write(layers.Count);
            foreach (var name in layers) file.Write(name);
            file.Write(features.Count);
            foreach (var (layer, feature, geometry, count, severity) in features)
            {
                var e = geometry.EnvelopeInternal;
                file.Write((byte)layer);
                file.Write(feature.Id);
                file.Write((byte)severity);
                file.Write(count);
                file.Write(e.MinX);
                file.Write(e.MinY);
                file.Write(e.MaxX);
                file.Write(e.MaxY);
                var bytes = wkb.Write(geometry);
                file.Write(bytes.Length);
                file.Write(bytes);
            }

            file.Flush();
        }

        File.Move(binary + ".partial", binary, overwrite: true);
        var summary = new
        {
            bounds = new[] { bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY },
            layers = layers.Select(l => new { name = l, kind = kinds.GetValueOrDefault(l, "polygon"), count = counts.GetValueOrDefault(l) }),
            features = findingBounds,
        };
        File.WriteAllText(Path.Combine(folder, "map.json"), JsonSerializer.Serialize(summary));
        return true;
    }

    private static string Kind(Geometry geometry) => geometry switch
    {
        IPolygonal => "polygon",
        ILineal => "line",
        IPuntal => "point",
        _ => "polygon",
    };

    private sealed class ConvertFilter(Func<double, double, (double X, double Y)> convert) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = convert(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
