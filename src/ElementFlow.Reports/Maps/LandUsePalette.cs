using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Maps;

/// <summary>A first-level class of the land/sea-use classification (用地用海分类), with its map colour.</summary>
internal sealed record LandUseClass(string Code, LocalizedText Name, string Colour);

/// <summary>
/// The colours of land use on maps: by first-level code (the first two digits of <c>0701</c>), in the
/// palette of the city-level master plan mapping rules (《市级国土空间总体规划制图规范（试行）》,
/// appendix B). Where that table colours second-level classes only (08, 10, 12, 14), the first
/// class's colour stands for the group, as plan maps print it at this scale.
/// </summary>
internal static class LandUsePalette
{
    /// <summary>The colour of a code the table does not know (neutral grey, unlike any class).</summary>
    public const string Unknown = "#9aa0a6";

    public static IReadOnlyList<LandUseClass> Classes { get; } =
    [
        new("01", new("耕地", "Cropland"), "#f5f8dc"),
        new("02", new("园地", "Garden land"), "#bfe9aa"),
        new("03", new("林地", "Forest"), "#68b167"),
        new("04", new("草地", "Grassland"), "#cdf57a"),
        new("05", new("湿地", "Wetland"), "#65cdaa"),
        new("06", new("农业设施建设用地", "Agricultural facilities"), "#d8d79f"),
        new("07", new("居住用地", "Residential"), "#ffff2d"),
        new("08", new("公共管理与公共服务用地", "Public administration and services"), "#ff00ff"),
        new("09", new("商业服务业用地", "Commercial"), "#ff0000"),
        new("10", new("工矿用地", "Industrial and mining"), "#bb9674"),
        new("11", new("仓储用地", "Warehousing"), "#8761d3"),
        new("12", new("交通运输用地", "Transport"), "#b7b7b7"),
        new("13", new("公用设施用地", "Utilities"), "#006380"),
        new("14", new("绿地与开敞空间用地", "Green and open space"), "#00ff00"),
        new("15", new("特殊用地", "Special use"), "#859156"),
        new("16", new("留白用地", "Reserved"), "#ffffff"),
        new("17", new("陆地水域", "Inland water"), "#338ec0"),
        new("18", new("渔业用海", "Fishery sea use"), "#94d5eb"),
        new("19", new("工矿通信用海", "Industrial and communication sea use"), "#56a6d3"),
        new("20", new("交通运输用海", "Transport sea use"), "#6c8bd1"),
        new("21", new("游憩用海", "Recreational sea use"), "#1aaae6"),
        new("22", new("特殊用海", "Special sea use"), "#83bcd6"),
        new("23", new("其他土地", "Other land"), "#eeeeee"),
        new("24", new("其他海域", "Other sea"), "#d6eaf3"),
    ];

    private static readonly Dictionary<string, LandUseClass> ByCode = Classes.ToDictionary(c => c.Code);

    /// <summary>The first-level class of a land-use feature, from its <c>code</c> attribute; null when it has none or an unknown one.</summary>
    public static LandUseClass? ClassOf(Feature feature)
    {
        var code = feature.Text(LayerRole.LandUse.ClassifyingAttribute!)?.Trim() ?? "";
        return code.Length >= 2 && ByCode.TryGetValue(code[..2], out var c) ? c : null;
    }
}
