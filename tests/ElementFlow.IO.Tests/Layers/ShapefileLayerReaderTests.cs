using System.Text;
using ElementFlow.IO.Layers;
using ElementFlow.IO.Packages;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace ElementFlow.IO.Tests.Layers;

public sealed class ShapefileLayerReaderTests : IDisposable
{
    private const string Zone = "城镇发展区";
    private const string Name = "清河县中心城区";
    private const string Zone39Esri = """PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ef-shp-" + Guid.NewGuid().ToString("N"));

    public ShapefileLayerReaderTests() => Directory.CreateDirectory(Path.Combine(_folder, "layers"));

    /// <summary>Writes layers/zoning.shp with the NTS writer: two squares with Chinese text in the given encoding.</summary>
    private string WriteZoning(Encoding encoding, string? cpg, string? projection = Zone39Esri)
    {
        var path = Path.Combine(_folder, "layers", "zoning.shp");
        var options = new ShapefileWriterOptions(ShapeType.Polygon) { Encoding = encoding, Projection = projection };
        options.AddCharacterField("BSM", 20);
        options.AddCharacterField("GHFQDM", 40);
        options.AddCharacterField("NAME", 60);
        options.AddNumericInt32Field("POPULATION");
        var factory = new GeometryFactory();
        using (var writer = Shapefile.OpenWrite(path, options))
        {
            for (var i = 0; i < 2; i++)
            {
                var x = 39_500_000 + i * 100;
                writer.Geometry = factory.CreatePolygon([new(x, 3_300_000), new(x, 3_300_100), new(x + 100, 3_300_100), new(x + 100, 3_300_000), new(x, 3_300_000)]);
                writer.Fields[0].Value = $"Z{i + 1}";
                writer.Fields[1].Value = Zone;
                writer.Fields[2].Value = Name;
                writer.Fields[3].Value = 1000 * (i + 1);
                writer.Write();
            }
        }

        if (cpg is not null) File.WriteAllText(Path.ChangeExtension(path, ".cpg"), cpg);
        return path;
    }

    [Theory]
    [InlineData("GBK")]
    [InlineData("936")]
    [InlineData("ANSI 936")]
    public void Read_GbkTextWithCpg_ReadsChineseRight(string cpg)
    {
        var path = WriteZoning(Encoding.GetEncoding(936), cpg);

        var result = ShapefileLayerReader.Read(path, Requests.For("zoning", "layers/zoning.shp"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["Z1", "Z2"], result.Layer!.Features.Select(f => f.Id));
        Assert.All(result.Layer.Features, f => Assert.Equal(("urban_development", Name), (f.Text("zone"), f.Text("name"))));
        Assert.Equal([1000.0, 2000.0], result.Layer.Features.Select(f => f.Number("population")));
    }

    [Fact]
    public void Read_GbkTextWithoutCpg_FollowsTheEncodingOfTheLayerEntry()
    {
        WriteZoning(Encoding.GetEncoding(936), cpg: null);
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  zoning: { file: layers/zoning.shp, encoding: gbk }\n");
        CopyInto(p.Folder);

        var result = PlanLoader.Load(p.Folder);

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Plan!.Layers["zoning"].Features, f => Assert.Equal(Name, f.Text("name")));
    }

    [Fact]
    public void Read_Utf8TextWithCpg_ReadsChineseRight()
    {
        var path = WriteZoning(new UTF8Encoding(false), "UTF-8");

        var result = ShapefileLayerReader.Read(path, Requests.For("zoning", "layers/zoning.shp"));

        Assert.All(result.Layer!.Features, f => Assert.Equal(("urban_development", Name), (f.Text("zone"), f.Text("name"))));
    }

    [Fact]
    public void Read_UnknownEncodingName_IsUnreadable()
    {
        var path = WriteZoning(Encoding.GetEncoding(936), "GBK");

        var d = Assert.Single(ShapefileLayerReader.Read(path, Requests.For("zoning", "layers/zoning.shp", encoding: "klingon")).Diagnostics);

        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains("klingon", d.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Read_PrjOfAnotherZone_IsACrsMismatch()
    {
        var path = WriteZoning(Encoding.GetEncoding(936), "GBK", Zone39Esri.Replace("Zone_39", "Zone_40").Replace("39500000.0", "40500000.0").Replace("117.0", "120.0"));

        var d = Assert.Single(ShapefileLayerReader.Read(path, Requests.For("zoning", "layers/zoning.shp")).Diagnostics);

        Assert.Equal("layer.crs-mismatch", d.Code);
        Assert.Contains("EPSG:4528", d.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Read_GarbageShp_IsUnreadableNamingTheFile()
    {
        var path = Path.Combine(_folder, "layers", "bad.shp");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(new string('x', 300)));

        var d = Assert.Single(ShapefileLayerReader.Read(path, Requests.For("zoning", "layers/bad.shp")).Diagnostics);

        Assert.Equal(("layer.unreadable", "pkg/layers/bad.shp"), (d.Code, d.File));
    }

    [Fact]
    public void Read_MissingDbf_IsUnreadable()
    {
        var path = WriteZoning(Encoding.GetEncoding(936), "GBK");
        File.Delete(Path.ChangeExtension(path, ".dbf"));

        var d = Assert.Single(ShapefileLayerReader.Read(path, Requests.For("zoning", "layers/zoning.shp")).Diagnostics);

        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains(".dbf", d.Message(Core.Text.Language.En));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(150)]
    public void Read_ShpCutOff_IsUnreadableSayingSo(int keep)
    {
        var path = WriteZoning(Encoding.GetEncoding(936), "GBK");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..keep]);

        var d = Assert.Single(ShapefileLayerReader.Read(path, Requests.For("zoning", "layers/zoning.shp")).Diagnostics);

        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains("cut off", d.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Read_CpgNamingNoEncoding_WarnsAndReadsOn()
    {
        var path = WriteZoning(Encoding.GetEncoding(936), "KLINGON-8");

        var result = ShapefileLayerReader.Read(path, Requests.For("zoning", "layers/zoning.shp"));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("layer.cpg-unknown", Core.Findings.Severity.Warning), (d.Code, d.Severity));
        Assert.Contains("KLINGON-8", d.Message(Core.Text.Language.En));
        Assert.Equal(2, result.Layer!.Features.Count);
    }

    [Fact]
    public void Load_ShapefileInAZipPackage_ReadsWithItsCompanions()
    {
        WriteZoning(Encoding.GetEncoding(936), "GBK");
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  zoning: layers/zoning.shp\n");
        CopyInto(p.Folder);

        var result = PlanLoader.Load(p.Zip());

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Plan!.Layers["zoning"].Features, f => Assert.Equal(Name, f.Text("name")));
    }

    private void CopyInto(string package)
    {
        Directory.CreateDirectory(Path.Combine(package, "layers"));
        foreach (var file in Directory.GetFiles(Path.Combine(_folder, "layers"))) File.Copy(file, Path.Combine(package, "layers", Path.GetFileName(file)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
