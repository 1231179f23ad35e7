using ElementFlow.Engine;
using ElementFlow.IO.Packages;
using ElementFlow.Rules;
using ElementFlow.Spatial;

namespace ElementFlow.IO.Tests.Layers;

/// <summary>
/// The example city plan as real submissions come (Fixtures/make-real-submissions.sh, GDAL): one File
/// Geodatabase with the standard layer names, and the GeoJSON reprojected to EPSG:4490.
/// </summary>
public sealed class RealSubmissionTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static List<string> Findings(string package)
    {
        GeometryServices.UseAsDefault();
        var loaded = PlanLoader.Load(package);
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == Core.Findings.Severity.Error);
        var checker = new Checker(RuleCatalog.Load([Path.Combine(RepoRoot(), "rules")]).Rules);
        return checker.Check(loaded.Plan!).Findings
            .Select(f => $"{f.Rule} {string.Join(",", f.Subjects.Select(s => $"{s.Layer}:{s.Id}"))} {f.Measure?.Value:F3}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Check_GeodatabaseWrittenByGdal_GivesTheFindingsOfTheGeoJsonItCameFrom()
    {
        Assert.Equal(Findings(Path.Combine(RepoRoot(), "example-plans", "qinghe-city")), Findings(Fixture("qinghe-city-gdb")));
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the ElementFlow repository.");
    }
}
