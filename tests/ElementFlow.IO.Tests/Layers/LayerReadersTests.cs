using ElementFlow.Generator;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Tests.Layers;

public class LayerReadersTests
{
    [Fact]
    public void Load_GeoPackageTableInThePath_ReadsThatTable()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  residential: plan.gpkg#residential\n  land_use: { file: plan.gpkg, layer: ghydyh }\n");
        PlanPackageWriter.Write(new SyntheticPlan(400, seed: 2), "gpkg", Path.Combine(p.Folder, "gen"));
        File.Move(Path.Combine(p.Folder, "gen", "plan.gpkg"), Path.Combine(p.Folder, "plan.gpkg"));

        var result = PlanLoader.Load(p.Zip());

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Plan!.Layers["residential"].Features, f => Assert.True(f.Has("population")));
        Assert.Equal(400, result.Plan.Layers["land_use"].Features.Count);
    }

    [Fact]
    public void Load_BrokenGeoPackage_ReportsUnreadableAndKeepsOtherLayers()
    {
        using var p = new TempPackage(
            TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n  land_use: plan.gpkg\n",
            ("layers/erl.geojson", TempPackage.Rectangles(("E1", 0, 0, 10, 10, "{}"))), ("plan.gpkg", "SQLite format 3\0 but broken"));

        var result = PlanLoader.Load(p.Folder);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("layer.unreadable", true), (d.Code, d.File!.EndsWith("plan.gpkg", StringComparison.Ordinal)));
        Assert.Equal(["land_use"], result.Plan!.BrokenLayers);
        Assert.True(result.Plan.Layers.ContainsKey("ecological_redline"));
    }
}
