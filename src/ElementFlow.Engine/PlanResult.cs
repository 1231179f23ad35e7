using ElementFlow.Core.Findings;

namespace ElementFlow.Engine;

/// <summary>What checking one plan produced.</summary>
public sealed record PlanResult(
    string Plan,
    IReadOnlyList<Finding> Findings,
    int RulesRun,
    int NotApplicable,
    IReadOnlyList<SkippedRule> Skipped,
    IReadOnlyDictionary<string, TimeSpan> RuleTimes,
    TimeSpan MeasureTime,
    TimeSpan DecideTime)
{
    /// <summary>Life-circle coverage by subdistrict, from the coverage measurements that ran.</summary>
    public IReadOnlyList<EquityRow> Equity { get; init; } = [];

    /// <summary>The plan's flows, each with what the counterpart's plan in the check records.</summary>
    public IReadOnlyList<FlowRow> Flows { get; init; } = [];
}
