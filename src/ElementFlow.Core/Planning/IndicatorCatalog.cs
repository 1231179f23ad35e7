using ElementFlow.Core.Units;

namespace ElementFlow.Core.Planning;

/// <summary>How an indicator binds: a floor to keep, a cap not to pass, or neither.</summary>
public enum IndicatorDirection
{
    Floor,
    Cap,
    Base,
    Balance,
    Info,
}

/// <summary>An indicator of DOMAIN §2: key, Chinese name, usual unit and direction.</summary>
public sealed record IndicatorDefinition(string Key, string Zh, Unit Unit, IndicatorDirection Direction);

/// <summary>The indicator keys ElementFlow knows. Unknown keys load with a warning.</summary>
public static class IndicatorCatalog
{
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("farmland_retention", "耕地保有量", Unit.TenThousandMu, IndicatorDirection.Floor),
        new("permanent_basic_farmland_area", "永久基本农田保护面积", Unit.TenThousandMu, IndicatorDirection.Floor),
        new("ecological_redline_area", "生态保护红线面积", Unit.SquareKilometre, IndicatorDirection.Floor),
        new("forest_retention", "林地保有量", Unit.TenThousandMu, IndicatorDirection.Floor),
        new("wetland_area", "湿地面积", Unit.TenThousandMu, IndicatorDirection.Floor),
        new("natural_shoreline_ratio", "自然岸线保有率", Unit.Percent, IndicatorDirection.Floor),
        new("urban_development_boundary_area", "城镇开发边界面积", Unit.SquareKilometre, IndicatorDirection.Cap),
        new("urban_construction_land_base", "2020年现状城镇建设用地面积", Unit.SquareKilometre, IndicatorDirection.Base),
        new("construction_land_total", "建设用地总规模", Unit.SquareKilometre, IndicatorDirection.Cap),
        new("urban_rural_construction_land", "城乡建设用地面积", Unit.SquareKilometre, IndicatorDirection.Cap),
        new("water_use_total", "用水总量", Unit.HundredMillionCubicMetres, IndicatorDirection.Cap),
        new("reserved_construction_quota", "建设用地机动指标", Unit.Hectare, IndicatorDirection.Cap),
        new("farmland_occupied", "占用耕地", Unit.Hectare, IndicatorDirection.Balance),
        new("farmland_compensated", "补充耕地", Unit.Hectare, IndicatorDirection.Balance),
        new("farmland_occupied_paddy", "占用耕地中的水田", Unit.Hectare, IndicatorDirection.Balance),
        new("farmland_compensated_paddy", "补充耕地中的水田", Unit.Hectare, IndicatorDirection.Balance),
        new("farmland_occupied_capacity", "占用耕地的标准粮食产能", Unit.Kilogram, IndicatorDirection.Balance),
        new("farmland_compensated_capacity", "补充耕地的标准粮食产能", Unit.Kilogram, IndicatorDirection.Balance),
        new("linkage_new_construction", "增减挂钩新增建设用地", Unit.Hectare, IndicatorDirection.Balance),
        new("linkage_reclaimed", "增减挂钩拆旧复垦", Unit.Hectare, IndicatorDirection.Balance),
        new("resident_population", "常住人口规模", Unit.TenThousandPersons, IndicatorDirection.Info),
        new("urbanization_rate", "常住人口城镇化率", Unit.Percent, IndicatorDirection.Info),
        new("park_green_per_capita", "人均公园绿地面积", Unit.SquareMetresPerPerson, IndicatorDirection.Floor),
        new("life_circle_coverage", "社区公共服务设施15分钟步行覆盖率", Unit.Percent, IndicatorDirection.Floor),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ByKey = All.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public static IndicatorDefinition? Find(string key) => ByKey.GetValueOrDefault(key);
}
