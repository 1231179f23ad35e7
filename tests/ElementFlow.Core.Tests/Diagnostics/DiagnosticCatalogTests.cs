using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Text;

namespace ElementFlow.Core.Tests.Diagnostics;

public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Codes() => new(DiagnosticCatalog.Codes);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Template_EveryCode_HasChineseAndEnglish(string code)
    {
        var template = DiagnosticCatalog.Template(code);

        Assert.False(string.IsNullOrWhiteSpace(template.Zh), $"{code} has no Chinese text");
        Assert.False(string.IsNullOrWhiteSpace(template.En), $"{code} has no English text");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Template_EveryCode_UsesTheSamePlaceholdersInBothLanguages(string code)
    {
        var template = DiagnosticCatalog.Template(code);

        Assert.Equal(
            MessageTemplate.Names(template.En).Order(StringComparer.Ordinal).Distinct(),
            MessageTemplate.Names(template.Zh).Order(StringComparer.Ordinal).Distinct());
    }

    [Fact]
    public void Codes_AreDottedAndLowerCase()
    {
        Assert.All(DiagnosticCatalog.Codes, code => Assert.Matches("^[a-z]+\\.[a-z-]+$", code));
    }

    [Fact]
    public void Template_UnknownCode_RendersItsOwnName()
    {
        Assert.Equal(new LocalizedText("x.unknown {detail}", "x.unknown {detail}"), DiagnosticCatalog.Template("x.unknown"));
    }
}
