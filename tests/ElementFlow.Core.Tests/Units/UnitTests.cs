using ElementFlow.Core.Units;

namespace ElementFlow.Core.Tests.Units;

public sealed class UnitTests
{
    [Fact]
    public void Mu_ToBase_IsTwoThousandThirdsSquareMetresExactly()
    {
        Assert.Equal(2000.0 / 3.0, Unit.Mu.ToBase);
    }

    [Theory]
    [InlineData("ha", "ha")]
    [InlineData("HA", "ha")]
    [InlineData("Km2", "km2")]
    [InlineData(" 10k_MU ", "10k_mu")]
    [InlineData("%", "%")]
    public void Find_KnownKeyInAnyCaseOrPadded_ReturnsUnit(string key, string expected)
    {
        Assert.Equal(expected, Unit.Find(key)?.Key);
    }

    [Theory]
    [InlineData("acre")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownOrMissingKey_ReturnsNull(string? key)
    {
        Assert.Null(Unit.Find(key));
    }

    [Fact]
    public void All_Keys_AreUnique()
    {
        Assert.Equal(Unit.All.Count, Unit.All.Select(u => u.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
