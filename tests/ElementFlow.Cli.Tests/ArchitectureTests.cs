using System.Reflection;

namespace ElementFlow.Cli.Tests;

/// <summary>The dependency boundaries of STYLE.md §2, checked on the built assemblies.</summary>
public class ArchitectureTests
{
    private static IReadOnlySet<string> References(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToHashSet();

    [Theory]
    [InlineData("ElementFlow.Core", "YamlDotNet")]
    [InlineData("ElementFlow.Core", "NRules")]
    [InlineData("ElementFlow.Core", "NRules.RuleModel")]
    [InlineData("ElementFlow.Core", "System.Text.Json")]
    [InlineData("ElementFlow.Core", "ElementFlow.Rules")]
    [InlineData("ElementFlow.Spatial", "NRules")]
    [InlineData("ElementFlow.Spatial", "ElementFlow.Rules")]
    [InlineData("ElementFlow.Spatial", "YamlDotNet")]
    [InlineData("ElementFlow.Rules", "NRules")]
    [InlineData("ElementFlow.Rules", "NRules.RuleModel")]
    [InlineData("ElementFlow.Rules", "ElementFlow.Engine")]
    [InlineData("ElementFlow.Engine", "ElementFlow.IO")]
    [InlineData("ElementFlow.Engine", "System.Console")]
    [InlineData("ElementFlow.IO", "NRules")]
    [InlineData("ElementFlow.IO", "ElementFlow.Rules")]
    [InlineData("ElementFlow.Yaml", "ElementFlow.Rules")]
    [InlineData("ElementFlow.Yaml", "ElementFlow.IO")]
    [InlineData("ElementFlow.Reports", "NRules")]
    [InlineData("ElementFlow.Reports", "ElementFlow.Engine")]
    [InlineData("ElementFlow.IO", "ElementFlow.Checking")]
    [InlineData("ElementFlow.Engine", "ElementFlow.Checking")]
    [InlineData("ElementFlow.Reports", "ElementFlow.Checking")]
    [InlineData("ElementFlow.Checking", "System.CommandLine")]
    [InlineData("ElementFlow.Server", "System.CommandLine")]
    [InlineData("ElementFlow.Server", "ElementFlow.Engine")]
    [InlineData("ElementFlow.Server", "NRules")]
    [InlineData("ElementFlow.Review", "ElementFlow.Engine")]
    [InlineData("ElementFlow.Review", "NRules")]
    [InlineData("ElementFlow.Review", "System.CommandLine")]
    [InlineData("ElementFlow.Review", "Orleans.Core")]
    [InlineData("ElementFlow.Review.Cluster", "ElementFlow.Engine")]
    [InlineData("ElementFlow.Review.Cluster", "NRules")]
    [InlineData("ElementFlow.Review.Cluster", "System.CommandLine")]
    public void Assembly_DoesNotReference(string assembly, string forbidden)
    {
        Assert.DoesNotContain(forbidden, References(assembly));
    }

    [Theory]
    [InlineData("ElementFlow.Core")]
    [InlineData("ElementFlow.Spatial")]
    [InlineData("ElementFlow.Rules")]
    [InlineData("ElementFlow.Engine")]
    [InlineData("ElementFlow.IO")]
    [InlineData("ElementFlow.Reports")]
    [InlineData("ElementFlow.Sources")]
    [InlineData("ElementFlow.Yaml")]
    [InlineData("ElementFlow.Checking")]
    [InlineData("ElementFlow.Server")]
    [InlineData("ElementFlow.Review")]
    [InlineData("ElementFlow.Review.Cluster")]
    public void Library_DoesNotWriteToTheConsole(string assembly)
    {
        // Only the CLI touches the console: libraries return data.
        Assert.DoesNotContain("System.Console", References(assembly));
    }

    [Fact]
    public void LayerSourceSeam_ReferencesOnlyCoreOfOurs()
    {
        // A source in its own project (FileGDB, PostGIS) must be able to stand beside IO: the seam needs nothing of IO, Rules or the engine.
        var ours = References("ElementFlow.Sources").Where(r => r.StartsWith("ElementFlow.", StringComparison.Ordinal));

        Assert.Equal(["ElementFlow.Core"], ours);
    }

    [Fact]
    public void PostGisSource_StandsBesideIo_ReferencingOnlyTheSeamSpatialAndCore()
    {
        // docs/architecture.md: a layer source project → Sources, Spatial, Core; never IO, Rules, the engine or Checking.
        var ours = References("ElementFlow.Sources.PostGis").Where(r => r.StartsWith("ElementFlow.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(["ElementFlow.Core", "ElementFlow.Sources", "ElementFlow.Spatial"], ours);
    }

    [Fact]
    public void FileGdbSource_StandsBesideIo_ReferencingOnlyTheSeamSpatialAndCore()
    {
        var ours = References("ElementFlow.Sources.FileGdb").Where(r => r.StartsWith("ElementFlow.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(["ElementFlow.Core", "ElementFlow.Sources", "ElementFlow.Spatial"], ours);
    }

    [Fact]
    public void Cli_ReadsFileGeodatabases()
    {
        Assert.Contains("filegdb", Cli.Commands.PackageSources.All.All.Select(s => s.Name));
    }

    [Fact]
    public void LayerSources_TheSeamTypesLiveInTheSeam()
    {
        var seam = Assembly.Load("ElementFlow.Sources");

        Assert.All(
            new[] { "ILayerSource", "LayerSources", "LayerRequest", "LayerReadResult", "LayerOption", "FeatureBuilder", "FieldMapping", "IPackageFiles", "WkbNesting" },
            name => Assert.NotNull(seam.GetType($"ElementFlow.Sources.{name}")));
    }

    [Fact]
    public void PackageFormats_AreLayerSources()
    {
        var sources = IO.Layers.PackageFormats.Sources.All.Select(s => s.Name);

        Assert.Equal(["geojson", "gpkg", "shapefile"], sources);
    }

    [Fact]
    public void RuleModel_KnowsNoYamlTypes()
    {
        var model = Assembly.Load("ElementFlow.Rules").GetTypes().Where(t => t.Namespace == "ElementFlow.Rules.Model");
        var leaks = model.SelectMany(t => t.GetProperties().Select(p => (t.Name, p.Name, p.PropertyType)))
            .Where(x => x.PropertyType.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Empty(leaks);
        Assert.NotEmpty(model);
    }
}
