using ElementFlow.Core.Text;

namespace ElementFlow.Core.Planning;

/// <summary>
/// The Chinese names of the catalogue's keys — indicators (farmland_retention → 耕地保有量), planning
/// zones, urban development sub-zones, facility kinds, layer roles, plan levels and types — so that
/// Chinese text never shows a raw key where a reader expects a name.
/// </summary>
public static class Terms
{
    private static readonly Dictionary<string, string> Names = Build();

    /// <summary>The Chinese name of a catalogue key, or null for anything else (feature ids, codes, free text).</summary>
    public static string? Zh(string key) => Names.GetValueOrDefault(key);

    /// <summary>A value as a message argument: a catalogue key becomes its name in both languages (the key in English).</summary>
    public static object? Localize(object? value) =>
        value is string s && Zh(s) is { } zh ? new LocalizedText(zh, s) : value;

    /// <summary>Every key with a Chinese name, for tests that look for untranslated keys.</summary>
    public static IReadOnlyCollection<string> Keys => Names.Keys;

    private static Dictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in IndicatorCatalog.All) names[d.Key] = d.Zh;
        foreach (var list in new[] { CodeLists.Zones, CodeLists.UrbanDevelopmentZones, CodeLists.FacilityKinds })
        {
            foreach (var (key, zh) in list) names.TryAdd(key, zh);
        }

        foreach (var role in LayerRole.All) names.TryAdd(role.Name, role.Zh);
        return names;
    }
}
