using ElementFlow.Core.Findings;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Text;
using ElementFlow.IO.Layers;
using ElementFlow.Rules;
using ElementFlow.Sources;

namespace ElementFlow.Checking;

/// <summary>What to check: plan sources, the rules, and how.</summary>
public sealed record CheckRequest
{
    /// <summary>Plan packages (folders, <c>.zip</c>, a <c>plan.yaml</c>) or, with <see cref="FindPlansBelow"/>, folders holding them.</summary>
    public required IReadOnlyList<string> Plans { get; init; }

    /// <summary>The rule catalogue; one with errors is refused (<see cref="CheckOutcome.RulesRejected"/>).</summary>
    public required RuleCatalog Rules { get; init; }

    /// <summary>True: a folder in <see cref="Plans"/> checks every package found under it (the CLI's folder argument).</summary>
    public bool FindPlansBelow { get; init; } = true;

    /// <summary>
    /// Packages loaded as context and never checked: each is linked to its parent when the parent is in the tree
    /// (a rule test's parent and children; a server's already-approved neighbours).
    /// </summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>Only these rules run (a rule test); approvals may still name any rule of the catalogue. Null: every rule.</summary>
    public IReadOnlyCollection<string>? OnlyRules { get; init; }

    public CheckSettings Settings { get; init; } = new();

    /// <summary>
    /// How many levels of parents that are not among <see cref="Plans"/> are loaded as context (default: all, as
    /// <c>check</c> does). A national review's task for one plan loads none; its cross-plan task loads one.
    /// </summary>
    public int ParentLevels { get; init; } = 8;

    /// <summary>
    /// The layer roles read from every package (a digest: indicators, allocations, flows and these layers); the
    /// others are loaded empty. Null reads every layer. A cross-plan task reads only what the cross-plan rules read
    /// (<see cref="CrossPlanRules"/>).
    /// </summary>
    public IReadOnlySet<string>? Layers { get; init; }

    /// <summary>Rules compiled once for many checks; used when compiled for this request's catalogue, <see cref="OnlyRules"/> and as-of day.</summary>
    public CompiledRules? Compiled { get; init; }
}

/// <summary>How a check runs: everything a host decides, none of it process-wide.</summary>
public sealed record CheckSettings
{
    /// <summary>The language of what the host writes from the outcome (<see cref="CheckOutcome.ReportContext"/>).</summary>
    public Language Language { get; init; } = Language.Zh;

    /// <summary>The day approvals are judged by.</summary>
    public DateOnly AsOf { get; init; } = DateOnly.FromDateTime(DateTime.Today);

    /// <summary>How much input one check accepts.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>The finding keys of an earlier report: only new findings are reported, with a summary.</summary>
    public IReadOnlyList<FindingKey>? Baseline { get; init; }

    /// <summary>The layer sources plan.yaml entries may name: the package formats, plus any the host adds (FileGDB, PostGIS).</summary>
    public LayerSources Sources { get; init; } = PackageFormats.Sources;

    /// <summary>The folder report file paths are relative to (SARIF <c>%SRCROOT%</c>); the CLI's working folder. Null leaves it unstated.</summary>
    public string? SourceRoot { get; init; }
}
