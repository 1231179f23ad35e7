using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Core.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    [Fact]
    public void Format_FileAndLine_PrintsLikeACompiler()
    {
        var d = Diagnostic.Error("yaml.syntax", "rules/data.yaml", 12, null, ("detail", "did not find expected key"));

        Assert.Equal("rules/data.yaml:12: error yaml.syntax: YAML syntax error: did not find expected key", d.Format(Language.En));
    }

    [Fact]
    public void Format_Chinese_UsesTheChineseTemplate()
    {
        var d = Diagnostic.Error("yaml.syntax", "rules/data.yaml", 12, null, ("detail", "x"));

        Assert.Equal("rules/data.yaml:12: error yaml.syntax: YAML 语法错误：x", d.Format(Language.Zh));
    }

    [Fact]
    public void Format_FeatureWithoutLine_PrintsFeatureIdInBrackets()
    {
        var d = Diagnostic.Warning("layer.bad-coordinates", "layers/land_use.geojson", featureId: "L-7");

        Assert.Equal(
            "layers/land_use.geojson [L-7]: warning layer.bad-coordinates: The feature has NaN or infinite coordinates; it is treated as having no geometry.",
            d.Format(Language.En));
    }

    [Fact]
    public void Message_UnknownCode_ShowsTheCodeAndDetail()
    {
        var d = Diagnostic.Error("no.such-code", "x.yaml", 1, null, ("detail", "something"));

        Assert.Equal("no.such-code something", d.Message(Language.En));
    }

    [Fact]
    public void Error_Arguments_AreKeptByName()
    {
        var d = Diagnostic.Error("plan.path-missing", "p", null, null, ("path", "/tmp/x"));

        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("/tmp/x", d.Arguments["path"]);
        Assert.Null(d.Line);
    }
}
