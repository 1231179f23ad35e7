using ElementFlow.Core.Findings;

namespace ElementFlow.Core.Tests.Findings;

public sealed class SeveritiesTests
{
    [Theory]
    [InlineData("error", Severity.Error)]
    [InlineData(" Warning ", Severity.Warning)]
    [InlineData("INFO", Severity.Info)]
    public void TryParse_KnownName_ReturnsSeverity(string text, Severity expected)
    {
        Assert.True(Severities.TryParse(text, out var severity));
        Assert.Equal(expected, severity);
    }

    [Theory]
    [InlineData("fatal")]
    [InlineData(null)]
    public void TryParse_UnknownName_ReturnsFalse(string? text)
    {
        Assert.False(Severities.TryParse(text, out _));
    }

    [Fact]
    public void Severity_Order_ErrorIsWorstInfoIsLeast()
    {
        Assert.True(Severity.Error > Severity.Warning && Severity.Warning > Severity.Info);
    }
}
