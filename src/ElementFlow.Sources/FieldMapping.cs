using ElementFlow.Core.Planning;

namespace ElementFlow.Sources;

/// <summary>
/// Maps source attribute names to ours: an explicit <c>fields:</c> mapping from plan.yaml first, then the
/// standard field names of Chinese plan databases (BSM, YDYHFLDM, GHFQDM), then the name as it is.
/// </summary>
public sealed class FieldMapping
{
    private static readonly Dictionary<string, string> Standard = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BSM"] = "id",
        ["YDYHFLDM"] = "code",
        ["GHFQDM"] = "zone",
        ["CZKFBJLX"] = "zone",
        ["XZQDM"] = "code",
        ["XZQMC"] = "name",
    };

    /// <summary>Our attribute names (DESIGN §2); formats with case-insensitive field names (dBase) match them ignoring case.</summary>
    public static IReadOnlySet<string> OurNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "code", "zone", "kind", "population", "name", "limited_activity", "secondary_share", "ancillary_share",
    };

    private readonly Dictionary<string, string> _sourceToOurs = new(StringComparer.Ordinal);

    /// <param name="declared">Our field → source field, as written under <c>fields:</c>.</param>
    public FieldMapping(IReadOnlyDictionary<string, string> declared)
    {
        foreach (var (ours, source) in declared) _sourceToOurs[source] = ours;
        IdSource = declared.GetValueOrDefault("id");
    }

    /// <summary>The source field that holds feature ids when plan.yaml names one.</summary>
    public string? IdSource { get; }

    public string Ours(string sourceName) =>
        _sourceToOurs.TryGetValue(sourceName, out var ours) ? ours
        : Standard.TryGetValue(sourceName, out var standard) ? standard
        : sourceName;

    /// <summary>Zone, sub-zone and facility-kind values may be written in Chinese; store our key.</summary>
    public static object? NormaliseValue(LayerRole role, string field, object? value) =>
        value is string s && field == role.ClassifyingAttribute ? CodeLists.Normalise(role.Name, s.Trim()) : value;
}
