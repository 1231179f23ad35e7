using System.Text.Json;
using ElementFlow.Core.Text;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace ElementFlow.Reports.Tests;

public class GeoJsonReportWriterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    [Fact]
    public void Write_SampleReport_MatchesTheApprovedSnapshot()
    {
        var geojson = SampleReport.Write(new GeoJsonReportWriter(), SampleReport.Report(), SampleReport.Context(Language.En));

        Approver.Verify("sample.en", "geojson", geojson);
    }

    [Fact]
    public void Write_ReadBackWithNts_HasTheJsonReportsMappedFindingsAndFields()
    {
        var report = SampleReport.Report();
        var context = SampleReport.Context(Language.En);
        var features = JsonSerializer.Deserialize<FeatureCollection>(SampleReport.Write(new GeoJsonReportWriter(), report, context), Options)!;
        using var json = JsonDocument.Parse(SampleReport.Write(new JsonReportWriter(), report, context));
        var mapped = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null).ToList();

        Assert.Equal(mapped.Count, features.Count);
        foreach (var (feature, finding) in features.Zip(mapped))
        {
            var a = feature.Attributes;
            Assert.Equal(finding.GetProperty("rule").GetString(), a["rule"]);
            Assert.Equal(finding.GetProperty("severity").GetString(), a["severity"]);
            Assert.Equal(finding.GetProperty("plan").GetString(), a["plan"]);
            Assert.Equal(finding.GetProperty("message").GetString(), a["message"]);
            Assert.Equal(string.Join(", ", finding.GetProperty("subjects").EnumerateArray().Select(s => $"{s.GetProperty("layer").GetString()}/{s.GetProperty("id").GetString()}")), a["subjects"]);
            Assert.Equal(finding.GetProperty("measure").GetProperty("name").GetString(), a["measure_name"]);
            Assert.Equal(finding.GetProperty("measure").GetProperty("value").GetDouble(), Convert.ToDouble(a["measure_value"]));
            Assert.Equal(finding.GetProperty("measure").GetProperty("limit").GetDouble(), Convert.ToDouble(a["measure_limit"]));
            var waiver = finding.GetProperty("waived_by");
            Assert.Equal(waiver.ValueKind == JsonValueKind.Null ? null : waiver.GetProperty("approval").GetString(), a["waived_by"]);
            Assert.Equal(finding.GetProperty("geometry").GetProperty("type").GetString(), feature.Geometry.GeometryType);
        }
    }

    [Fact]
    public void Write_PlansInOneCrs_NameItForGisTools()
    {
        var geojson = SampleReport.Write(new GeoJsonReportWriter(), SampleReport.Report(), SampleReport.Context(Language.En));

        Assert.Equal("urn:ogc:def:crs:EPSG::4527", JsonDocument.Parse(geojson).RootElement.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
    }
}
