using ElementFlow.Core.Text;

namespace ElementFlow.Core.Tests.Text;

public class SuggestionsTests
{
    private static readonly string[] Keys = ["indicators", "layers", "level", "name", "unit", "value"];

    [Theory]
    [InlineData("indicaters", "indicators")]
    [InlineData("unti", "unit")]
    [InlineData("Level", "level")]
    [InlineData("layer", "layers")]
    [InlineData("vaule", "value")]
    public void Nearest_ASlip_SuggestsTheKnownName(string given, string expected)
    {
        Assert.Equal(expected, Suggestions.Nearest(given, Keys));
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("description")]
    [InlineData("")]
    public void Nearest_ANameFarFromEveryKnownOne_SuggestsNothing(string given)
    {
        Assert.Null(Suggestions.Nearest(given, Keys));
    }

    [Fact]
    public void Nearest_AKnownName_SuggestsNothing()
    {
        Assert.Null(Suggestions.Nearest("level", Keys));
    }

    [Fact]
    public void Hint_WithASuggestion_AsksInBothLanguages()
    {
        var hint = Suggestions.Hint("indicators");

        Assert.Equal(("，是否应为 indicators？", "; did you mean indicators?"), (hint.Zh, hint.En));
    }
}
