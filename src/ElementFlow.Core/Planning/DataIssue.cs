namespace ElementFlow.Core.Planning;

/// <summary>
/// A problem the loader met inside otherwise readable data (a missing or duplicate feature id).
/// It becomes a fact for the rules, not an error of the run: the data is wrong, the input is readable.
/// </summary>
public sealed record DataIssue(string Layer, string FeatureId, string Code, string Detail)
{
    public const string MissingId = "missing-id";
    public const string DuplicateId = "duplicate-id";
}
