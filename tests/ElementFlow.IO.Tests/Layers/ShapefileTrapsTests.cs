using System.Text;
using ElementFlow.Core.Text;
using ElementFlow.IO.Layers;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace ElementFlow.IO.Tests.Layers;

/// <summary>What the dBase format does to plan data: names cut at 10 characters, text without a .cpg.</summary>
public sealed class ShapefileTrapsTests : IDisposable
{
    private const string Name = "清河县中心城区";
    private readonly string _folder = Directory.CreateTempSubdirectory("ef-shp-traps-").FullName;

    /// <summary>layers/land_use.shp with the NTS writer; <paramref name="ldid"/> overwrites the language byte, and no .cpg is left.</summary>
    private string Write(Encoding encoding, byte? ldid, params string[] extraFields)
    {
        var path = Path.Combine(_folder, "land_use.shp");
        var options = new ShapefileWriterOptions(ShapeType.Polygon) { Encoding = encoding };
        options.AddCharacterField("BSM", 20);
        options.AddCharacterField("NAME", 60);
        foreach (var field in extraFields) options.AddNumericInt32Field(field);
        using (var writer = Shapefile.OpenWrite(path, options))
        {
            writer.Geometry = new GeometryFactory().CreatePolygon([new(0, 0), new(0, 1), new(1, 1), new(1, 0), new(0, 0)]);
            writer.Fields[0].Value = "L1";
            writer.Fields[1].Value = Name;
            for (var i = 0; i < extraFields.Length; i++) writer.Fields[2 + i].Value = 3;
            writer.Write();
        }

        File.Delete(Path.ChangeExtension(path, ".cpg"));
        if (ldid is { } b)
        {
            using var dbf = File.Open(Path.ChangeExtension(path, ".dbf"), FileMode.Open);
            dbf.Position = 29;
            dbf.WriteByte(b);
        }

        return path;
    }

    [Fact]
    public void Read_FieldCutToTenCharacters_IsReadAsTheFullName()
    {
        var path = Write(Encoding.UTF8, null, "limited_ac");
        var result = ShapefileLayerReader.Read(path, Requests.For("land_use", "land_use.shp"));
        Assert.Equal(3.0, result.Layer!.Features[0].Number("limited_activity"));
        var d = Assert.Single(result.Diagnostics, d => d.Code == "layer.field-truncated");
        Assert.Equal("Field limited_ac is read as limited_activity (dBase cuts field names at 10 characters).", d.Message(Language.En));
    }

    [Fact]
    public void Read_FieldCutFromANameInTheFieldsMapping_IsReadAsThatName()
    {
        var path = Write(Encoding.UTF8, null, "POPULATION");
        var request = Requests.For("residential", "land_use.shp") with { Fields = new Dictionary<string, string> { ["population"] = "POPULATION_2035" } };
        Assert.Equal(3.0, ShapefileLayerReader.Read(path, request).Layer!.Features[0].Number("population"));
    }

    [Fact]
    public void Read_GbkWithoutCpgOrLanguageByte_IsGuessedAndReported()
    {
        var path = Write(Encoding.GetEncoding(936), 0);
        var result = ShapefileLayerReader.Read(path, Requests.For("land_use", "land_use.shp"));
        Assert.Equal(Name, result.Layer!.Features[0].Text("name"));
        var d = Assert.Single(result.Diagnostics, d => d.Code == "layer.encoding-guessed");
        Assert.Contains("reads as GBK", d.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Utf8WithoutCpgOrLanguageByte_IsGuessedAsUtf8()
    {
        var path = Write(new UTF8Encoding(false), 0);
        var result = ShapefileLayerReader.Read(path, Requests.For("land_use", "land_use.shp"));
        Assert.Equal(Name, result.Layer!.Features[0].Text("name"));
        Assert.Contains("reads as UTF-8", Assert.Single(result.Diagnostics, d => d.Code == "layer.encoding-guessed").Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GbkLanguageByte_IsTakenWithoutGuessing()
    {
        var path = Write(Encoding.GetEncoding(936), 0x4D);
        var result = ShapefileLayerReader.Read(path, Requests.For("land_use", "land_use.shp"));
        Assert.Equal(Name, result.Layer!.Features[0].Text("name"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "layer.encoding-guessed");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
