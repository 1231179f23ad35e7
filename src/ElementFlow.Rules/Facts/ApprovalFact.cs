using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;

namespace ElementFlow.Rules.Facts;

/// <summary>
/// A documented exception of a plan (an adjustment of a line, a waiver of a rule) as rules see it:
/// whether it is documented, current and names things that exist. Only a valid approval waives.
/// </summary>
public sealed class ApprovalFact(PlanFact plan, Approval approval, DateOnly asOf, bool ruleKnown, int unknownFeatures)
{
    public PlanFact Plan { get; } = plan;
    public string Id => Source.Id;
    public string Document => Source.Document;
    public string Rule => Source.Rule;

    /// <summary>The expiry as written, or empty when the approval does not expire.</summary>
    public string Expires => Source.ExpiresText ?? "";

    /// <summary>False when an expiry is written but is not a yyyy-MM-dd date.</summary>
    public bool ExpiryReadable => Source.ExpiresText is null || Source.Expires is not null;

    /// <summary>True when the expiry date lies before the check's as-of date.</summary>
    public bool IsExpired => Source.Expires is { } d && d < AsOf;

    /// <summary>True when the rule it names is one of the rules in effect.</summary>
    public bool RuleKnown { get; } = ruleKnown;

    /// <summary>How many of the feature ids it names do not exist in the plan's layers.</summary>
    public int UnknownFeatureCount { get; } = unknownFeatures;

    public int FeatureCount => Source.Features.Values.Sum(v => v.Count);

    /// <summary>True when the approval may waive findings: documented, current, naming a known rule and existing features.</summary>
    public bool IsValid => Document.Length > 0 && Id.Length > 0 && ExpiryReadable && !IsExpired && RuleKnown && UnknownFeatureCount == 0;

    [Hidden]
    public DateOnly AsOf { get; } = asOf;

    [Hidden]
    public Approval Source { get; } = approval;

    /// <summary>A finding of its rule is covered when one of its subjects is a listed feature (or the approval lists none: the whole rule).</summary>
    [Hidden]
    public bool Covers(Finding finding) =>
        finding.Rule == Rule
        && finding.Plan == Plan.Id
        && (Source.Features.Count == 0
            || finding.Subjects.Any(s => s.Plan is null && Source.Features.TryGetValue(s.Layer, out var ids) && ids.Contains(s.Id)));
}
