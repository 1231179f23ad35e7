using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Text;

namespace ElementFlow.Core.Tests.Limits;

public sealed class InputLimitsTests
{
    [Theory]
    [InlineData("1048576", 1_048_576L)]
    [InlineData("500MB", 500_000_000L)]
    [InlineData("500mb", 500_000_000L)]
    [InlineData("4GB", 4_000_000_000L)]
    [InlineData("4GiB", 4L << 30)]
    [InlineData("4gib", 4L << 30)]
    [InlineData("512KiB", 512L << 10)]
    [InlineData("1.5MiB", 3L << 19)]
    [InlineData(" 2 TB ", 2_000_000_000_000L)]
    [InlineData("10B", 10L)]
    public void TryParseSize_BytesOrNumberWithUnit_IsRead(string text, long expected)
    {
        Assert.True(InputLimits.TryParseSize(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("0MB")]
    [InlineData("12XB")]
    [InlineData("GB")]
    [InlineData("4 G")]
    [InlineData("1e9")]
    [InlineData("99999999999TiB")]
    public void TryParseSize_AnythingElse_IsRefused(string text)
    {
        Assert.False(InputLimits.TryParseSize(text, out _));
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var limits = InputLimits.Default;

        Assert.Equal((4L << 30, 10_000_000, 5_000_000, 1_000), (limits.MaxPackageBytes, limits.MaxFeatures, limits.MaxVertices, limits.MaxYamlAliases));
    }

    [Theory]
    [InlineData(6_000_123L, 7_000_000L)]
    [InlineData(10_000_001L, 20_000_000L)]
    [InlineData(1_001L, 2_000L)]
    [InlineData(3L, 4L)]
    public void SuggestAbove_IsTheNextRoundNumberAboveTheAmount(long actual, long expected)
    {
        Assert.Equal(expected, InputLimits.SuggestAbove(actual));
    }

    [Theory]
    [InlineData((4L << 30) + 1, "5GiB")]
    [InlineData(3L << 20, "4MiB")]
    [InlineData(1_500L, "2KiB")]
    [InlineData(700L, "701")]
    public void SuggestSize_IsTheNextWholeBinaryUnit(long actual, string expected)
    {
        Assert.Equal(expected, InputLimits.SuggestSize(actual));
        Assert.True(InputLimits.TryParseSize(expected, out var bytes) && bytes > actual);
    }

    [Fact]
    public void VerticesDiagnostic_NamesFileFeatureLimitAndOptionInBothLanguages()
    {
        var d = LimitDiagnostics.Vertices(InputLimits.Default, "pkg/layers/land_use.geojson", "land_use", "LU-17", 6_000_123);

        Assert.Equal(("limit.exceeded", "pkg/layers/land_use.geojson", "LU-17"), (d.Code, d.File, d.FeatureId));
        Assert.Equal(
            "Feature LU-17 of layer land_use (pkg/layers/land_use.geojson) has 6,000,123 vertices, more than the limit of 5,000,000 (--max-vertices). "
            + "If this is genuine, raise the limit: --max-vertices 7000000",
            d.Message(Language.En));
        Assert.Equal(
            "图层 land_use（pkg/layers/land_use.geojson）的要素 LU-17 有 6,000,123 个顶点，超过上限 5,000,000（--max-vertices）。如确属真实数据，可提高上限：--max-vertices 7000000",
            d.Message(Language.Zh));
    }

    [Fact]
    public void LimitPhrases_UseTheSamePlaceholdersInBothLanguages()
    {
        Assert.All(DiagnosticCatalog.LimitPhraseTemplates, kv => Assert.Equal(
            MessageTemplate.Names(kv.Value.En).Order(StringComparer.Ordinal),
            MessageTemplate.Names(kv.Value.Zh).Order(StringComparer.Ordinal)));
    }
}
