using System.Text;
using ElementFlow.IO.Layers;
using ElementFlow.Sources;

namespace ElementFlow.IO.Tests.Layers;

public class GeoJsonLayerReaderTests
{
    private static readonly string ThreeHundred = TempPackage.Rectangles(Enumerable.Range(1, 300)
        .Select(i => ($"P{i}", i * 10.0, 0.0, i * 10.0 + 10, 10.0, $"{{\"code\": \"0{i % 9 + 1}01\", \"n\": {i}}}")).ToArray());

    private static LayerReadResult Read(string json, int bufferSize, Stream? stream = null) =>
        GeoJsonLayerReader.Read(stream ?? new MemoryStream(Encoding.UTF8.GetBytes(json)), Requests.For("land_use", "lu.geojson"), bufferSize);

    private static string Describe(LayerReadResult r) =>
        string.Join(";", r.Layer!.Features.Select(f => $"{f.Id}|{f.Geometry}|{f.Text("code")}|{f.Number("n")}"));

    [Fact]
    public void Read_FileLargerThanItsBuffer_ReadsEveryFeatureAsAWholeRead()
    {
        var small = Read(ThreeHundred, bufferSize: 64);
        var whole = Read(ThreeHundred, bufferSize: ThreeHundred.Length * 2);

        Assert.Equal(300, small.Layer!.Features.Count);
        Assert.Equal(Describe(whole), Describe(small));
        Assert.Empty(small.Diagnostics);
    }

    [Fact]
    public void Read_StreamGivingFewBytesAtATime_ReadsEveryFeature()
    {
        var result = Read("", bufferSize: 256, new TrickleStream(Encoding.UTF8.GetBytes(ThreeHundred), 7));

        Assert.Equal(300, result.Layer!.Features.Count);
        Assert.Equal("P300", result.Layer.Features[^1].Id);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1 << 16)]
    public void Read_FeatureOnItsOwnLines_RecordsTheLineItStartsOn(int bufferSize)
    {
        // One feature per line after two header lines, as GIS tools write GeoJSON: feature i starts on line i + 2.
        var lines = ThreeHundred.Replace("[{\"type\":\"Feature\"", "[\n{\"type\":\"Feature\"").Replace(",{\"type\":\"Feature\"", ",\n{\"type\":\"Feature\"");
        var text = "{\n\"type\":\"FeatureCollection\"," + lines[(lines.IndexOf("\"features\"", StringComparison.Ordinal))..];

        var result = Read(text, bufferSize);

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (int?)(i + 2)), result.Layer!.Features.Select(f => f.Line));
    }

    [Fact]
    public void Read_FeatureLargerThanTheBuffer_GrowsTheBuffer()
    {
        var ring = string.Join(",", Enumerable.Range(0, 2000).Select(i => FormattableString.Invariant(
            $"[{39_500_000 + 100 * Math.Cos(i * Math.PI / 1000)},{3_300_000 + 100 * Math.Sin(i * Math.PI / 1000)}]")));
        var json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"big\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + ",[39500100,3300000]]]}}]}";

        var feature = Assert.Single(Read(json, bufferSize: 128).Layer!.Features);

        Assert.Equal(2001, feature.Geometry!.NumPoints);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsIgnored()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(ThreeHundred)).ToArray();

        var result = Read("", bufferSize: 64, new MemoryStream(bytes));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(300, result.Layer!.Features.Count);
    }

    [Fact]
    public void Read_PropertyTextNotUtf8_IsUnreadableNamingTheFeatureAndDoesNotStall()
    {
        // Feature 1 carries Latin-1 bytes; thousands more follow, more than the builder's queue holds.
        var many = string.Join(",", Enumerable.Range(2, 20_000).Select(i => $"{{\"type\":\"Feature\",\"id\":\"P{i}\",\"properties\":{{\"code\":\"0101\"}},\"geometry\":null}}"));
        var json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"P1\",\"properties\":{\"name\":\"For\u00eat\"},\"geometry\":null}," + many + "]}";

        var result = Read("", bufferSize: 4096, new MemoryStream(Encoding.Latin1.GetBytes(json)));

        Assert.Null(result.Layer);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains("feature 1: its properties hold text that is not valid UTF-8", d.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Read_LegacyCrsAfterTheFeatures_IsStillChecked()
    {
        var json = ThreeHundred[..^1] + ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4490\"}}}";

        var result = Read(json, bufferSize: 64);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("layer.crs-mismatch", d.Code);
        Assert.Contains("EPSG:4490", d.Message(Core.Text.Language.En));
    }

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}", "end")]
    [InlineData("null", "not a GeoJSON FeatureCollection")]
    [InlineData("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}", "not a GeoJSON FeatureCollection")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]} trailing", "")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[1]}", "features must hold Feature objects")]
    [InlineData("", "")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":null},{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1]]]}}]}", "feature 2: ")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":true,\"properties\":{},\"geometry\":null}]}", "feature 1: ")]
    public void Read_Malformed_IsUnreadableNamingTheFile(string json, string detail)
    {
        var result = Read(json, bufferSize: 16);

        Assert.Null(result.Layer);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("layer.unreadable", d.Code);
        Assert.Equal("pkg/lu.geojson", d.File);
        Assert.Contains(detail, d.Message(Core.Text.Language.En));
    }

    /// <summary>Found by fuzzing: the builder thread's exception escaped from Dispose after the layer was already reported.</summary>
    [Theory]
    [InlineData("{\"c\u00FFde\": \"0101\"}")]
    [InlineData("{\"code\": \"01\u00FF01\"}")]
    public void Read_AttributeTextNotUtf8_IsUnreadableInsteadOfThrowing(string properties)
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"P1\",\"properties\":"
            + properties + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,0]]]}}]}";
        var bytes = Encoding.Latin1.GetBytes(json);

        var result = GeoJsonLayerReader.Read(new MemoryStream(bytes), Requests.For("land_use", "lu.geojson"), 64);

        Assert.Null(result.Layer);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains("UTF-8", d.Message(Core.Text.Language.En));
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a slow network or pipe would.</summary>
    private sealed class TrickleStream(byte[] data, int step) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));
    }
}
