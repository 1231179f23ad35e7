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

    [Theory]
    [InlineData("万亩", "10k_mu")]
    [InlineData("亩", "mu")]
    [InlineData("公顷", "ha")]
    [InlineData("平方公里", "km2")]
    [InlineData("平方米", "m2")]
    [InlineData("万人", "10k_persons")]
    [InlineData("人", "persons")]
    [InlineData("平方米/人", "m2_per_person")]
    [InlineData("平方米／人", "m2_per_person")]
    [InlineData("亿立方米", "100m_m3")]
    public void Find_ChineseForm_ReturnsTheUnitOfThatKey(string written, string expected)
    {
        Assert.Equal(expected, Unit.Find(written)?.Key);
    }

    [Fact]
    public void ChineseForms_NameOnlyUnitsThatExist()
    {
        Assert.All(Unit.ChineseForms.Keys, key => Assert.Contains(Unit.All, u => u.Key == key));
    }
}
