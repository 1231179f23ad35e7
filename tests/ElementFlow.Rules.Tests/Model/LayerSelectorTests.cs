using ElementFlow.Rules.Model;

namespace ElementFlow.Rules.Tests.Model;

public sealed class LayerSelectorTests
{
    [Fact]
    public void Key_WholeLayer_IsTheRole()
    {
        Assert.Equal("land_use", LayerSelector.Whole("land_use").Key);
    }

    [Fact]
    public void Key_Narrowed_NamesEveryPart()
    {
        var selector = new LayerSelector("land_use", ["07", "08"], ["0704"], "feature.Area > 100");

        Assert.False(selector.IsWhole);
        Assert.Equal("land_use[07|08][-0704][feature.Area > 100]", selector.Key);
        Assert.Equal("land_use codes 07,08 except 0704 where feature.Area > 100", selector.ToString());
    }

    [Fact]
    public void Key_EqualSelections_AreEqual()
    {
        Assert.Equal(new LayerSelector("zoning", ["a"], [], null).Key, new LayerSelector("zoning", ["a"], [], null).Key);
        Assert.NotEqual(new LayerSelector("zoning", ["a"], [], null).Key, new LayerSelector("zoning", [], ["a"], null).Key);
    }
}
