namespace ElementFlow.Core.Planning;

/// <summary>The five levels of the planning system (五级).</summary>
public enum PlanLevel
{
    National,
    Province,
    City,
    County,
    Township,
}

/// <summary>The three types of plan (三类).</summary>
public enum PlanType
{
    Overall,
    Detailed,
    Special,
}

/// <summary>Names of levels and types as they appear in YAML and reports.</summary>
public static class PlanKinds
{
    private static readonly Dictionary<string, PlanLevel> LevelsByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["national"] = PlanLevel.National, ["国家级"] = PlanLevel.National,
        ["province"] = PlanLevel.Province, ["省级"] = PlanLevel.Province,
        ["city"] = PlanLevel.City, ["市级"] = PlanLevel.City,
        ["county"] = PlanLevel.County, ["县级"] = PlanLevel.County,
        ["township"] = PlanLevel.Township, ["乡镇级"] = PlanLevel.Township,
    };

    private static readonly Dictionary<string, PlanType> TypesByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["overall"] = PlanType.Overall, ["总体规划"] = PlanType.Overall,
        ["detailed"] = PlanType.Detailed, ["详细规划"] = PlanType.Detailed,
        ["special"] = PlanType.Special, ["专项规划"] = PlanType.Special,
    };

    public static IReadOnlyCollection<string> LevelNames { get; } = ["national", "province", "city", "county", "township"];

    public static IReadOnlyCollection<string> TypeNames { get; } = ["overall", "detailed", "special"];

    public static bool TryParseLevel(string? text, out PlanLevel level) =>
        LevelsByName.TryGetValue(text ?? "", out level);

    public static bool TryParseType(string? text, out PlanType type) =>
        TypesByName.TryGetValue(text ?? "", out type);

    public static string Name(this PlanLevel level) => level.ToString().ToLowerInvariant();

    public static string Name(this PlanType type) => type.ToString().ToLowerInvariant();

    /// <summary>A level as a reader of that language names it: 市级 or city.</summary>
    public static string Label(this PlanLevel level, Text.Language language) => language == Text.Language.Zh
        ? level switch
        {
            PlanLevel.National => "国家级",
            PlanLevel.Province => "省级",
            PlanLevel.City => "市级",
            PlanLevel.County => "县级",
            _ => "乡镇级",
        }
        : level.Name();

    /// <summary>A type as a reader of that language names it: 总体规划 or overall.</summary>
    public static string Label(this PlanType type, Text.Language language) => language == Text.Language.Zh
        ? type switch
        {
            PlanType.Overall => "总体规划",
            PlanType.Detailed => "详细规划",
            _ => "专项规划",
        }
        : type.Name();

    /// <summary>The level and type as a reader of that language names them: "市级总体规划" or "city overall".</summary>
    public static string Describe(PlanLevel level, PlanType type, Text.Language language) => language == Text.Language.Zh
        ? level switch
        {
            PlanLevel.National => "国家级",
            PlanLevel.Province => "省级",
            PlanLevel.City => "市级",
            PlanLevel.County => "县级",
            _ => "乡镇级",
        } + type switch
        {
            PlanType.Overall => "总体规划",
            PlanType.Detailed => "详细规划",
            _ => "专项规划",
        }
        : $"{level.Name()} {type.Name()}";

    /// <summary>Overall plans exist at all five levels; detailed plans only at city, county and township; special plans anywhere.</summary>
    public static bool IsValidPair(PlanLevel level, PlanType type) => type switch
    {
        PlanType.Detailed => level is PlanLevel.City or PlanLevel.County or PlanLevel.Township,
        _ => true,
    };
}
