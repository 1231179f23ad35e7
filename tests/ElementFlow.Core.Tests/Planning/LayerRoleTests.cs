using ElementFlow.Core.Planning;

namespace ElementFlow.Core.Tests.Planning;

public sealed class LayerRoleTests
{
    [Theory]
    [InlineData("STBHHX", "ecological_redline")]
    [InlineData("YJJBNTBHTB", "permanent_basic_farmland")]
    [InlineData("YJJBNT", "permanent_basic_farmland")]
    [InlineData("CZKFBJ", "urban_development_boundary")]
    [InlineData("GHFQ", "zoning")]
    [InlineData("GHYDYH", "land_use")]
    [InlineData("ZXCQGHYDYH", "land_use")]
    [InlineData("XZQ", "boundary")]
    public void Find_DatabaseLayerAlias_ReturnsRole(string alias, string expected)
    {
        Assert.Equal(expected, LayerRole.Find(alias)?.Name);
    }

    [Theory]
    [InlineData("stbhhx", "ecological_redline")]
    [InlineData("Ghydyh", "land_use")]
    [InlineData("LAND_USE", "land_use")]
    public void Find_AnyCase_ReturnsRole(string name, string expected)
    {
        Assert.Equal(expected, LayerRole.Find(name)?.Name);
    }

    [Fact]
    public void Find_OwnRoleName_ReturnsSameInstance()
    {
        Assert.Same(LayerRole.UrbanDevelopmentBoundary, LayerRole.Find("urban_development_boundary"));
    }

    [Theory]
    [InlineData("red_line")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownName_ReturnsNull(string? name)
    {
        Assert.Null(LayerRole.Find(name));
    }

    [Fact]
    public void All_NamesAndAliases_AreUnique()
    {
        var names = LayerRole.All.SelectMany(r => r.Aliases.Prepend(r.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
