using System.Text.RegularExpressions;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Text;

namespace ElementFlow.Sources.PostGis;

/// <summary>
/// Reads the options of a <c>postgis:</c> layer entry into a <see cref="PostGisLayerSpec"/>. Only
/// <c>filter:</c> and <c>geometry:</c> are accepted beside the keys every entry has; anything else (a
/// <c>where:</c>, a <c>sql:</c>) is <c>plan.field-invalid</c> on its line, and a password is refused.
/// </summary>
public static partial class PostGisEntry
{
    public static readonly IReadOnlyList<string> Options = ["filter", "geometry"];

    /// <summary>Keys that hold a password however they are spelled.</summary>
    private static readonly HashSet<string> PasswordKeys = new(StringComparer.OrdinalIgnoreCase) { "password", "passwd", "pwd", "pass", "密码" };

    [GeneratedRegex(@"(?i)^postgres(?:ql)?://[^/@\s:]*:[^@\s]+@|password\s*=")]
    private static partial Regex PasswordText();

    /// <summary>Whether a value carries a password: a <c>postgres://user:password@</c> URI or <c>Password=</c> of a connection string.</summary>
    public static bool HoldsPassword(string? text) => text is not null && PasswordText().IsMatch(text);

    /// <param name="table">The value of <c>postgis:</c>.</param>
    /// <param name="options">The entry's other keys.</param>
    /// <param name="planYaml">plan.yaml as messages show it.</param>
    /// <param name="role">The layer role, for field names in messages (<c>layers.land_use.filter</c>).</param>
    /// <param name="line">The entry's line.</param>
    public static PostGisLayerSpec? Read(string table, IReadOnlyDictionary<string, LayerOption> options, string planYaml, string role, int line, List<Diagnostic> diagnostics)
    {
        var field = $"layers.{role}";
        if (HoldsPassword(table)) diagnostics.Add(Refused(planYaml, line, $"{field}.postgis"));
        string? geometry = null;
        var filters = new List<PostGisFilter>();
        foreach (var (key, option) in options)
        {
            if (PasswordKeys.Contains(key) || HoldsPassword(option.Value))
            {
                diagnostics.Add(Refused(planYaml, option.Line, $"{field}.{key}"));
                continue;
            }

            switch (key)
            {
                case "geometry" when option.Value is { Length: > 0 } column:
                    geometry = column;
                    break;
                case "filter" when option.Map is { } map:
                    foreach (var (column, condition) in map)
                    {
                        if (condition.Value is { } value)
                        {
                            filters.Add(new PostGisFilter(column, value, null, condition.Line));
                        }
                        else if (condition.Map is { Count: 1 } m && m.TryGetValue("prefix", out var prefix) && prefix.Value is { } p)
                        {
                            filters.Add(new PostGisFilter(column, null, p, condition.Line));
                        }
                        else
                        {
                            diagnostics.Add(Invalid(planYaml, condition.Line, $"{field}.filter.{column}", condition.Value ?? "", new LocalizedText(
                                "筛选条件写作 列: 值（相等）或 列: { prefix: \"前缀\" }",
                                "a filter is COLUMN: value (equal) or COLUMN: { prefix: \"…\" }")));
                        }
                    }

                    break;
                case "where" or "sql" or "query":
                    diagnostics.Add(Invalid(planYaml, option.Line, $"{field}.{key}", option.Value ?? "", new LocalizedText(
                        "plan.yaml 不接受 SQL；用 filter: { 列: 值 } 或 filter: { 列: { prefix: \"前缀\" } } 选取本规划的要素，或让数据库管理员建一个视图",
                        "plan.yaml takes no SQL; pick this plan's rows with filter: { COLUMN: value } or filter: { COLUMN: { prefix: \"…\" } }, or have a view created")));
                    break;
                default:
                    diagnostics.Add(Invalid(planYaml, option.Line, $"{field}.{key}", option.Value ?? "", new LocalizedText(
                        "postgis 图层可用的键：postgis、filter、geometry、fields、layer",
                        "a postgis layer takes postgis, filter, geometry, fields and layer")));
                    break;
            }
        }

        return diagnostics.Count > 0 ? null : new PostGisLayerSpec(table, filters, geometry, planYaml, line);
    }

    private static Diagnostic Refused(string planYaml, int line, string field) =>
        Diagnostic.Error("plan.password-refused", planYaml, line, null, ("field", field));

    private static Diagnostic Invalid(string planYaml, int line, string field, string value, LocalizedText detail) =>
        Diagnostic.Error("plan.field-invalid", planYaml, line, null, ("field", field), ("value", value), ("detail", detail));
}
