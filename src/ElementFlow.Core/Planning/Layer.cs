namespace ElementFlow.Core.Planning;

/// <summary>A layer of a plan, already mapped to its role and our field names.</summary>
/// <param name="Role">What the layer is.</param>
/// <param name="Source">The file (and table) it came from, relative to the package, for messages.</param>
/// <param name="Features">Its features in source order.</param>
public sealed record Layer(LayerRole Role, string Source, IReadOnlyList<Feature> Features)
{
    /// <summary>
    /// The field names as the source wrote them (BSM, not the <c>id</c> it is read as), for checks against a database
    /// standard; empty when the source did not say.
    /// </summary>
    public IReadOnlySet<string> SourceFields { get; init; } = new HashSet<string>();
}
