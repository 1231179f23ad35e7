using System.Text.RegularExpressions;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Tests;

public class HtmlReportWriterTests
{
    private static string Write(Language language = Language.En, HtmlReportWriter? writer = null, Report? report = null) =>
        SampleReport.Write(writer ?? new HtmlReportWriter(), report ?? SampleReport.Report(), SampleReport.Context(language));

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Zh)]
    public void Write_SampleReport_MatchesTheApprovedSnapshot(Language language)
    {
        Approver.Verify($"sample.{language.ToString().ToLowerInvariant()}", "html", Write(language));
    }

    [Fact]
    public void Write_EveryFindingWithGeometry_HasOneHighlightedShapeLinkedToItsRow()
    {
        var html = Write();
        var hits = Regex.Matches(html, "<path class=\"hit[^\"]*\" id=\"g-(\\d+)\" data-f=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        var rows = Regex.Matches(html, "<tr id=\"f-(\\d+)\"[^>]*data-mapped=\"1\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(SampleReport.Report().Findings.Count(f => f.Geometry is { IsEmpty: false }), hits.Count);
        Assert.Equal(rows, hits.Order());
    }

    [Fact]
    public void Write_Page_NeedsNoNetwork()
    {
        var html = Write();

        Assert.DoesNotMatch("<(script|link|img|iframe)[^>]+(src|href)=", html);
        Assert.DoesNotContain(Regex.Matches(html, "https?://[^\"]+").Select(m => m.Value), u => u != "http://www.w3.org/2000/svg");
    }

    [Fact]
    public void Write_PlanLayers_AreDrawnUnderTheFindings()
    {
        var html = Write();
        var map = html[html.IndexOf("<svg", StringComparison.Ordinal)..];

        foreach (var role in new[] { "land_use", "permanent_basic_farmland", "ecological_redline", "urban_development_boundary", "boundary" })
        {
            Assert.Contains($"data-layer=\"{role}\"", map);
        }

        Assert.True(map.IndexOf("data-layer=\"boundary\"", StringComparison.Ordinal) < map.IndexOf("class=\"hit", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_ShapeTooSmallToSee_GetsARingAroundIt()
    {
        var html = Write();
        var sliver = Regex.Match(html, "<path class=\"hit sev-warning\" id=\"g-1\" data-f=\"1\" d=\"([^\"]+)\"").Groups[1].Value;

        Assert.Contains("a8,8 0 1 0 16,0", sliver);
        Assert.Contains("a5.5,5.5 0 1 0 11,0", sliver);
    }

    [Fact]
    public void Write_LayerOverTheCap_IsCutAndThePageSaysSo()
    {
        var html = Write(writer: new HtmlReportWriter { MaxFeaturesPerLayer = 2 });

        Assert.Contains("Layer Land use has 3 features; only the first 2 are drawn.", html);
    }

    [Fact]
    public void Write_BigPlan_IsCappedAndSimplifiedToAPageOfSaneSize()
    {
        // 160 x 160 land-use squares of 60 m, each with a vertex every metre: 25,600 features, 6 million vertices.
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        var features = new List<Core.Planning.Feature>();
        for (var i = 0; i < 160 * 160; i++)
        {
            double x = 39500000 + i % 160 * 60, y = 3300000 + i / 160 * 60;
            var ring = Enumerable.Range(0, 60).Select(k => new NetTopologySuite.Geometries.Coordinate(x + k, y))
                .Concat(Enumerable.Range(0, 60).Select(k => new NetTopologySuite.Geometries.Coordinate(x + 60, y + k)))
                .Concat(Enumerable.Range(0, 60).Select(k => new NetTopologySuite.Geometries.Coordinate(x + 60 - k, y + 60)))
                .Concat(Enumerable.Range(0, 60).Select(k => new NetTopologySuite.Geometries.Coordinate(x, y + 60 - k)))
                .Append(new NetTopologySuite.Geometries.Coordinate(x, y)).ToArray();
            features.Add(new Core.Planning.Feature($"L{i}", factory.CreatePolygon(ring), new Dictionary<string, object?>(), i + 1));
        }

        var plan = SampleReport.DemoCity with
        {
            Layers = new Dictionary<string, Core.Planning.Layer> { ["land_use"] = new(Core.Planning.LayerRole.LandUse, "land_use.geojson", features) },
        };
        var context = SampleReport.Context(Language.En) with { Plans = [plan] };

        var html = SampleReport.Write(new HtmlReportWriter(), SampleReport.Report(), context);

        Assert.Contains("Layer Land use has 25600 features; only the first 20000 are drawn.", html);
        Assert.True(html.Length < 2_000_000, $"the page has {html.Length:N0} characters");
    }

    [Fact]
    public void Write_Filters_OfferTheSeveritiesRulesAndPlansPresent()
    {
        var html = Write();

        Assert.Contains("<select id=\"filter-severity\" data-key=\"severity\"><option value=\"\">All</option><option value=\"error\">error</option><option value=\"warning\">warning</option></select>", html);
        Assert.Contains("<option value=\"DATA-008\">DATA-008</option>", html);
        Assert.Contains("<option value=\"demo-county\">demo-county</option>", html);
    }

    [Fact]
    public void Write_NoFindings_SaysSoAndStillDrawsThePlan()
    {
        var html = Write(Language.Zh, report: SampleReport.Report() with { Findings = [] });

        Assert.Contains("未发现问题。", html);
        Assert.Contains("data-layer=\"boundary\"", html);
        Assert.DoesNotContain("<path class=\"hit", html);
    }

    [Fact]
    public void Write_Text_IsEscaped()
    {
        var report = SampleReport.Report();
        var evil = report with { Findings = [report.Findings[0] with { MessageTemplate = LocalizedText.Same("<script>alert(1)</script> & co") }] };

        var html = Write(report: evil);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
        Assert.DoesNotContain("<script>alert(1)", html);
    }
}
