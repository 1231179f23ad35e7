namespace ElementFlow.Core.Planning;

/// <summary>
/// The code lists attribute values are checked against (DATA-009): land/sea-use codes of the 2023
/// classification guide, planning zones, UDB sub-zones and facility kinds, with their Chinese names.
/// </summary>
public static class CodeLists
{
    /// <summary>Land/sea-use codes: first level 01–24 and the second and third levels DOMAIN §2 and the guide list.</summary>
    public static IReadOnlySet<string> LandUse { get; } = BuildLandUse();

    public static IReadOnlyDictionary<string, string> Zones { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ecological_protection"] = "生态保护区",
        ["ecological_control"] = "生态控制区",
        ["farmland_protection"] = "农田保护区",
        ["urban_development"] = "城镇发展区",
        ["rural_development"] = "乡村发展区",
        ["marine_development"] = "海洋发展区",
        ["mineral_energy"] = "矿产能源发展区",
    };

    public static IReadOnlyDictionary<string, string> UrbanDevelopmentZones { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["concentrated"] = "城镇集中建设区",
        ["flexible"] = "城镇弹性发展区",
        ["special"] = "特别用途区",
    };

    public static IReadOnlyDictionary<string, string> FacilityKinds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kindergarten"] = "幼儿园",
        ["primary_school"] = "小学",
        ["middle_school"] = "中学",
        ["clinic"] = "基层医疗卫生设施",
        ["health_centre"] = "社区卫生服务中心",
        ["elderly_care"] = "养老设施",
        ["culture"] = "文化活动设施",
        ["sports"] = "体育设施",
        ["market"] = "菜市场",
        ["bus_stop"] = "公交站",
        ["park"] = "公园",
    };

    /// <summary>Normalises a Chinese zone, sub-zone or kind name to our key; other values come back unchanged.</summary>
    public static string Normalise(string role, string value)
    {
        var list = ListFor(role);
        if (list is null || list.ContainsKey(value)) return value;
        foreach (var (key, zh) in list)
        {
            if (zh == value) return key;
        }

        return value;
    }

    /// <summary>True when the value is a known code for the classifying attribute of that layer role.</summary>
    public static bool IsKnown(string role, string value) => role switch
    {
        "land_use" => LandUse.Contains(value),
        _ => ListFor(role) is not { } list || list.ContainsKey(value) || list.Values.Contains(value),
    };

    /// <summary>Prefix match of a land-use code: "08" matches "080403".</summary>
    public static bool Match(string? code, string prefix) => code is not null && code.StartsWith(prefix, StringComparison.Ordinal);

    private static IReadOnlyDictionary<string, string>? ListFor(string role) => role switch
    {
        "zoning" => Zones,
        "urban_development_boundary" => UrbanDevelopmentZones,
        "facilities" => FacilityKinds,
        _ => null,
    };

    private static HashSet<string> BuildLandUse()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= 24; i++) codes.Add(i.ToString("00"));
        void Range(string first, int from, int to)
        {
            for (var i = from; i <= to; i++) codes.Add(first + i.ToString("00"));
        }

        Range("01", 1, 3); Range("02", 1, 5); Range("03", 1, 4); Range("04", 1, 3); Range("05", 1, 7);
        Range("06", 1, 2); Range("07", 1, 4); Range("08", 1, 7); Range("09", 1, 4); Range("10", 1, 3);
        Range("11", 1, 2); Range("12", 1, 9); Range("13", 1, 12); Range("14", 1, 3); Range("15", 1, 7);
        Range("17", 1, 6); Range("18", 1, 4); Range("19", 1, 6); Range("20", 1, 5); Range("21", 1, 2);
        Range("22", 1, 6); Range("23", 1, 7);
        Range("0601", 1, 2); Range("0602", 1, 3); Range("0701", 1, 3); Range("0703", 1, 2);
        Range("0803", 1, 2); Range("0804", 1, 5); Range("0805", 1, 2); Range("0806", 1, 3); Range("0807", 1, 4);
        Range("0901", 1, 5); Range("1001", 1, 3); Range("1101", 1, 3); Range("1208", 1, 3);
        return codes;
    }
}
