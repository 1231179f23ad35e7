using ElementFlow.Core.Text;

namespace ElementFlow.Reports;

/// <summary>The words of the text report in both languages, side by side.</summary>
internal static class Labels
{
    public static readonly LocalizedText Title = new("ElementFlow {version} 国土空间规划合规检查", "ElementFlow {version} territorial spatial plan compliance check");
    public static readonly LocalizedText Plans = new("规划", "Plans");
    public static readonly LocalizedText Findings = new("发现的问题", "Findings");
    public static readonly LocalizedText NoFindings = new("未发现问题。", "No findings.");
    public static readonly LocalizedText Severity = new("级别", "Severity");
    public static readonly LocalizedText Rule = new("规则", "Rule");
    public static readonly LocalizedText Subjects = new("对象", "Subjects");
    public static readonly LocalizedText Measure = new("量值", "Measure");
    public static readonly LocalizedText Message = new("说明", "Message");
    public static readonly LocalizedText Waived = new("已豁免：{approval}（{document}）", "waived by {approval} ({document})");
    public static readonly LocalizedText Skipped = new("未能运行的规则", "Rules that could not run");
    public static readonly LocalizedText Diagnostics = new("输入问题", "Input problems");
    public static readonly LocalizedText PlanLine = new(
        "{id}（{kind}，{path}）：错误 {error}，警告 {warning}，提示 {info}",
        "{id} ({kind}, {path}): {error} errors, {warning} warnings, {info} info");
    public static readonly LocalizedText Summary = new(
        "合计：错误 {error}，警告 {warning}，提示 {info}，已豁免 {waived}；运行规则 {rules_run} 条，不适用 {not_applicable} 条。",
        "Total: {error} errors, {warning} warnings, {info} info, {waived} waived; {rules_run} rules run, {not_applicable} not applicable.");
    public static readonly LocalizedText Error = new("错误", "error");
    public static readonly LocalizedText Warning = new("警告", "warning");
    public static readonly LocalizedText Info = new("提示", "info");
}
