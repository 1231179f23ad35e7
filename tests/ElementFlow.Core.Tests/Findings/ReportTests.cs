using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Core.Tests.Findings;

public sealed class ReportTests
{
    private static Finding F(string plan, string rule, Severity severity = Severity.Error, double value = 0, bool waived = false, params string[] ids) => new()
    {
        Rule = rule,
        Severity = severity,
        Plan = plan,
        MessageTemplate = LocalizedText.Same("m"),
        Subjects = ids.Select(id => new Subject("land_use", id)).ToList(),
        Measure = new Measure("value", value, null),
        WaivedBy = waived ? new Waiver("A-1", "doc") : null,
    };

    private static Report Of(params Finding[] findings) => new()
    {
        Plans = [],
        RuleSets = [],
        Findings = findings,
        RulesRun = 7,
        NotApplicable = 3,
    };

    private static string Key(Finding f) => $"{f.Plan}|{f.Rule}|{string.Join(",", f.Subjects)}|{f.Measure?.Value}";

    [Fact]
    public void Sort_ShuffledFindings_OrdersByPlanRuleSubjectsThenValue()
    {
        var findings = new[]
        {
            F("b-plan", "LINE-001", ids: "P-1"),
            F("a-plan", "LINE-002", ids: "P-1"),
            F("a-plan", "LINE-001", ids: "P-10"),
            F("a-plan", "LINE-001", ids: "P-9"),
            F("a-plan", "LINE-001", value: 5, ids: "P-9"),
            F("a-plan", "LINE-001", value: 2, ids: "P-9"),
        };

        var sorted = Report.Sort(findings.Reverse()).Select(Key);

        Assert.Equal(
        [
            "a-plan|LINE-001|land_use/P-9|0",
            "a-plan|LINE-001|land_use/P-9|2",
            "a-plan|LINE-001|land_use/P-9|5",
            "a-plan|LINE-001|land_use/P-10|0",
            "a-plan|LINE-002|land_use/P-1|0",
            "b-plan|LINE-001|land_use/P-1|0",
        ], sorted);
    }

    [Fact]
    public void Sort_TwoPermutations_GiveTheSameOrder()
    {
        var findings = Enumerable.Range(1, 12).Select(i => F($"plan-{i % 3}", $"LINE-00{i % 4}", value: i % 5, ids: $"P-{i}")).ToList();

        var forward = Report.Sort(findings).Select(Key);
        var backward = Report.Sort(Enumerable.Reverse(findings)).Select(Key);

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Sort_SubjectListPrefix_SortsShorterListFirst()
    {
        var sorted = Report.Sort([F("p", "R-1", ids: ["P-1", "P-2"]), F("p", "R-1", ids: "P-1")]);

        Assert.Equal([1, 2], sorted.Select(f => f.Subjects.Count));
    }

    [Fact]
    public void Summary_MixedFindings_CountsUnwaivedBySeverityAndWaivedApart()
    {
        var report = Of(
            F("p", "R-1", Severity.Error),
            F("p", "R-2", Severity.Error),
            F("p", "R-3", Severity.Error, waived: true),
            F("p", "R-4", Severity.Warning),
            F("p", "R-5", Severity.Info, waived: true),
            F("p", "R-6", Severity.Info));

        Assert.Equal(new Summary(Error: 2, Warning: 1, Info: 1, Waived: 2, RulesRun: 7, NotApplicable: 3), report.Summary);
    }

    [Fact]
    public void FailsAt_NullThreshold_NeverFails()
    {
        Assert.False(Of(F("p", "R-1", Severity.Error)).FailsAt(null));
    }

    [Theory]
    [InlineData(Severity.Warning, Severity.Error, true)]
    [InlineData(Severity.Warning, Severity.Warning, true)]
    [InlineData(Severity.Warning, Severity.Info, false)]
    [InlineData(Severity.Error, Severity.Warning, false)]
    [InlineData(Severity.Info, Severity.Info, true)]
    public void FailsAt_Threshold_FailsWhenAFindingIsAtOrAbove(Severity threshold, Severity found, bool expected)
    {
        Assert.Equal(expected, Of(F("p", "R-1", found)).FailsAt(threshold));
    }

    [Fact]
    public void FailsAt_OnlyWaivedErrors_DoesNotFail()
    {
        Assert.False(Of(F("p", "R-1", Severity.Error, waived: true)).FailsAt(Severity.Info));
    }

    [Fact]
    public void HasInputErrors_ErrorDiagnostic_IsTrueAndWarningIsNot()
    {
        var warning = Diagnostic.Warning("plan.unknown-indicator", "plan.yaml", 3, null, ("key", "x"));
        var error = Diagnostic.Error("yaml.syntax", "plan.yaml", 3, null, ("detail", "x"));

        Assert.False((Of() with { Diagnostics = [warning] }).HasInputErrors);
        Assert.True((Of() with { Diagnostics = [warning, error] }).HasInputErrors);
    }
}
