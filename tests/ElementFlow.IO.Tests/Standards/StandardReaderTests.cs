using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Standards;
using ElementFlow.IO.Standards;

namespace ElementFlow.IO.Tests.Standards;

/// <summary>Database standards as data: the built-in ones read clean, a province extends them key by key, a bad one is located.</summary>
public sealed class StandardReaderTests
{
    private static DatabaseStandard? Load(string reference, List<Diagnostic> diagnostics, params (string Name, string Text)[] files) =>
        StandardReader.Load(reference, r => StandardSources.ReadBuiltIn(r) is { } t ? (t, StandardSources.ShowBuiltIn(r))
            : files.FirstOrDefault(f => f.Name == r) is { Text: not null } f ? (f.Text, f.Name) : null, diagnostics, "plan.yaml", 9);

    [Theory]
    [InlineData("city")]
    [InlineData("county")]
    public void BuiltIn_ReadsWithoutDiagnostics(string name)
    {
        var diagnostics = new List<Diagnostic>();

        var standard = Load(name, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("2090020610", standard!.Find("GHFQ")!.Ysdm);
    }

    [Fact]
    public void BuiltIn_MapsStandardFieldsToTheAttributesTheLoaderStores()
    {
        var standard = Load("county", []);

        Assert.Equal("id", standard!.Find("GHFQ")!.Fields.Single(f => f.Name == "BSM").Attribute);
        Assert.Equal("zone", standard.Find("GHFQ")!.Fields.Single(f => f.Name == "GHFQDM").Attribute);
    }

    [Fact]
    public void Extends_OverridesOneKeyAndKeepsTheRestOfTheLayer()
    {
        const string province = """
            standard: zj-county
            extends: county
            layers:
              GHFQ: { ysdm: "2090020699" }
              ZXCQCSLX: { remove: true }
            """;

        var standard = Load("zj.yaml", [], ("zj.yaml", province));

        Assert.Equal("2090020699", standard!.Find("GHFQ")!.Ysdm);
        Assert.Equal("zoning", standard.Find("GHFQ")!.Role);
        Assert.Contains(standard.Find("GHFQ")!.Fields, f => f.Name == "GHFQMC" && f.Codes is { Count: > 0 });
        Assert.Null(standard.Find("ZXCQCSLX"));
    }

    [Fact]
    public void BadFieldType_IsAnErrorAtItsLine()
    {
        const string bad = """
            standard: bad
            extends: city
            layers:
              GHFQ:
                fields:
                  GHFQDM: { type: string }
            """;
        var diagnostics = new List<Diagnostic>();

        var standard = Load("bad.yaml", diagnostics, ("bad.yaml", bad));

        Assert.Null(standard);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("bad.yaml", 6, "plan.field-invalid"), (error.File, error.Line, error.Code));
    }

    [Fact]
    public void MisspeltKey_IsAnErrorNamingTheKnownOne()
    {
        var diagnostics = new List<Diagnostic>();

        Load("bad.yaml", diagnostics, ("bad.yaml", "standard: bad\nlayers:\n  XZQ: { ysdn: \"1000600100\" }\n"));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("yaml.unknown-key", 3), (error.Code, error.Line));
    }

    [Fact]
    public void ExtendsItself_IsACycleNotAHang()
    {
        var diagnostics = new List<Diagnostic>();

        Load("loop.yaml", diagnostics, ("loop.yaml", "standard: loop\nextends: loop.yaml\n"));

        Assert.Contains(diagnostics, d => d.Code == "standard.extends-cycle");
    }

    [Fact]
    public void UnknownStandard_IsAnErrorAtThePlanLine()
    {
        var diagnostics = new List<Diagnostic>();

        Load("provincial", diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("standard.not-found", "plan.yaml", 9), (error.Code, error.File, error.Line));
    }
}
