using System.Text;
using ElementFlow.Core.Planning;
using ElementFlow.IO.Layers;
using ElementFlow.IO.Packages;
using ElementFlow.Rules;
using ElementFlow.Sources;
using ElementFlow.Sources.FileGdb;

namespace ElementFlow.Fuzz;

/// <summary>
/// The fuzz targets: each takes the raw input bytes and runs one reader the way the CLI runs it.
/// Bad input must come back as diagnostics; any exception that escapes is a bug, which is why none is
/// caught here. The regression tests replay tests/fuzz/crashes through these same methods.
/// </summary>
public static class FuzzTargets
{
    /// <summary>
    /// Splits one input into files: a line holding only this marker starts the next file. AFL mutates
    /// one byte string, so the package's plan.yaml and its layers travel together this way.
    /// </summary>
    public const string Separator = "%%%%";

    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["package"] = Package,
        ["zip"] = Zip,
        ["geojson"] = GeoJson,
        ["ruleset"] = RuleSet,
        ["filegdb"] = FileGdb,
    };

    /// <summary>
    /// A plan package folder: the first part is plan.yaml, the next ones layer1.geojson, layer2.geojson...
    /// Loaded as <c>elementflow check</c> loads it (PlanLoader, then the plan tree), without the rules.
    /// </summary>
    public static void Package(byte[] data)
    {
        using var folder = new TempFolder();
        var parts = Split(data);
        File.WriteAllBytes(Path.Combine(folder.Path, "plan.yaml"), parts[0]);
        for (var i = 1; i < parts.Count; i++) File.WriteAllBytes(Path.Combine(folder.Path, $"layer{i}.geojson"), parts[i]);
        LoadLikeCheck(folder.Path);
    }

    /// <summary>A plan package as a .zip archive: the input is the archive's bytes.</summary>
    public static void Zip(byte[] data)
    {
        using var folder = new TempFolder();
        var zip = Path.Combine(folder.Path, "plan.zip");
        File.WriteAllBytes(zip, data);
        LoadLikeCheck(zip);
    }

    /// <summary>
    /// The streaming GeoJSON reader alone. The read buffer is small and varies with the input length,
    /// so that small inputs still cross buffer edges and exercise the refill and resume logic.
    /// </summary>
    public static void GeoJson(byte[] data)
    {
        var role = LayerRole.All[data.Length % LayerRole.All.Count];
        var request = new LayerRequest(role, "layer.geojson", null, new Dictionary<string, string>(), "fuzz/layer.geojson", new CrsInfo("EPSG:4527", 4527));
        using var stream = new MemoryStream(data, writable: false);
        GeoJsonLayerReader.Read(stream, request, 16 + (data.Length % 64));
    }

    /// <summary>
    /// A File Geodatabase read by the managed reader as a layer of a package: the parts are the catalogue
    /// (a00000001.gdbtable, .gdbtablx) and one table (a00000009.gdbtable, .gdbtablx) of <c>t.gdb</c>.
    /// </summary>
    public static void FileGdb(byte[] data)
    {
        using var folder = new TempFolder();
        var gdb = Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "t.gdb")).FullName;
        string[] names = ["a00000001.gdbtable", "a00000001.gdbtablx", "a00000009.gdbtable", "a00000009.gdbtablx"];
        var parts = Split(data);
        for (var i = 0; i < Math.Min(parts.Count, names.Length); i++) File.WriteAllBytes(System.IO.Path.Combine(gdb, names[i]), parts[i]);
        var request = new LayerRequest(LayerRole.LandUse, "t.gdb", null, new Dictionary<string, string>(), "fuzz/t.gdb", new CrsInfo("EPSG:4527", 4527));
        using var files = new FolderPackage(folder.Path) { DisplayPath = folder.Path };
        PackageFormats.Sources.With(new FileGdbSource()).Read(files, request);
    }

    /// <summary>
    /// Rule-set files as <c>elementflow rules lint</c> reads them (read, validate, build checks, compile
    /// conditions, apply profiles): each part becomes rules{N}.yaml in one folder, so a profile in one
    /// part can extend and override a set in another.
    /// </summary>
    public static void RuleSet(byte[] data)
    {
        using var folder = new TempFolder();
        var parts = Split(data);
        for (var i = 0; i < parts.Count; i++) File.WriteAllBytes(Path.Combine(folder.Path, $"rules{i}.yaml"), parts[i]);
        RuleCatalog.Load([folder.Path]);
    }

    private static void LoadLikeCheck(string path)
    {
        var loaded = PlanLoader.Load(path);
        if (loaded.Plan is null) return;

        // A parent outside the input is not the fuzzer's to read: the tree is built with a loader that finds nothing.
        PlanTreeBuilder.Build([loaded.Plan], p => new PlanLoadResult(null, [], TimeSpan.Zero));
    }

    /// <summary>Cuts the input at lines that hold only <see cref="Separator"/>.</summary>
    public static List<byte[]> Split(byte[] data)
    {
        var marker = Encoding.ASCII.GetBytes("\n" + Separator + "\n");
        var parts = new List<byte[]>();
        var span = data.AsSpan();
        while (true)
        {
            var at = span.IndexOf(marker);
            if (at < 0)
            {
                parts.Add(span.ToArray());
                return parts;
            }

            parts.Add(span[..at].ToArray());
            span = span[(at + marker.Length)..];
        }
    }

    /// <summary>A fresh folder per input, removed afterwards, so one input never sees another's files.</summary>
    private sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ef-fuzz-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless and must not count as a crash.
            }
        }
    }
}
