using ElementFlow.Core.Units;

namespace ElementFlow.Core.Tests.Units;

public sealed class QuantityTests
{
    [Fact]
    public void InBase_OneMu_IsTwoThousandThirdsSquareMetres()
    {
        Assert.Equal(2000.0 / 3.0, new Quantity(1, Unit.Mu).InBase);
    }

    [Fact]
    public void In_TenThousandMuToHectare_IsSixHundredSixtySixAndTwoThirds()
    {
        Assert.Equal(666.666_666_666_666_7, new Quantity(1, Unit.TenThousandMu).In(Unit.Hectare), 9);
    }

    [Fact]
    public void In_OneAndAHalfTenThousandMuToHectare_IsOneThousand()
    {
        Assert.Equal(1000, new Quantity(1.5, Unit.TenThousandMu).In(Unit.Hectare), 9);
    }

    [Fact]
    public void In_SquareKilometreToHectare_MultipliesByOneHundred()
    {
        Assert.Equal(250, new Quantity(2.5, Unit.SquareKilometre).In(Unit.Hectare), 12);
    }

    [Fact]
    public void In_OtherDimension_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Quantity(1, Unit.Hectare).In(Unit.Percent));
        Assert.Equal("Cannot convert ha to %.", ex.Message);
    }

    [Fact]
    public void Canonical_SquareKilometres_IsHectares()
    {
        Assert.Equal(1234, new Quantity(12.34, Unit.SquareKilometre).Canonical, 9);
    }

    [Fact]
    public void Canonical_SquareMetres_IsHectares()
    {
        Assert.Equal(0.5, new Quantity(5000, Unit.SquareMetre).Canonical, 12);
    }

    [Fact]
    public void Canonical_Percent_IsZeroToOneFraction()
    {
        Assert.Equal(0.35, new Quantity(35, Unit.Percent).Canonical, 12);
    }

    [Fact]
    public void Canonical_TenThousandPersons_IsPersons()
    {
        Assert.Equal(1_250_000, new Quantity(125, Unit.TenThousandPersons).Canonical, 6);
    }

    [Fact]
    public void ToString_UsesInvariantCultureAndKey()
    {
        Assert.Equal("12.5 km2", new Quantity(12.5, Unit.SquareKilometre).ToString());
    }
}
