using System.Text;
using ElementFlow.Rules.Yaml;
using ElementFlow.Yaml;

namespace ElementFlow.Rules.Tests.Yaml;

public sealed class YamlTextDecodeTests
{
    private const string Text = "id: x\nname: { zh: 西山县, en: Xishan }\n";

    static YamlTextDecodeTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Decode_Utf8WithAndWithoutMark_AndUtf16WithMark_GiveTheText()
    {
        Assert.Equal(Text, YamlText.Decode(Encoding.UTF8.GetBytes(Text), "a.yaml", out var e1));
        Assert.Equal(Text, YamlText.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)], "a.yaml", out var e2));
        Assert.Equal(Text, YamlText.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)], "a.yaml", out var e3));
        Assert.Equal((null, null, null), (e1, e2, e3));
    }

    [Fact]
    public void Decode_GbkBytes_IsAnErrorAtTheLineOfTheFirstBadByte()
    {
        var text = YamlText.Decode(Encoding.GetEncoding(936).GetBytes(Text), "plan.yaml", out var error);

        Assert.Null(text);
        Assert.Equal(("yaml.not-unicode", "plan.yaml", 2), (error!.Code, error.File, error.Line));
        Assert.Contains("GBK", error.Message(Core.Text.Language.En));
    }
}
