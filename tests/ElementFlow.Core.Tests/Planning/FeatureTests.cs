using ElementFlow.Core.Planning;

namespace ElementFlow.Core.Tests.Planning;

public sealed class FeatureTests
{
    private static Feature With(string name, object? value) =>
        new("F1", null, new Dictionary<string, object?> { [name] = value }, 1);

    [Theory]
    [InlineData(12.5)]
    [InlineData("12.5")]
    public void Number_DoubleOrNumericText_ReturnsValue(object value)
    {
        Assert.Equal(12.5, With("population", value).Number("population"));
    }

    [Fact]
    public void Number_LongValue_ReturnsValue()
    {
        Assert.Equal(42, With("population", 42L).Number("population"));
    }

    [Fact]
    public void Number_MissingOrNonNumeric_ReturnsNaN()
    {
        Assert.True(double.IsNaN(With("population", "many").Number("population")));
        Assert.True(double.IsNaN(With("population", 1.0).Number("area")));
    }

    [Fact]
    public void Text_Number_UsesInvariantCulture()
    {
        Assert.Equal("0.5", With("ratio", 0.5).Text("ratio"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Has_EmptyOrNullValue_ReturnsFalse(string? value)
    {
        Assert.False(With("code", value).Has("code"));
    }

    [Fact]
    public void Has_NonEmptyValue_ReturnsTrue()
    {
        Assert.True(With("code", "0701").Has("code"));
    }
}
