namespace ElementFlow.Spatial.Tests;

public sealed class GaussKrugerZoneTests
{
    [Theory]
    [InlineData(4513, 75)]
    [InlineData(4527, 117)]
    [InlineData(4528, 120)]
    [InlineData(4533, 135)]
    [InlineData(4534, 75)]
    [InlineData(4545, 108)]
    [InlineData(4548, 117)]
    [InlineData(4549, 120)]
    [InlineData(4554, 135)]
    public void CentralMeridian_GaussKrugerCode_MatchesTheEpsgRegistry(int epsg, int expected)
    {
        Assert.Equal(expected, GaussKrugerZone.CentralMeridian(epsg));
    }

    [Theory]
    [InlineData(4490)]
    [InlineData(4512)]
    [InlineData(4555)]
    [InlineData(3857)]
    public void CentralMeridian_OtherCode_IsNull(int epsg)
    {
        Assert.Null(GaussKrugerZone.CentralMeridian(epsg));
        Assert.Null(GaussKrugerZone.ValidExtent(epsg));
        Assert.False(GaussKrugerZone.IsGaussKruger(epsg));
    }

    [Fact]
    public void ValidExtent_ZoneWithZoneNumberInEasting_ContainsItsCentreButNotTheNextZone()
    {
        var extent = GaussKrugerZone.ValidExtent(4527);

        Assert.NotNull(extent);
        Assert.True(extent.Contains(39_500_000, 3_300_000));
        Assert.False(extent.Contains(38_500_000, 3_300_000));
        Assert.False(extent.Contains(500_000, 3_300_000));
    }

    [Fact]
    public void ValidExtent_ZoneWithFalseEasting500km_LiesAroundFiveHundredThousand()
    {
        var extent = GaussKrugerZone.ValidExtent(4548);

        Assert.NotNull(extent);
        Assert.True(extent.Contains(500_000, 3_300_000));
        Assert.Equal(500_000, extent.Centre.X);
        Assert.False(extent.Contains(39_500_000, 3_300_000));
    }

    [Fact]
    public void ValidExtent_NorthingOutsideChina_IsOutside()
    {
        var extent = GaussKrugerZone.ValidExtent(4549)!;

        Assert.False(extent.Contains(500_000, -10));
        Assert.False(extent.Contains(500_000, 7_000_000));
    }
}
