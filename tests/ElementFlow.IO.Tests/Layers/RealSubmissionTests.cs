using ElementFlow.Engine;
using ElementFlow.Core.Limits;
using ElementFlow.IO.Layers;
using ElementFlow.IO.Packages;
using ElementFlow.Rules;
using ElementFlow.Sources.FileGdb;

namespace ElementFlow.IO.Tests.Layers;

/// <summary>
/// The example city plan as real submissions come (Fixtures/make-real-submissions.sh, GDAL): one File
/// Geodatabase with the standard layer names, and the GeoJSON reprojected to EPSG:4490.
/// </summary>
public sealed class RealSubmissionTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static List<Core.Findings.Finding> Check(string package)
    {
        var loaded = PlanLoader.Load(package, InputLimits.Default, PackageFormats.Sources.With(new FileGdbSource()));
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == Core.Findings.Severity.Error);
        var checker = new Checker(RuleCatalog.Load([Path.Combine(RepoRoot(), "rules")]).Rules);
        return checker.Check(loaded.Plan!).Findings.ToList();
    }

    private static string Key(Core.Findings.Finding f) => $"{f.Rule} {string.Join(",", f.Subjects.Select(s => $"{s.Layer}:{s.Id}"))}";

    private static List<string> Findings(string package) =>
        Check(package).Select(f => $"{Key(f)} {f.Measure?.Value:F3}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Check_SamePlanInGeographicCgcs2000_GivesTheSameFindingsWithAreasWithinHalfAPercent()
    {
        var projected = Check(Path.Combine(RepoRoot(), "example-plans", "qinghe-city")).OrderBy(Key, StringComparer.Ordinal).ToList();
        var geographic = Check(Fixture("qinghe-city-4490")).OrderBy(Key, StringComparer.Ordinal).ToList();

        Assert.Equal(projected.Select(Key), geographic.Select(Key));
        Assert.DoesNotContain(geographic, f => f.Rule == "DATA-001");
        foreach (var (p, g) in projected.Zip(geographic))
        {
            if (p.Measure?.Value is not { } expected || g.Measure?.Value is not { } actual || expected == 0) continue;
            Assert.True(Math.Abs(actual - expected) <= 0.005 * Math.Abs(expected), $"{Key(p)}: {actual} vs {expected}");
        }
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
