using ElementFlow.Core.Text;

namespace ElementFlow.Core.Tests.Text;

public sealed class LocalizedTextTests
{
    [Fact]
    public void Indexer_BothLanguages_ReturnsEach()
    {
        var text = new LocalizedText("红线", "red line");

        Assert.Equal("红线", text[Language.Zh]);
        Assert.Equal("red line", text[Language.En]);
    }

    [Fact]
    public void Indexer_MissingTranslation_FallsBackToTheOtherLanguage()
    {
        Assert.Equal("red line", new LocalizedText("", "red line")[Language.Zh]);
        Assert.Equal("红线", new LocalizedText("红线", "")[Language.En]);
    }
}
