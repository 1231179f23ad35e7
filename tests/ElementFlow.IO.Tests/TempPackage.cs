using System.IO.Compression;

namespace ElementFlow.IO.Tests;

/// <summary>A plan package written to a temporary folder for one test, removed afterwards.</summary>
public sealed class TempPackage : IDisposable
{
    public const string MinimalPlan = """
        schema: elementflow/plan/v1
        id: test-county
        name: { zh: 测试县国土空间总体规划, en: Test County Plan }
        level: county
        type: overall
        region: { code: "330122", name: 测试县 }
        period: { base: 2020, target: 2035 }
        crs: EPSG:4527
        """;

    public TempPackage(string planYaml, params (string Path, string Text)[] files)
    {
        Folder = Path.Combine(Path.GetTempPath(), "ef-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "plan.yaml"), planYaml);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(Folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    public string Folder { get; }

    /// <summary>Zips the package folder (entries at the archive root) and returns the archive path.</summary>
    public string Zip()
    {
        var zip = Folder + ".zip";
        ZipFile.CreateFromDirectory(Folder, zip);
        return zip;
    }

    /// <summary>A GeoJSON FeatureCollection of axis-aligned rectangles: (id, x0, y0, x1, y1, properties JSON).</summary>
    public static string Rectangles(params (string Id, double X0, double Y0, double X1, double Y1, string Properties)[] rects)
    {
        const double ox = 39_500_000, oy = 3_300_000;
        var features = rects.Select(r =>
        {
            var ring = FormattableString.Invariant($"[[{ox + r.X0},{oy + r.Y0}],[{ox + r.X1},{oy + r.Y0}],[{ox + r.X1},{oy + r.Y1}],[{ox + r.X0},{oy + r.Y1}],[{ox + r.X0},{oy + r.Y0}]]");
            return "{\"type\":\"Feature\",\"id\":\"" + r.Id + "\",\"properties\":" + r.Properties
                + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
        });
        return "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
            if (File.Exists(Folder + ".zip")) File.Delete(Folder + ".zip");
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
