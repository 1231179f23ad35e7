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

    [Fact(Skip = "BUG: Region.Contains pads an odd-length trimmed prefix with '0' assuming two-digit groups, but "
        + "township codes have a three-digit group: Region(\"330122101\").Contains(\"330122101\") is false "
        + "(prefix becomes \"3301221010\"), unlike a 6-digit region, which contains itself.")]
    public void Contains_NineDigitTownshipCode_ContainsItself()
    {
        Assert.True(new Region("330122101", "莲花镇").Contains("330122101"));
    }

    [Fact(Skip = "BUG: same odd-length padding: township 330122101 does not contain its village 330122101201 "
        + "(prefix \"3301221010\"), though it does contain 330122101001.")]
    public void Contains_NineDigitTownshipCode_ContainsItsVillages()
    {
        Assert.True(new Region("330122101", "莲花镇").Contains("330122101201"));
    }
}
