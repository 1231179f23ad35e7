using System.Text.Json;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Tests;

public class JsonReportWriterTests
{
    [Fact]
    public void Write_SampleReport_MatchesTheApprovedSnapshot()
    {
        var json = SampleReport.Write(new JsonReportWriter(), SampleReport.Report(), SampleReport.Context(Language.En));

        Approver.Verify("sample.en", "json", json);
    }

    [Fact]
    public void Write_WithBaseline_AddsTheBaselineObject()
    {
        var json = SampleReport.Write(new JsonReportWriter(), SampleReport.Report(new BaselineSummary(5, 2, 3)), SampleReport.Context(Language.En));
        var baseline = JsonDocument.Parse(json).RootElement.GetProperty("baseline");

        Assert.Equal((5, 2, 3), (baseline.GetProperty("new").GetInt32(), baseline.GetProperty("fixed").GetInt32(), baseline.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public void Write_WithoutBaseline_HasNoBaselineObject()
    {
        var json = SampleReport.Write(new JsonReportWriter(), SampleReport.Report(), SampleReport.Context(Language.En));

        Assert.False(JsonDocument.Parse(json).RootElement.TryGetProperty("baseline", out _));
    }
}
