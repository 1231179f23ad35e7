using System.Text;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Tests;

public class BaselineReaderTests
{
    private static BaselineReadResult Read(string text) => BaselineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Read_AJsonReport_GivesTheKeysOfItsFindings()
    {
        var report = SampleReport.Report();
        var json = SampleReport.Write(new JsonReportWriter(), report, SampleReport.Context(Language.Zh));

        var read = Read(json);

        Assert.Null(read.Error);
        Assert.Equal(report.Findings.Select(FindingKey.Of), read.Keys!);
    }

    [Theory]
    [InlineData("{ not json", "not JSON")]
    [InlineData("[]", "not an ElementFlow JSON report")]
    [InlineData("""{"schema":"something/else"}""", "not an ElementFlow JSON report")]
    [InlineData("""{"schema":"elementflow/report/v1"}""", "no findings array")]
    [InlineData("""{"schema":"elementflow/report/v1","findings":[{"rule":"LINE-001","plan":"p","subjects":[{"layer":"a"}]}]}""", "findings[0] lacks")]
    [InlineData("""{"schema":"elementflow/report/v1","findings":[{"rule":"LINE-001","subjects":[]}]}""", "findings[0] lacks")]
    public void Read_SomethingElse_SaysWhatIsWrong(string text, string expected)
    {
        var read = Read(text);

        Assert.Null(read.Keys);
        Assert.Contains(expected, read.Error!.En);
        Assert.NotEqual("", read.Error.Zh);
    }
}
