using ElementFlow.Core.Planning;

namespace ElementFlow.Core.Tests.Planning;

public sealed class CodeListsTests
{
    [Theory]
    [InlineData("0701")]
    [InlineData("080403")]
    [InlineData("16")]
    [InlineData("01")]
    [InlineData("24")]
    [InlineData("1312")]
    public void IsKnown_LandUseCodeOfTheGuide_ReturnsTrue(string code)
    {
        Assert.True(CodeLists.IsKnown("land_use", code));
    }

    [Theory]
    [InlineData("0799")]
    [InlineData("25")]
    [InlineData("7")]
    [InlineData("080406")]
    [InlineData("")]
    public void IsKnown_UnknownLandUseCode_ReturnsFalse(string code)
    {
        Assert.False(CodeLists.IsKnown("land_use", code));
    }

    [Theory]
    [InlineData("urban_development")]
    [InlineData("城镇发展区")]
    [InlineData("ecological_protection")]
    [InlineData("生态保护区")]
    public void IsKnown_ZoneByKeyOrChineseName_ReturnsTrue(string zone)
    {
        Assert.True(CodeLists.IsKnown("zoning", zone));
    }

    [Fact]
    public void IsKnown_UnknownZone_ReturnsFalse()
    {
        Assert.False(CodeLists.IsKnown("zoning", "城镇开发区"));
    }

    [Fact]
    public void IsKnown_RoleWithoutCodeList_AcceptsAnything()
    {
        Assert.True(CodeLists.IsKnown("ecological_redline", "whatever"));
    }

    [Theory]
    [InlineData("zoning", "农田保护区", "farmland_protection")]
    [InlineData("urban_development_boundary", "城镇弹性发展区", "flexible")]
    [InlineData("facilities", "幼儿园", "kindergarten")]
    public void Normalise_ChineseName_ReturnsKey(string role, string value, string expected)
    {
        Assert.Equal(expected, CodeLists.Normalise(role, value));
    }

    [Theory]
    [InlineData("zoning", "farmland_protection")]
    [InlineData("zoning", "不存在的分区")]
    [InlineData("land_use", "城镇发展区")]
    public void Normalise_KeyUnknownValueOrRoleWithoutList_ReturnsValueUnchanged(string role, string value)
    {
        Assert.Equal(value, CodeLists.Normalise(role, value));
    }

    [Theory]
    [InlineData("080403", "08", true)]
    [InlineData("080403", "0804", true)]
    [InlineData("0704", "08", false)]
    [InlineData(null, "08", false)]
    public void Match_PrefixOfCode_ReturnsWhetherCodeStartsWithIt(string? code, string prefix, bool expected)
    {
        Assert.Equal(expected, CodeLists.Match(code, prefix));
    }
}
