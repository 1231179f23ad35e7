using ElementFlow.Core.Findings;

namespace ElementFlow.Reports.Sarif;

/// <summary>
/// Turns subjects into SARIF locations: the layer file (an artifact, relative to <c>%SRCROOT%</c>)
/// and the feature as a logical location. Collects the artifacts as it goes.
/// </summary>
internal sealed class SarifLocations(Report report, ReportContext context)
{
    private readonly List<Artifact> _artifacts = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Plan, string Layer), Dictionary<string, int>> _featureLines = [];

    public IReadOnlyList<Artifact> Artifacts => _artifacts;

    /// <summary>The first subject is where the result is; the others are related locations.</summary>
    public (Location Primary, IReadOnlyList<Location> Related) ForSubjects(Finding f)
    {
        if (f.Subjects.Count == 0)
        {
            return (new Location(null, Physical(PlanYaml(f.Plan), null), [new LogicalLocation(f.Plan, f.Plan, "module")]), []);
        }

        // A feature makes a better primary location than an indicator (which lives in plan.yaml).
        var ordered = f.Subjects.OrderBy(s => s.Layer == Subject.IndicatorsLayer ? 1 : 0).ToList();
        var primary = ForSubject(f.Plan, ordered[0], null);
        var related = ordered.Skip(1).Select((s, i) => ForSubject(f.Plan, s, i + 1)).ToList();
        return (primary, related);
    }

    public PhysicalLocation Physical(string file, int? line)
    {
        var shown = Shown(file);
        if (!_index.TryGetValue(shown, out var index))
        {
            index = _artifacts.Count;
            _index[shown] = index;
            _artifacts.Add(new Artifact(Uri(shown, null), MimeType(shown)));
        }

        // No line is made up: a location without a known line names the file only (and the feature as a logical location).
        return new PhysicalLocation(Uri(shown, index), line is > 0 ? new Region(line.Value) : null);
    }

    private Location ForSubject(string plan, Subject s, int? id)
    {
        string file;
        int? line = null;
        var owner = s.Plan ?? plan;
        if (s.Layer == Subject.IndicatorsLayer)
        {
            file = PlanYaml(owner);
            line = context.Plans.FirstOrDefault(p => p.Id == owner)?.Indicators.GetValueOrDefault(s.Id)?.Line;
        }
        else if (context.LayerFile(owner, s.Layer) is { } layerFile)
        {
            file = layerFile;
            line = FeatureLine(owner, s.Layer, s.Id);
        }
        else
        {
            file = PlanYaml(owner);
        }

        var name = s.Id == Subject.WholeLayer ? s.Layer : s.Id;
        var qualified = s.Id == Subject.WholeLayer ? $"{plan}/{s.Layer}" : $"{plan}/{s.Layer}/{s.Id}";
        return new Location(id, Physical(file, line), [new LogicalLocation(name, qualified, "element")], id is null ? null : new Message(s.ToString()));
    }

    /// <summary>The line a feature starts on in its layer file, when the reader knew it (GeoJSON); null for binary formats and whole layers.</summary>
    private int? FeatureLine(string plan, string layer, string id)
    {
        if (id == Subject.WholeLayer) return null;
        if (!_featureLines.TryGetValue((plan, layer), out var lines))
        {
            lines = new Dictionary<string, int>(StringComparer.Ordinal);
            var features = context.Plans.FirstOrDefault(p => p.Id == plan)?.Layer(layer)?.Features ?? [];
            foreach (var f in features)
            {
                if (f.Line is { } l) lines.TryAdd(f.Id, l);
            }

            _featureLines[(plan, layer)] = lines;
        }

        return lines.TryGetValue(id, out var line) ? line : null;
    }

    private string PlanYaml(string plan) =>
        (report.Plans.FirstOrDefault(p => p.Id == plan)?.Path ?? plan).TrimEnd('/', '\\') + "/plan.yaml";

    /// <summary>The path as the user named it, made relative to the source root when it is absolute.</summary>
    private string Shown(string path)
    {
        // A GeoPackage layer is named file.gpkg#table; the artifact is the file.
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0 && path[..hash].EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase)) path = path[..hash];
        if (context.SourceRoot is { } root && Path.IsPathRooted(path)) path = Path.GetRelativePath(root, path);
        return path.Replace('\\', '/');
    }

    private ArtifactLocation Uri(string shown, int? index) => Path.IsPathRooted(shown)
        ? new ArtifactLocation(new System.Uri(shown).AbsoluteUri, null, index)
        : new ArtifactLocation(string.Join("/", shown.Split('/').Select(System.Uri.EscapeDataString)), SarifReportWriter.SourceRootId, index);

    private static string? MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".geojson" or ".json" => "application/geo+json",
        ".yaml" or ".yml" => "application/yaml",
        ".gpkg" => "application/geopackage+sqlite3",
        ".zip" => "application/zip",
        _ => null,
    };
}
