using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Tests.Packages;

public class PlanLoaderTests
{
    private static readonly string Squares = TempPackage.Rectangles(
        ("E1", 0, 0, 100, 100, "{}"),
        ("E2", 200, 0, 300, 100, "{}"));

    private static Diagnostic Only(PlanLoadResult result, string code) =>
        Assert.Single(result.Diagnostics, d => d.Code == code);

    [Fact]
    public void Load_MinimalPackage_ReadsManifestAndLayers()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n", ("layers/erl.geojson", Squares));

        var result = PlanLoader.Load(p.Folder);

        Assert.Empty(result.Diagnostics);
        var plan = Assert.IsType<Plan>(result.Plan);
        Assert.Equal(("test-county", PlanLevel.County, PlanType.Overall, "330122", 4527), (plan.Id, plan.Level, plan.Type, plan.Region.Code, plan.Crs.Epsg));
        Assert.Equal(["E1", "E2"], plan.Layers["ecological_redline"].Features.Select(f => f.Id));
        Assert.Equal(10_000, plan.Layers["ecological_redline"].Features[0].Geometry!.Area, 6);
    }

    [Fact]
    public void Load_ZipOfPackage_ReadsLikeTheFolder()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n", ("layers/erl.geojson", Squares));

        var result = PlanLoader.Load(p.Zip());

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Plan!.Layers["ecological_redline"].Features.Count);
    }

    [Fact]
    public void Load_ZipWithAnEntryTwice_IsAnErrorAndReadsTheFirst()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"ef-dup-{Guid.NewGuid():N}.zip");
        try
        {
            using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
            {
                foreach (var id in new[] { "test-county", "other" })
                {
                    using var w = new StreamWriter(archive.CreateEntry("plan.yaml").Open());
                    w.Write(TempPackage.MinimalPlan.Replace("id: test-county", $"id: {id}"));
                }
            }

            var result = PlanLoader.Load(zip);

            Assert.Contains("plan.yaml", Only(result, "plan.zip-duplicate-entry").Message(Core.Text.Language.En));
            Assert.Equal("test-county", result.Plan!.Id);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void Load_MalformedYaml_ReportsSyntaxErrorWithLine()
    {
        using var p = new TempPackage("schema: elementflow/plan/v1\nid: [unclosed\nlevel: city\n");

        var result = PlanLoader.Load(p.Folder);

        Assert.Null(result.Plan);
        var d = Only(result, "yaml.syntax");
        Assert.EndsWith("plan.yaml", d.File);
        Assert.NotNull(d.Line);
    }

    [Fact]
    public void Load_MissingLayerFile_NamesRoleFileAndLineAndKeepsOtherLayers()
    {
        using var p = new TempPackage(
            TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n  permanent_basic_farmland: layers/nope.geojson\n",
            ("layers/erl.geojson", Squares));

        var result = PlanLoader.Load(p.Folder);

        var d = Only(result, "layer.file-missing");
        Assert.Equal(11, d.Line);
        Assert.Contains("permanent_basic_farmland", d.Message(Core.Text.Language.En));
        Assert.Contains("layers/nope.geojson", d.Message(Core.Text.Language.En));
        Assert.Equal(["permanent_basic_farmland"], result.Plan!.BrokenLayers);
        Assert.True(result.Plan.Layers.ContainsKey("ecological_redline"));
    }

    [Fact]
    public void Load_BrokenGeoJson_ReportsUnreadableLayerAndKeepsOthers()
    {
        using var p = new TempPackage(
            TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n  zoning: layers/zoning.geojson\n",
            ("layers/erl.geojson", Squares), ("layers/zoning.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"));

        var result = PlanLoader.Load(p.Folder);

        var d = Only(result, "layer.unreadable");
        Assert.EndsWith("layers/zoning.geojson", d.File);
        Assert.Contains("zoning", result.Plan!.BrokenLayers);
        Assert.True(result.Plan.Layers.ContainsKey("ecological_redline"));
    }

    [Fact]
    public void Load_UnknownUnit_ReportsIndicatorLineAndUnits()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nindicators:\n  farmland_retention: { value: 12, unit: acres }\n");

        var result = PlanLoader.Load(p.Folder);

        var d = Only(result, "plan.unknown-unit");
        Assert.Equal(10, d.Line);
        Assert.Contains("acres", d.Message(Core.Text.Language.En));
        Assert.Empty(result.Plan!.Indicators);
    }

    [Fact]
    public void Load_UnknownLayerRole_IsAnErrorNamingTheRole()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  red_lines: layers/erl.geojson\n", ("layers/erl.geojson", Squares));

        var result = PlanLoader.Load(p.Folder);

        var d = Only(result, "plan.unknown-role");
        Assert.Equal(Core.Findings.Severity.Error, d.Severity);
        Assert.Contains("red_lines", d.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Load_OneRoleGivenTwice_IsAnErrorNamingTheSecondEntryAndKeepsTheFirst()
    {
        using var p = new TempPackage(
            TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n  STBHHX: layers/other.geojson\n",
            ("layers/erl.geojson", Squares), ("layers/other.geojson", TempPackage.Rectangles(("X1", 0, 0, 10, 10, "{}"))));

        var result = PlanLoader.Load(p.Folder);

        var d = Only(result, "plan.field-invalid");
        Assert.Contains("layers.STBHHX", d.Message(Core.Text.Language.En));
        Assert.Contains("already given on line", d.Message(Core.Text.Language.En));
        Assert.Equal(["E1", "E2"], result.Plan!.Layers["ecological_redline"].Features.Select(f => f.Id));
    }

    [Fact]
    public void Load_ParentWithANulCharacter_IsAnErrorNotACrash()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nparent: \"../up\\0stairs\"\n");

        var result = PlanLoader.Load(p.Folder);

        var d = Only(result, "plan.field-invalid");
        Assert.Contains("parent has an invalid value '../up?stairs': not a usable path", d.Message(Core.Text.Language.En));
        Assert.Null(result.Plan!.ParentLocation);
    }

    [Fact]
    public void Load_UnknownIndicatorKey_IsAWarningAndKept()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nindicators:\n  bike_lanes: { value: 12, unit: km2 }\n");

        var result = PlanLoader.Load(p.Folder);

        Assert.Equal(Core.Findings.Severity.Warning, Only(result, "plan.unknown-indicator").Severity);
        Assert.True(result.Plan!.Indicators.ContainsKey("bike_lanes"));
    }

    [Fact]
    public void Load_IndicatorsInTenThousandMu_ConvertToHectares()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nindicators:\n  farmland_retention: { value: 1.5, unit: 10k_mu }\n");

        var plan = PlanLoader.Load(p.Folder).Plan!;

        Assert.Equal(1000, plan.Indicators["farmland_retention"].Quantity.Canonical, 9);
    }

    [Fact]
    public void Load_DuplicateAndMissingIds_BecomeDataIssues()
    {
        const string layer = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","id":"A","properties":{},"geometry":{"type":"Point","coordinates":[39500000,3300000]}},
              {"type":"Feature","id":"A","properties":{},"geometry":{"type":"Point","coordinates":[39500010,3300000]}},
              {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[39500020,3300000]}}]}
            """;
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  facilities: layers/f.geojson\n", ("layers/f.geojson", layer));

        var plan = PlanLoader.Load(p.Folder).Plan!;

        Assert.Equal(
            [(DataIssue.DuplicateId, "A"), (DataIssue.MissingId, "#3")],
            plan.DataIssues.Select(i => (i.Code, i.FeatureId)));
    }

    [Fact]
    public void Load_StandardDatabaseNames_AreRecognisedWithoutMapping()
    {
        var landUse = TempPackage.Rectangles(("ignored", 0, 0, 10, 10, "{\"BSM\": 1001, \"YDYHFLDM\": \"0701\"}"));
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  GHYDYH: layers/ghydyh.geojson\n", ("layers/ghydyh.geojson", landUse.Replace("\"id\":\"ignored\",", "")));

        var plan = PlanLoader.Load(p.Folder).Plan!;

        var feature = Assert.Single(plan.Layers["land_use"].Features);
        Assert.Equal(("1001", "0701"), (feature.Id, feature.Text("code")));
    }

    [Fact]
    public void Load_DeclaredFieldMapping_MapsIdAndCode()
    {
        var landUse = TempPackage.Rectangles(("x", 0, 0, 10, 10, "{\"OBJ\": \"P-7\", \"DM\": \"1001\"}"));
        using var p = new TempPackage(
            TempPackage.MinimalPlan + "\nlayers:\n  land_use: { file: layers/lu.geojson, fields: { id: OBJ, code: DM } }\n",
            ("layers/lu.geojson", landUse));

        var feature = Assert.Single(PlanLoader.Load(p.Folder).Plan!.Layers["land_use"].Features);

        Assert.Equal(("P-7", "1001"), (feature.Id, feature.Text("code")));
    }

    [Fact]
    public void Load_ChineseZoneNames_NormaliseToKeys()
    {
        var zoning = TempPackage.Rectangles(("Z1", 0, 0, 10, 10, "{\"zone\": \"城镇发展区\"}"));
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  zoning: layers/z.geojson\n", ("layers/z.geojson", zoning));

        var feature = Assert.Single(PlanLoader.Load(p.Folder).Plan!.Layers["zoning"].Features);

        Assert.Equal("urban_development", feature.Text("zone"));
    }

    [Fact]
    public void Load_LayerDeclaringANonCgcs2000Crs_IsRefusedWithBothCrsNamed()
    {
        var other = Squares.Replace("{\"type\":\"FeatureCollection\",", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4326\"}},");
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n", ("layers/erl.geojson", other));

        var result = PlanLoader.Load(p.Folder);

        var message = Only(result, "layer.crs-mismatch").Message(Core.Text.Language.En);
        Assert.Contains("EPSG:4326", message);
        Assert.Contains("EPSG:4527", message);
        Assert.Contains("ecological_redline", result.Plan!.BrokenLayers);
    }

    [Fact]
    public void Load_MissingFolder_ReportsPathMissing()
    {
        var result = PlanLoader.Load("/no/such/plan");

        Assert.Null(result.Plan);
        Assert.Equal("plan.path-missing", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_FolderWithoutPlanYaml_SaysWhatAPackageIs()
    {
        var folder = Directory.CreateTempSubdirectory("ef-empty-").FullName;

        var result = PlanLoader.Load(folder);

        Assert.Equal("plan.not-found", Assert.Single(result.Diagnostics).Code);
        Directory.Delete(folder);
    }

    [Fact]
    public void Load_UnknownLevel_ReportsAllowedLevels()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan.Replace("level: county", "level: district"));

        var result = PlanLoader.Load(p.Folder);

        Assert.Null(result.Plan);
        Assert.Contains("township", Only(result, "plan.unknown-level").Message(Core.Text.Language.En));
    }

    [Fact]
    public void Load_LayerPathClimbingOutOfThePackage_IsRefused()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  ecological_redline: ../../etc/passwd\n");

        var result = PlanLoader.Load(p.Folder);

        Assert.Contains(result.Diagnostics, d => d.Code == "plan.zip-unsafe-entry");
        Assert.Empty(result.Plan!.Layers);
    }
}
