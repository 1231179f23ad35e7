using ElementFlow.Core.Planning;

namespace ElementFlow.Core.Tests.Planning;

public sealed class RegionTests
{
    [Theory]
    [InlineData("330100", "330102")]
    [InlineData("330100", "330102101")]
    [InlineData("330000", "330100")]
    [InlineData("330000", "330102")]
    [InlineData("330100", "330100")]
    public void Contains_CodeUnderPrefix_ReturnsTrue(string outer, string inner)
    {
        Assert.True(new Region(outer, "").Contains(inner));
    }

    [Theory]
    [InlineData("330100", "330200")]
    [InlineData("330100", "320102")]
    [InlineData("330102", "330100")]
    [InlineData("330000", "340100")]
    public void Contains_CodeElsewhere_ReturnsFalse(string outer, string inner)
    {
        Assert.False(new Region(outer, "").Contains(inner));
    }

    [Fact]
    public void Contains_ShorterCodeWithSamePrefix_ReturnsFalse()
    {
        Assert.False(new Region("330100", "").Contains("3301"));
    }

    [Fact]
    public void Contains_NineDigitTownshipCode_ContainsItself()
    {
        Assert.True(new Region("330122101", "莲花镇").Contains("330122101"));
    }

    [Fact]
    public void Contains_NineDigitTownshipCode_ContainsItsVillages()
    {
        Assert.True(new Region("330122101", "莲花镇").Contains("330122101201"));
    }
}
