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

        return new PhysicalLocation(Uri(shown, index), new Region(line is > 0 ? line.Value : 1));
    }

    private Location ForSubject(string plan, Subject s, int? id)
    {
        string file;
        int? line = null;
        if (s.Layer == Subject.IndicatorsLayer)
        {
            file = PlanYaml(plan);
            line = context.Plans.FirstOrDefault(p => p.Id == plan)?.Indicators.GetValueOrDefault(s.Id)?.Line;
        }
        else
        {
            file = context.LayerFile(plan, s.Layer) ?? PlanYaml(plan);
        }

        var name = s.Id == Subject.WholeLayer ? s.Layer : s.Id;
        var qualified = s.Id == Subject.WholeLayer ? $"{plan}/{s.Layer}" : $"{plan}/{s.Layer}/{s.Id}";
        return new Location(id, Physical(file, line), [new LogicalLocation(name, qualified, "element")], id is null ? null : new Message(s.ToString()));
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
