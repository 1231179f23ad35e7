using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Tests;

public class TextReportWriterTests
{
    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Zh)]
    public void Write_SampleReport_MatchesTheApprovedSnapshot(Language language)
    {
        var text = SampleReport.Write(new TextReportWriter(), SampleReport.Report(), SampleReport.Context(language));

        Approver.Verify($"sample.{language.ToString().ToLowerInvariant()}", "txt", text);
    }

    [Fact]
    public void Write_WithBaseline_EndsWithNewFixedAndUnchanged()
    {
        var text = SampleReport.Write(new TextReportWriter(), SampleReport.Report(new BaselineSummary(5, 2, 3)), SampleReport.Context(Language.En));

        Assert.EndsWith("Against the baseline: 5 new, 2 fixed, 3 unchanged (only new findings are listed).\n", text.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Write_WithoutBaseline_SaysNothingAboutIt()
    {
        var text = SampleReport.Write(new TextReportWriter(), SampleReport.Report(), SampleReport.Context(Language.En));

        Assert.DoesNotContain("baseline", text);
    }
}
