using ElementFlow.Rules.Conditions;

namespace ElementFlow.Rules.Tests.Conditions;

public sealed class CodesTests
{
    [Theory]
    [InlineData("land_use", "080403", true)]
    [InlineData("land_use", "0799", false)]
    [InlineData("zoning", "城镇发展区", true)]
    [InlineData("zoning", "urban_development", true)]
    [InlineData("facilities", "airport", false)]
    [InlineData("land_use", null, false)]
    public void IsKnown_ValueForLayer_ChecksItsCodeList(string layer, string? value, bool expected)
    {
        Assert.Equal(expected, Codes.IsKnown(layer, value));
    }

    [Theory]
    [InlineData("080403", "08", true)]
    [InlineData("0704", "08", false)]
    [InlineData(null, "08", false)]
    public void Match_Prefix_ReturnsWhetherCodeStartsWithIt(string? code, string prefix, bool expected)
    {
        Assert.Equal(expected, Codes.Match(code, prefix));
    }
}
