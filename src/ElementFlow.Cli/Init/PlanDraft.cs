using System.Globalization;
using System.Text;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Standards;
using ElementFlow.Sources.FileGdb;

namespace ElementFlow.Cli.Init;

/// <summary>
/// The plan.yaml <c>init</c> writes for a surveyed database: roles from the standard layer names, region and level
/// from XZQDM, crs from the data, the standard of the level, and the indicators the level needs left for the
/// author (commented out, so that the file checks as it is and each line is one edit away from declared).
/// </summary>
public static class PlanDraft
{
    /// <summary>The region of the planned area and its level, from the XZQDM values found; null when there are none.</summary>
    public static (string Code, PlanLevel Level)? RegionOf(IReadOnlyList<string> codes)
    {
        var digits = codes.Select(c => c.Trim()).Where(c => c.Length >= 2 && c.All(char.IsAsciiDigit)).ToList();
        if (digits.Count == 0) return null;
        var prefix = digits.Aggregate((a, b) => new string(a.Zip(b).TakeWhile(p => p.First == p.Second).Select(p => p.First).ToArray()));
        // One code names the area; several (an XZQ of the counties of a city, the townships of a county) share its prefix.
        var code = digits.Count == 1 ? digits[0] : prefix;
        if (code.Length >= 9) code = code[..9].EndsWith("000", StringComparison.Ordinal) ? code[..6] : code[..9];
        if (digits.Count > 1 && code.Length is > 6 and < 9) code = code[..6];
        if (code.Length < 6) code = code.Length >= 4 ? code[..4] + "00" : code[..2] + "0000";
        if (code.Length == 9) return (code, PlanLevel.Township);
        code = code[..6];
        return (code, code.EndsWith("0000", StringComparison.Ordinal) ? PlanLevel.Province : code.EndsWith("00", StringComparison.Ordinal) ? PlanLevel.City : PlanLevel.County);
    }

    /// <summary>Which table each role reads: the standard's layer for the role where the database has it, else a table named for the role.</summary>
    public static IReadOnlyList<(string Role, string Table)> Roles(DatabaseSurvey survey, DatabaseStandard? standard)
    {
        var result = new List<(string Role, string Table)>();
        var spatial = survey.Tables.Where(t => t.Geometry != FileGdbGeometryType.None).ToList();
        string? Table(string name) => spatial.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))?.Name;
        foreach (var layer in standard?.Layers ?? [])
        {
            if (layer.Role is { } role && result.All(r => r.Role != role) && Table(layer.Name) is { } table) result.Add((role, table));
        }

        foreach (var table in spatial)
        {
            if (LayerRole.Find(table.Name) is { } role && result.All(r => r.Role != role.Name) && result.All(r => r.Table != table.Name)) result.Add((role.Name, table.Name));
        }

        return result.OrderBy(r => LayerRole.All.ToList().FindIndex(l => l.Name == r.Role)).ToList();
    }

    /// <param name="file">The database as plan.yaml names it (relative to plan.yaml).</param>
    /// <param name="indicators">The indicator keys the level needs.</param>
    public static string Write(DatabaseSurvey survey, string file, (string Code, PlanLevel Level)? region, DatabaseStandard? standard, IReadOnlyList<string> indicators)
    {
        var roles = Roles(survey, standard);
        var read = roles.Select(r => r.Table).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var crs = roles.Select(r => survey.Tables.First(t => t.Name == r.Table).Epsg).Concat(survey.Tables.Select(t => t.Epsg))
            .Where(e => e != 0).GroupBy(e => e).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var level = region?.Level ?? PlanLevel.County;
        var code = region?.Code ?? "000000";
        var name = survey.RegionName ?? "";
        var w = new StringBuilder();
        w.AppendLine($"# 由 elementflow init 根据 {file} 生成；请核对带 TODO 的各项。");
        w.AppendLine($"# Written by elementflow init from {file}; check every line marked TODO.");
        w.AppendLine("schema: elementflow/plan/v1");
        w.AppendLine($"id: plan-{code}");
        w.AppendLine($"name: {{ zh: \"{name}国土空间总体规划\", en: \"Territorial spatial master plan {code}\" }}   # TODO: the plan's title");
        w.AppendLine($"level: {PlanKinds.Name(level)}" + (region is null ? "   # TODO: no XZQDM found in the database; set level and region" : $"   # from the region code {code}"));
        w.AppendLine("type: overall");
        w.AppendLine($"region: {{ code: \"{code}\", name: {(name.Length > 0 ? name : "\"\"")} }}" + (survey.RegionCodes.Count > 1 ? $"   # from {survey.RegionCodes.Count} XZQDM values sharing this prefix" : ""));
        w.AppendLine("period: { base: 2020, target: 2035 }   # TODO: the plan's base and target years");
        w.AppendLine(crs != 0 ? $"crs: EPSG:{crs}" : "crs: EPSG:4490   # TODO: the data names no CRS init could read; set the plan's CGCS2000 CRS");
        if (standard is not null) w.AppendLine($"standard: {standard.Id}   # {standard.Title.Zh}: DATA-013..017 check the layers against it");
        w.AppendLine("layers:");
        foreach (var (role, table) in roles) w.AppendLine($"  {role}: {{ file: {Quote(file)}, layer: {table} }}");
        var unread = survey.Tables.Where(t => t.Geometry != FileGdbGeometryType.None && !read.Contains(t.Name)).ToList();
        if (unread.Count > 0)
        {
            w.AppendLine("  # 以下图层暂无规则读取 / no rule reads these layers yet:");
            foreach (var t in unread) w.AppendLine($"  #   {t.Name}" + (standard?.Find(t.Name) is { } s ? $"  {s.Title.Zh}" : ""));
        }

        w.AppendLine("indicators:");
        w.AppendLine("  # 本级规划需要申报的指标：按规划文本填写数值，并去掉行首的“# ”。");
        w.AppendLine("  # The indicators this level declares: fill in the value from the plan's text and remove the leading \"# \".");
        foreach (var key in indicators)
        {
            var definition = IndicatorCatalog.Find(key);
            var unit = definition?.Unit.Key ?? "ha";
            w.AppendLine($"  # {key}: {{ value: , unit: {unit} }}   # {definition?.Zh}");
        }

        return w.ToString();
    }

    private static string Quote(string path) => path.Any(c => c is ' ' or '#' or ':' or '{' or '}' or ',' or '[' or ']') || path.Any(c => c > 127)
        ? "\"" + path.Replace("\\", "/").Replace("\"", "\\\"") + "\""
        : path.Replace("\\", "/");
}
