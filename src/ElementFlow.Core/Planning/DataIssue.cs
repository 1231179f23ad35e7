namespace ElementFlow.Core.Planning;

/// <summary>
/// A problem the loader met inside otherwise readable data (a missing or duplicate feature id).
/// It becomes a fact for the rules, not an error of the run: the data is wrong, the input is readable.
/// </summary>
public sealed record DataIssue(string Layer, string FeatureId, string Code, string Detail)
{
    public const string MissingId = "missing-id";
    public const string DuplicateId = "duplicate-id";

    /// <summary>The feature's shape had curve segments (arcs, Béziers), which were densified; the detail is how many.</summary>
    public const string CurvedSegments = "curved-segments";

    /// <summary>The feature's shape could not be built (a multipatch); the feature has no geometry. The detail says why.</summary>
    public const string UnreadableShape = "unreadable-shape";
}
