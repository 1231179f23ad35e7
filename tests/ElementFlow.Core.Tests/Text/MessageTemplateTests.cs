using ElementFlow.Core.Text;

namespace ElementFlow.Core.Tests.Text;

public sealed class MessageTemplateTests
{
    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] args) =>
        args.ToDictionary(a => a.Name, a => a.Value);

    [Fact]
    public void Render_NameAndFormattedValue_FillsBoth()
    {
        var text = MessageTemplate.Render("Red line {a} overlaps by {value:N1} m²", Args(("a", "E1"), ("value", 1234.56)));

        Assert.Equal("Red line E1 overlaps by 1,234.6 m²", text);
    }

    [Fact]
    public void Render_UnknownPlaceholder_StaysAsWritten()
    {
        var text = MessageTemplate.Render("{a} and {missing:N1}", Args(("a", "E1")));

        Assert.Equal("E1 and {missing:N1}", text);
    }

    [Fact]
    public void Render_DoubleWithoutFormat_PrintsAtMostFourDecimalsWithoutTrailingZeros()
    {
        Assert.Equal("0.3 2.5 3.1416", MessageTemplate.Render("{a} {b} {c}", Args(("a", 0.1 + 0.2), ("b", 2.50), ("c", Math.PI))));
    }

    [Fact]
    public void Render_NullValue_IsEmpty()
    {
        Assert.Equal("[]", MessageTemplate.Render("[{a}]", Args(("a", null))));
    }

    [Fact]
    public void Render_ListOfStrings_JoinsWithComma()
    {
        Assert.Equal("missing: zoning, land_use", MessageTemplate.Render("missing: {items}", Args(("items", new[] { "zoning", "land_use" }))));
    }

    [Fact]
    public void Render_TemplateWithoutBraces_ReturnsItUnchanged()
    {
        Assert.Equal("no placeholders", MessageTemplate.Render("no placeholders", Args(("a", 1))));
    }

    [Fact]
    public void Names_Template_ListsPlaceholderNamesWithoutFormats()
    {
        Assert.Equal(["a", "value", "b_code"], MessageTemplate.Names("{a} {value:N1} {b_code} {1} {}"));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("规划", 4)]
    [InlineData("a规b", 4)]
    [InlineData("ＡＢ", 4)]
    [InlineData("", 0)]
    public void DisplayWidth_CjkAndFullWidth_CountTwoColumnsEach(string text, int expected)
    {
        Assert.Equal(expected, MessageTemplate.DisplayWidth(text));
    }

    [Fact]
    public void PadRight_ChineseText_PadsToDisplayWidth()
    {
        Assert.Equal("规划  |", MessageTemplate.PadRight("规划", 6) + "|");
    }

    [Fact]
    public void PadRight_TextWiderThanWidth_IsUnchanged()
    {
        Assert.Equal("生态保护红线", MessageTemplate.PadRight("生态保护红线", 4));
    }

    [Theory]
    [InlineData("overlap of {value:N1} m²", null)]
    [InlineData("overlap of {value m²", "{value")]
    [InlineData("overlap {} of {value}", "{}")]
    [InlineData("area} {value}", "}")]
    public void Stray_FindsBracesThatAreNoPlaceholder(string template, string? stray)
    {
        Assert.Equal(stray, MessageTemplate.Stray(template));
    }
}
