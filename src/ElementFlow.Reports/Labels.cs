using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports;

/// <summary>The words of the reports in both languages, side by side.</summary>
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
    public static readonly LocalizedText SummaryTree = new(
        "合计：错误 {error}，警告 {warning}，提示 {info}，已豁免 {waived}；{plans} 个规划各自运行规则数之和 {rules_run} 条，不适用 {not_applicable} 条（同一规则在每个规划上各计一次）。",
        "Total: {error} errors, {warning} warnings, {info} info, {waived} waived; {rules_run} rule runs and {not_applicable} not applicable, summed over {plans} plans (a rule counts once per plan).");

    /// <summary>The closing count: for one plan its rules; for a tree, said to be a sum over its plans.</summary>
    public static string SummaryLine(Report report, Language lang)
    {
        var s = report.Summary;
        return MessageTemplate.Render((report.Plans.Count > 1 ? SummaryTree : Summary)[lang], new Dictionary<string, object?>
        {
            ["error"] = s.Error, ["warning"] = s.Warning, ["info"] = s.Info, ["waived"] = s.Waived,
            ["rules_run"] = s.RulesRun, ["not_applicable"] = s.NotApplicable, ["plans"] = report.Plans.Count,
        });
    }

    public static readonly LocalizedText Baseline = new(
        "对照基线：新增 {new} 个，已修复 {fixed} 个，未变 {unchanged} 个（只列出新增的问题）。",
        "Against the baseline: {new} new, {fixed} fixed, {unchanged} unchanged (only new findings are listed).");
    public static readonly LocalizedText Error = new("错误", "error");
    public static readonly LocalizedText Warning = new("警告", "warning");
    public static readonly LocalizedText Info = new("提示", "info");

    // Rule help (SARIF) and the HTML page.
    public static readonly LocalizedText Basis = new("依据", "Basis");
    public static readonly LocalizedText Fix = new("如何修改", "How to fix");
    public static readonly LocalizedText Check = new("检查", "Check");
    public static readonly LocalizedText AppliesTo = new("适用", "Applies to");
    public static readonly LocalizedText RuleSet = new("规则集", "Rule set");
    public static readonly LocalizedText CouldNotRun = new("规则 {rule} 未能在规划 {plan} 上运行：{reason}", "Rule {rule} could not run on plan {plan}: {reason}");
}
