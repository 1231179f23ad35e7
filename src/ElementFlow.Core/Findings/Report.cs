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
public sealed record SkippedRule(string Rule, string Plan, string Reason);

/// <summary>The counts at the foot of a report.</summary>
public sealed record Summary(int Error, int Warning, int Info, int Waived, int RulesRun, int NotApplicable);

/// <summary>Timings and memory of one run, for <c>--stats</c>.</summary>
public sealed record RunStats(IReadOnlyList<(string Phase, TimeSpan Time)> Phases, IReadOnlyList<(string Rule, TimeSpan Time)> Rules, long PeakWorkingSetBytes);

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

    public Summary Summary => new(
        Findings.Count(f => f.WaivedBy is null && f.Severity == Severity.Error),
        Findings.Count(f => f.WaivedBy is null && f.Severity == Severity.Warning),
        Findings.Count(f => f.WaivedBy is null && f.Severity == Severity.Info),
        Findings.Count(f => f.WaivedBy is not null),
        RulesRun,
        NotApplicable);

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
