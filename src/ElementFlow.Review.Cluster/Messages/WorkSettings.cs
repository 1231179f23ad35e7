namespace ElementFlow.Review.Cluster.Messages;

/// <summary>
/// What a silo needs to check as the review's client would: the rule sets (absolute paths, or <c>builtin</c>), the
/// language, the date approvals are judged by and the input limits. Silos build their runner from it once and keep it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkSettings
{
    [Id(0)] public required string[] Rules { get; init; }

    [Id(1)] public required string Language { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    [Id(2)] public required string AsOf { get; init; }

    [Id(3)] public required long MaxPackageBytes { get; init; }

    [Id(4)] public required int MaxFeatures { get; init; }

    [Id(5)] public required int MaxVertices { get; init; }

    [Id(6)] public required int MaxYamlAliases { get; init; }

    /// <summary>The folder rule files are shown relative to in findings (the client's working folder).</summary>
    [Id(7)] public required string SourceRoot { get; init; }

    [Id(8)] public required string ToolVersion { get; init; }

    /// <summary>A key to keep one runner per distinct settings on a silo.</summary>
    public string Key => string.Join('\u001f', [.. Rules, Language, AsOf, MaxPackageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MaxFeatures.ToString(System.Globalization.CultureInfo.InvariantCulture), MaxVertices.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MaxYamlAliases.ToString(System.Globalization.CultureInfo.InvariantCulture), SourceRoot, ToolVersion]);
}
