using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Review;

/// <summary>The words of the issue list (xlsx) and the quality-check report (pdf), side by side.</summary>
internal static class ReviewLabels
{
    // Sheets.
    public static readonly LocalizedText IssuesSheet = new("问题清单", "Issues");
    public static readonly LocalizedText SummarySheet = new("汇总", "Summary");
    public static readonly LocalizedText AboutSheet = new("检查信息", "About");

    // Columns of the issue list.
    public static readonly LocalizedText Number = new("序号", "No.");
    public static readonly LocalizedText Rule = new("规则", "Rule");
    public static readonly LocalizedText Title = new("规则名称", "Title");
    public static readonly LocalizedText Severity = new("级别", "Severity");
    public static readonly LocalizedText PlanId = new("规划编号", "Plan id");
    public static readonly LocalizedText PlanName = new("规划名称", "Plan");
    public static readonly LocalizedText Layer = new("图层", "Layer");
    public static readonly LocalizedText Features = new("要素编号", "Feature ids");
    public static readonly LocalizedText Value = new("量值", "Measure");
    public static readonly LocalizedText Limit = new("限值", "Limit");
    public static readonly LocalizedText Unit = new("单位", "Unit");
    public static readonly LocalizedText Message = new("问题说明", "Message");
    public static readonly LocalizedText Basis = new("依据", "Basis");
    public static readonly LocalizedText Fix = new("修改建议", "How to fix");
    public static readonly LocalizedText Waiver = new("豁免", "Waiver");
    public static readonly LocalizedText Decision = new("复核意见", "Reviewer's decision");

    // Summary.
    public static readonly LocalizedText Family = new("规则类别", "Rule family");
    public static readonly LocalizedText Errors = new("错误", "Errors");
    public static readonly LocalizedText Warnings = new("警告", "Warnings");
    public static readonly LocalizedText Infos = new("提示", "Info");
    public static readonly LocalizedText Waived = new("已豁免", "Waived");
    public static readonly LocalizedText Total = new("合计", "Total");
    public static readonly LocalizedText AllPlans = new("全部规划", "All plans");

    // About the check.
    public static readonly LocalizedText Item = new("项目", "Item");
    public static readonly LocalizedText Content = new("内容", "Value");
    public static readonly LocalizedText Plans = new("规划", "Plans");
    public static readonly LocalizedText CheckDate = new("检查日期", "Check date");
    public static readonly LocalizedText AsOf = new("审批有效性判定日期（--as-of）", "Approvals judged as of (--as-of)");
    public static readonly LocalizedText RuleSets = new("规则集及版本", "Rule sets and versions");
    public static readonly LocalizedText Tool = new("检查工具", "Tool");
    public static readonly LocalizedText Counts = new("问题数", "Findings");
    public static readonly LocalizedText RulesRun = new(
        "各规划运行规则合计 {rules_run} 条（按规划分别计数），不适用 {not_applicable} 条",
        "{rules_run} rule runs over all plans (each plan counted apart), {not_applicable} not applicable");
    public static readonly LocalizedText Unstated = new("未注明", "not stated");
    public static readonly LocalizedText ToolLine = new("ElementFlow {version}", "ElementFlow {version}");
}
