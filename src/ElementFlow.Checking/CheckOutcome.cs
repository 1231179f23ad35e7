using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Engine;
using ElementFlow.IO.Packages;
using ElementFlow.Reports;
using ElementFlow.Rules;

namespace ElementFlow.Checking;

/// <summary>What a check produced: the report, and what a host needs to write it, time it or judge its exit.</summary>
public sealed record CheckOutcome
{
    public required Report Report { get; init; }

    /// <summary>The rule catalogue the check ran with.</summary>
    public required RuleCatalog Catalog { get; init; }

    /// <summary>True when the catalogue had errors and nothing was checked; the report holds only its diagnostics.</summary>
    public bool RulesRejected { get; init; }

    /// <summary>What loading each requested package produced, in the order found.</summary>
    public IReadOnlyList<PlanLoadResult> Loaded { get; init; } = [];

    /// <summary>Problems linking the plans into a tree (a missing parent, a loop, two plans of one kind for one region), parents' load diagnostics included.</summary>
    public IReadOnlyList<Diagnostic> TreeDiagnostics { get; init; } = [];

    /// <summary>The plans checked, in the order they were given.</summary>
    public IReadOnlyList<Plan> Plans { get; init; } = [];

    /// <summary>The engine's result per checked plan (timings per rule, skipped rules).</summary>
    public IReadOnlyList<PlanResult> Results { get; init; } = [];

    /// <summary>Time per phase (load plans, plan tree, compile rules, measure, decide).</summary>
    public IReadOnlyList<(string Phase, TimeSpan Time)> Phases { get; init; } = [];

    /// <summary>The day approvals were judged by.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>When the check ran.</summary>
    public DateTimeOffset CheckedAt { get; init; }

    /// <summary>True when a requested package could not be loaded at all.</summary>
    public bool AnyPackageRefused => Loaded.Any(l => l.Plan is null);

    /// <summary>What a report writer needs besides the report: the rules, the plans and their layer files.</summary>
    public ReportContext ReportContext(Core.Text.Language language, string toolVersion, string? sourceRoot) => new(language, toolVersion)
    {
        Rules = Catalog.Rules.ToList(),
        // Two packages with one id make ids ambiguous; rather than fail the report, the first one's files win.
        LayerFiles = Plans.GroupBy(p => p.Id).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, string>)g.First().Layers.ToDictionary(kv => kv.Key, kv => kv.Value.Source)),
        Plans = Plans,
        SourceRoot = sourceRoot,
        AsOf = AsOf,
        CheckedAt = CheckedAt,
        RuleSetTitles = Catalog.RuleSets.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Title),
    };
}
