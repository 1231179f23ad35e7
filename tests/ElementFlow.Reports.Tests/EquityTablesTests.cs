using System.Text;
using System.Text.Json;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Tests;

public class EquityTablesTests
{
    private static readonly Report Report = new()
    {
        Plans = [new PlanEntry("qinghe-city", PlanLevel.City, PlanType.Overall, "example-plans/qinghe-city")],
        RuleSets = [new RuleSetEntry("equity", "1.0.0")],
        Findings = [],
        Equity =
        [
            new EquityRow("qinghe-city", "SD-01", "清波街道", 88_100, new Dictionary<string, double> { ["kindergarten_300m"] = 1, ["life_circle_1000m"] = 0.549376 }),
            new EquityRow("qinghe-city", "SD-09", null, 0, new Dictionary<string, double>()),
        ],
    };

    [Fact]
    public void Text_EquityRows_PrintOneTablePerPlanWithPercentages()
    {
        var text = Write(new TextReportWriter(), Language.Zh);
        var table = text[text.IndexOf("生活圈", StringComparison.Ordinal)..text.IndexOf("\n\n合计", StringComparison.Ordinal)];

        Approver.Verify("equity.zh", "txt", table);
    }

    [Fact]
    public void Text_NoEquityRows_PrintsNoTable()
    {
        var text = Write(new TextReportWriter(), Language.En, Report with { Equity = [] });

        Assert.DoesNotContain("Life-circle coverage", text);
    }

    [Fact]
    public void Json_EquityRows_AreAnArrayOfPlanSubdistrictNamePopulationCoverage()
    {
        using var json = JsonDocument.Parse(Write(new JsonReportWriter(), Language.En));

        var rows = json.RootElement.GetProperty("equity").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("""{"plan":"qinghe-city","subdistrict":"SD-01","name":"清波街道","population":88100,"coverage":{"kindergarten_300m":1,"life_circle_1000m":0.549376}}""",
            JsonSerializer.Serialize(rows[0], new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("name").ValueKind);
    }

    [Fact]
    public void Json_RelatedFiguresOfAMeasure_SitBesideItsValue()
    {
        var finding = new Finding
        {
            Rule = "EQUI-002", Severity = Severity.Warning, Plan = "qinghe-city", MessageTemplate = LocalizedText.Same("m"),
            Measure = new Measure("kindergarten_share", 0.625, 0.9) { Related = new Dictionary<string, double> { ["straight_line_share"] = 0.875 } },
        };

        using var json = JsonDocument.Parse(Write(new JsonReportWriter(), Language.En, Report with { Findings = [finding] }));

        var measure = json.RootElement.GetProperty("findings")[0].GetProperty("measure");
        Assert.Equal(0.875, measure.GetProperty("straight_line_share").GetDouble());
        Assert.Equal(0.625, measure.GetProperty("value").GetDouble());
    }

    private static string Write(IReportWriter writer, Language language, Report? report = null)
    {
        using var stream = new MemoryStream();
        writer.Write(report ?? Report, new ReportContext(language, "0.1.0"), stream);
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
    }
}
