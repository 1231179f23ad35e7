using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;

namespace ElementFlow.Core.Findings;

/// <summary>A plan as the report lists it.</summary>
public sealed record PlanEntry(string Id, PlanLevel Level, PlanType Type, string Path, string? RegionCode = null, string? Parent = null)
{
    /// <summary>The plan's CRS as declared (e.g. <c>EPSG:4527</c>), for formats that carry coordinates.</summary>
    public string? Crs { get; init; }
}

/// <summary>A rule set as the report lists it.</summary>
public sealed record RuleSetEntry(string Id, string Version);

/// <summary>A rule that could not run on a plan, and why (nothing is dropped silently).</summary>
/// <param name="Reason">Why, in English (machine formats carry it).</param>
public sealed record SkippedRule(string Rule, string Plan, string Reason)
{
    /// <summary>Why, in both languages; null where only the English reason is known.</summary>
    public Text.LocalizedText? Text { get; init; }

    public string ReasonIn(Text.Language language) => Text?[language] ?? Reason;
}

/// <summary>Unwaived findings by severity, and the waived ones apart: what every report line counts.</summary>
public sealed record SeverityCounts(int Error, int Warning, int Info, int Waived)
{
    public static SeverityCounts Of(IEnumerable<Finding> findings)
    {
        int error = 0, warning = 0, info = 0, waived = 0;
        foreach (var f in findings)
        {
            if (f.WaivedBy is not null) waived++;
            else if (f.Severity == Severity.Error) error++;
            else if (f.Severity == Severity.Warning) warning++;
            else info++;
        }

        return new(error, warning, info, waived);
    }

    public int this[Severity severity] => severity switch
    {
        Severity.Error => Error,
        Severity.Warning => Warning,
        _ => Info,
    };
}

/// <summary>The counts at the foot of a report.</summary>
public sealed record Summary(int Error, int Warning, int Info, int Waived, int RulesRun, int NotApplicable);

/// <summary>The result of a check: what was checked, what was found, and what could not be read.</summary>
public sealed record Report
{
    public required IReadOnlyList<PlanEntry> Plans { get; init; }
    public required IReadOnlyList<RuleSetEntry> RuleSets { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    public IReadOnlyList<SkippedRule> Skipped { get; init; } = [];
    public int RulesRun { get; init; }
    public int NotApplicable { get; init; }

    /// <summary>Set when the run was compared with an earlier report: then <see cref="Findings"/> holds only the new ones.</summary>
    public BaselineSummary? Baseline { get; init; }

    /// <summary>Life-circle coverage by subdistrict, from the coverage rules that ran (empty when none did).</summary>
    public IReadOnlyList<EquityRow> Equity { get; init; } = [];

    /// <summary>The flows the checked plans declare, with whether their mirror entries were found.</summary>
    public IReadOnlyList<FlowRow> Flows { get; init; } = [];

    public Summary Summary
    {
        get
        {
            var counts = SeverityCounts.Of(Findings);
            return new(counts.Error, counts.Warning, counts.Info, counts.Waived, RulesRun, NotApplicable);
        }
    }

    /// <summary>The unwaived findings of one plan by severity, and how many of its findings were waived.</summary>
    public SeverityCounts CountsFor(string plan) => SeverityCounts.Of(Findings.Where(f => f.Plan == plan));

    /// <summary>True when an unwaived finding is at or above the threshold; null threshold means never fail.</summary>
    public bool FailsAt(Severity? threshold) =>
        threshold is { } t && Findings.Any(f => f.WaivedBy is null && f.Severity >= t);

    /// <summary>True when some input could not be read at all.</summary>
    public bool HasInputErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The deterministic order of findings: plan, rule, subjects, then value.</summary>
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings) => findings
        .OrderBy(f => f.Plan, StringComparer.Ordinal)
        .ThenBy(f => f.Rule, StringComparer.Ordinal)
        .ThenBy(f => f.Subjects, SubjectListComparer.Instance)
        .ThenBy(f => f.Measure?.Value ?? 0)
        .ToList();

    private sealed class SubjectListComparer : IComparer<IReadOnlyList<Subject>>
    {
        public static readonly SubjectListComparer Instance = new();

        public int Compare(IReadOnlyList<Subject>? x, IReadOnlyList<Subject>? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0) return c;
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
