using ElementFlow.Engine;
using ElementFlow.Generator;
using ElementFlow.IO.Packages;
using ElementFlow.Rules;
using ElementFlow.Spatial;

namespace ElementFlow.IO.Tests.Layers;

/// <summary>The same generated plan written as GeoJSON, GeoPackage and shapefile loads and checks the same.</summary>
public sealed class FormatEquivalenceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ef-formats-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Check_SamePlanInEachFormat_GivesIdenticalFindingsAndTheSeededOnes()
    {
        var plan = new SyntheticPlan(1600, seed: 11);
        var checker = new Checker(RuleCatalog.Load([Path.Combine(RepoRoot(), "rules")]).Rules);

        var findings = new Dictionary<string, List<string>>();
        foreach (var format in new[] { "geojson", "gpkg", "shp" })
        {
            var package = Path.Combine(_folder, format);
            PlanPackageWriter.Write(plan, format, package);
            var loaded = PlanLoader.Load(package);
            Assert.Empty(loaded.Diagnostics);
            findings[format] = checker.Check(loaded.Plan!).Findings
                .Select(f => $"{f.Rule} {string.Join(",", f.Subjects.Select(s => $"{s.Layer}:{s.Id}"))} {f.Measure?.Value:F3}")
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        Assert.Equal(findings["geojson"], findings["gpkg"]);
        Assert.Equal(findings["geojson"], findings["shp"]);
        // The generator seeds violations of the data and control-line rules; other families may find more.
        Assert.Equal(
            plan.ExpectedFindings.Select(e => e.Rule).Order(StringComparer.Ordinal),
            findings["geojson"].Select(f => f.Split(' ')[0]).Where(r => r.StartsWith("DATA-", StringComparison.Ordinal) || r.StartsWith("LINE-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_SameIdsGeometriesAndAttributes_InEachFormat()
    {
        var plan = new SyntheticPlan(400, seed: 3);
        var layers = new Dictionary<string, Core.Planning.Plan>();
        foreach (var format in new[] { "geojson", "gpkg", "shp" })
        {
            var package = Path.Combine(_folder, format);
            PlanPackageWriter.Write(plan, format, package);
            layers[format] = PlanLoader.Load(package).Plan!;
        }

        string Describe(Core.Planning.Plan p) => string.Join("\n", p.Layers.OrderBy(l => l.Key, StringComparer.Ordinal).SelectMany(l => l.Value.Features.Select(f =>
            $"{l.Key}|{f.Id}|{f.Geometry?.Normalized()}|{string.Join(",", f.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))}")));
        Assert.Equal(Describe(layers["geojson"]), Describe(layers["gpkg"]));
        Assert.Equal(Describe(layers["geojson"]), Describe(layers["shp"])); // shapefile rings run clockwise: compared normalised
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the ElementFlow repository.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
