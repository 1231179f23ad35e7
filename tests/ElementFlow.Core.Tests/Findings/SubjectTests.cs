using ElementFlow.Core.Findings;

namespace ElementFlow.Core.Tests.Findings;

public sealed class SubjectTests
{
    [Theory]
    [InlineData("P-9", "P-10")]
    [InlineData("P-2", "P-10")]
    [InlineData("A", "B")]
    [InlineData("P-1", "P-1a")]
    [InlineData("E2-9", "E10-1")]
    [InlineData("P-010", "P-10")]
    public void NaturalCompare_FirstBeforeSecond_IsNegativeAndAntisymmetric(string first, string second)
    {
        Assert.True(Subject.NaturalCompare(first, second) < 0);
        Assert.True(Subject.NaturalCompare(second, first) > 0);
    }

    [Fact]
    public void NaturalCompare_SameText_IsZero()
    {
        Assert.Equal(0, Subject.NaturalCompare("P-10", "P-10"));
    }

    [Fact]
    public void NaturalCompare_DigitRunsLongerThanLong_CompareByValue()
    {
        Assert.True(Subject.NaturalCompare("P-99999999999999999999", "P-100000000000000000000") < 0);
    }

    [Fact]
    public void CompareTo_DifferentLayers_OrdersByLayerFirst()
    {
        Assert.True(new Subject("land_use", "Z-1").CompareTo(new Subject("zoning", "A-1")) < 0);
    }

    [Fact]
    public void ToString_IsLayerSlashId()
    {
        Assert.Equal("ecological_redline/E1", new Subject("ecological_redline", "E1").ToString());
    }
}
