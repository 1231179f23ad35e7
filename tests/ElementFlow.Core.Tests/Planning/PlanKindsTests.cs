using ElementFlow.Core.Planning;

namespace ElementFlow.Core.Tests.Planning;

public sealed class PlanKindsTests
{
    [Theory]
    [InlineData("national", PlanLevel.National)]
    [InlineData("CITY", PlanLevel.City)]
    [InlineData("County", PlanLevel.County)]
    [InlineData("省级", PlanLevel.Province)]
    [InlineData("市级", PlanLevel.City)]
    [InlineData("县级", PlanLevel.County)]
    [InlineData("乡镇级", PlanLevel.Township)]
    [InlineData("国家级", PlanLevel.National)]
    public void TryParseLevel_EnglishOrChineseName_ReturnsLevel(string text, PlanLevel expected)
    {
        Assert.True(PlanKinds.TryParseLevel(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("municipal")]
    [InlineData("市")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseLevel_UnknownName_ReturnsFalse(string? text)
    {
        Assert.False(PlanKinds.TryParseLevel(text, out _));
    }

    [Theory]
    [InlineData("overall", PlanType.Overall)]
    [InlineData("Detailed", PlanType.Detailed)]
    [InlineData("总体规划", PlanType.Overall)]
    [InlineData("详细规划", PlanType.Detailed)]
    [InlineData("专项规划", PlanType.Special)]
    public void TryParseType_EnglishOrChineseName_ReturnsType(string text, PlanType expected)
    {
        Assert.True(PlanKinds.TryParseType(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("master")]
    [InlineData(null)]
    public void TryParseType_UnknownName_ReturnsFalse(string? text)
    {
        Assert.False(PlanKinds.TryParseType(text, out _));
    }

    [Fact]
    public void Name_LevelAndType_AreLowerCaseYamlNames()
    {
        Assert.Equal("township", PlanLevel.Township.Name());
        Assert.Equal("special", PlanType.Special.Name());
    }

    [Theory]
    [InlineData(PlanLevel.National, false)]
    [InlineData(PlanLevel.Province, false)]
    [InlineData(PlanLevel.City, true)]
    [InlineData(PlanLevel.County, true)]
    [InlineData(PlanLevel.Township, true)]
    public void IsValidPair_Detailed_OnlyAtCityCountyTownship(PlanLevel level, bool expected)
    {
        Assert.Equal(expected, PlanKinds.IsValidPair(level, PlanType.Detailed));
    }

    [Theory]
    [InlineData(PlanLevel.National)]
    [InlineData(PlanLevel.Province)]
    [InlineData(PlanLevel.Township)]
    public void IsValidPair_OverallAndSpecial_AtEveryLevel(PlanLevel level)
    {
        Assert.True(PlanKinds.IsValidPair(level, PlanType.Overall));
        Assert.True(PlanKinds.IsValidPair(level, PlanType.Special));
    }
}
