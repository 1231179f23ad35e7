using NetTopologySuite.Geometries;

namespace ElementFlow.Core.Planning;

/// <summary>One feature of a layer: its id, geometry and attributes (numbers as double, text as string).</summary>
/// <param name="Id">The feature id as a string; a synthetic <c>#n</c> when the data had none (and the loader recorded a data issue).</param>
/// <param name="Geometry">The geometry; null when the data had none.</param>
/// <param name="Attributes">Attribute values by our field names.</param>
/// <param name="Ordinal">Position in the source, 1-based, for messages.</param>
public sealed record Feature(string Id, Geometry? Geometry, IReadOnlyDictionary<string, object?> Attributes, int Ordinal)
{
    /// <summary>The line the feature starts on in its file, where the format has lines (GeoJSON); null otherwise (GeoPackage, shapefile).</summary>
    public int? Line { get; init; }

    public string? Text(string attribute) => Attributes.TryGetValue(attribute, out var v) && v is not null
        ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    public double Number(string attribute) => Attributes.TryGetValue(attribute, out var v) ? v switch
    {
        double d => d,
        long l => l,
        int i => i,
        string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => double.NaN,
    } : double.NaN;

    public bool Has(string attribute) => Attributes.TryGetValue(attribute, out var v) && v is not null && v is not string { Length: 0 };
}
