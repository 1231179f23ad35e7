using ElementFlow.Core.Limits;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Generator;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Tests.Layers;

/// <summary>
/// <c>--max-features</c> and <c>--max-vertices</c> in each layer format: just over the limit the layer is
/// refused with one <c>limit.exceeded</c> naming file, role, amount and option; at the limit it loads.
/// </summary>
public sealed class LayerLimitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ef-limits-").FullName;

    public static TheoryData<string> Formats() => new("geojson", "gpkg", "shp");

    /// <summary>A small synthetic county in one format, with its land-use layer as read under the default limits.</summary>
    private (string Folder, Layer LandUse) Package(string format)
    {
        var folder = Path.Combine(_root, format);
        PlanPackageWriter.Write(new SyntheticPlan(400, seed: 5), format, folder);
        var plan = PlanLoader.Load(folder).Plan!;
        return (folder, plan.Layers["land_use"]);
    }

    /// <summary>The most vertices of any geometry in any layer of the package.</summary>
    private static int MostVertices(string folder) =>
        PlanLoader.Load(folder).Plan!.Layers.Values.SelectMany(l => l.Features).Max(f => f.Geometry?.NumPoints ?? 0);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Load_OneFeatureMoreThanMaxFeatures_RefusesTheLayerNamingFileCountAndOption(string format)
    {
        var (folder, landUse) = Package(format);
        var count = landUse.Features.Count;

        var result = PlanLoader.Load(folder, new InputLimits { MaxFeatures = count - 1 });

        var d = Assert.Single(result.Diagnostics, d => d.Code == LimitDiagnostics.Code);
        var message = d.Message(Language.En);
        Assert.Equal(landUse.Source, d.File);
        Assert.Contains($"Layer land_use ({landUse.Source}) has {count} features, more than the limit of {count - 1} (--max-features)", message);
        Assert.Contains("raise the limit: --max-features", message);
        Assert.Contains("land_use", result.Plan!.BrokenLayers);
        Assert.Contains("zoning", result.Plan.Layers.Keys);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Load_FeaturesAtMaxFeatures_LoadsTheLayer(string format)
    {
        var (folder, landUse) = Package(format);

        var result = PlanLoader.Load(folder, new InputLimits { MaxFeatures = landUse.Features.Count });

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == LimitDiagnostics.Code);
        Assert.Equal(landUse.Features.Count, result.Plan!.Layers["land_use"].Features.Count);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Load_GeometryOneVertexOverMaxVertices_RefusesTheLayerNamingTheFeature(string format)
    {
        var (folder, landUse) = Package(format);
        var most = landUse.Features.Max(f => f.Geometry?.NumPoints ?? 0);
        var first = landUse.Features.First(f => f.Geometry?.NumPoints == most);

        var result = PlanLoader.Load(folder, new InputLimits { MaxVertices = most - 1 });

        var d = Assert.Single(result.Diagnostics, d => d.Code == LimitDiagnostics.Code && d.Message(Language.En).Contains(" of layer land_use ", StringComparison.Ordinal));
        Assert.Equal(first.Id, d.FeatureId);
        Assert.Contains(
            $"Feature {first.Id} of layer land_use ({landUse.Source}) has {most} vertices, more than the limit of {most - 1} (--max-vertices)",
            d.Message(Language.En));
        Assert.Contains("land_use", result.Plan!.BrokenLayers);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Load_GeometryAtMaxVertices_LoadsTheLayer(string format)
    {
        var (folder, landUse) = Package(format);

        var result = PlanLoader.Load(folder, new InputLimits { MaxVertices = MostVertices(folder) });

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == LimitDiagnostics.Code);
        Assert.Equal(landUse.Features.Count, result.Plan!.Layers["land_use"].Features.Count);
    }

    [Fact]
    public void Load_GeoJsonVertexRefusal_NamesTheMappedIdField()
    {
        var folder = Path.Combine(_root, "mapped");
        Directory.CreateDirectory(Path.Combine(folder, "layers"));
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: { file: layers/erl.geojson, fields: { id: BSM } }\n");
        File.WriteAllText(Path.Combine(folder, "layers", "erl.geojson"), TempPackage.Rectangles(("E1", 0, 0, 10, 10, """{"BSM": "HX-9"}""")));

        var d = Assert.Single(PlanLoader.Load(folder, new InputLimits { MaxVertices = 4 }).Diagnostics);

        Assert.Equal(("limit.exceeded", "HX-9"), (d.Code, d.FeatureId));
        Assert.Contains("has 5 vertices", d.Message(Language.En));
    }

    [Fact]
    public void Load_GeoJsonFeatureLimit_CountsEveryFeatureOfTheLayer()
    {
        var folder = Path.Combine(_root, "count");
        Directory.CreateDirectory(Path.Combine(folder, "layers"));
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n");
        File.WriteAllText(Path.Combine(folder, "layers", "erl.geojson"), TempPackage.Rectangles(
            Enumerable.Range(0, 7).Select(i => ($"E{i}", i * 20.0, 0.0, i * 20.0 + 10, 10.0, "{}")).ToArray()));

        var d = Assert.Single(PlanLoader.Load(folder, new InputLimits { MaxFeatures = 2 }).Diagnostics);

        Assert.Contains("has 7 features, more than the limit of 2 (--max-features). If this is genuine, raise the limit: --max-features 8", d.Message(Language.En));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
