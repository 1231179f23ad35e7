using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Pdf;

/// <summary>The words of the quality-check report, side by side.</summary>
internal static class PdfLabels
{
    public static readonly LocalizedText Title = new("国土空间规划成果质检报告", "Territorial spatial plan quality-check report");
    public static readonly LocalizedText CoverNote = new(
        "本报告由 ElementFlow 按所列规则集自动检查生成。问题清单（xlsx）与本报告的问题序号一致；每条问题的依据与修改建议见各规划章节。",
        "ElementFlow wrote this report by checking the plans against the rule sets listed. The issue list (xlsx) numbers the findings as this report does; each finding's basis and fix are in its plan's section.");
    public static readonly LocalizedText Summary = new("检查结果汇总", "Summary");
    public static readonly LocalizedText BySeverity = new("按级别", "By severity");
    public static readonly LocalizedText ByFamily = new("按规划和规则类别", "By plan and rule family");
    public static readonly LocalizedText Count = new("问题数", "Findings");
    public static readonly LocalizedText Findings = new("问题及修改建议", "Findings and how to fix them");
    public static readonly LocalizedText RuleLine = new("级别：{severity}　问题 {count} 处", "Severity: {severity}   {count} findings");
    public static readonly LocalizedText NoMap = new("没有可绘制的图层或问题图形。", "No layers or violation geometries to draw.");
    public static readonly LocalizedText Unmapped = new("另有 {count} 个问题没有图形（指标、整图层等），只在下表中列出。", "{count} more findings have no geometry (indicators, whole layers) and appear only in the list below.");
}
