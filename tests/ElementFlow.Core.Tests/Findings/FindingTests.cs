using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Core.Tests.Findings;

public sealed class FindingTests
{
    [Fact]
    public void Message_LocalizedArgument_FollowsTheMessageLanguage()
    {
        var finding = new Finding
        {
            Rule = "DATA-002",
            Severity = Severity.Error,
            Plan = "qinghe-city",
            MessageTemplate = new LocalizedText("缺少{what}：{item}，{value:N1}", "Missing {what}: {item}, {value:N1}"),
            Arguments = new Dictionary<string, object?>
            {
                ["what"] = new LocalizedText("图层", "layer"),
                ["item"] = "zoning",
                ["value"] = 1500.26,
            },
        };

        // A catalogue key given as an argument (a layer role) is named in Chinese, the key stays in English.
        Assert.Equal("缺少图层：规划分区，1,500.3", finding.Message(Language.Zh));
        Assert.Equal("Missing layer: zoning, 1,500.3", finding.Message(Language.En));
    }
}
