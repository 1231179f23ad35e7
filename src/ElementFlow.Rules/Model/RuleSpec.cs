using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;

namespace ElementFlow.Rules.Model;

/// <summary>Flows of one kind (and, optionally, one direction), as a check's <c>applies-to</c> names them: <c>farmland_quota</c> or <c>farmland_quota/out</c>.</summary>
public sealed record FlowFilter(FlowKind Kind, FlowDirection? Direction)
{
    public bool Matches(Flow flow) => flow.Kind == Kind && (Direction is not { } d || flow.Direction == d);

    public override string ToString() => Direction is { } d ? $"{Kind.Name()}/{d.Name()}" : Kind.Name();
}

/// <summary>Where a rule applies: plan levels and types (empty sets mean all); a check may also ask for, or exclude, plans declaring some flows.</summary>
public sealed record AppliesTo(IReadOnlySet<PlanLevel> Levels, IReadOnlySet<PlanType> Types)
{
    public static readonly AppliesTo Everywhere = new(new HashSet<PlanLevel>(), new HashSet<PlanType>());

    /// <summary>The plan declares at least one flow one of these picks (empty: no condition).</summary>
    public IReadOnlyList<FlowFilter> Flows { get; init; } = [];

    /// <summary>The plan declares no flow one of these picks.</summary>
    public IReadOnlyList<FlowFilter> WithoutFlows { get; init; } = [];

    public bool Matches(PlanLevel level, PlanType type) =>
        (Levels.Count == 0 || Levels.Contains(level)) && (Types.Count == 0 || Types.Contains(type));

    /// <summary>Where the rule applies in the reader's language: "市级、县级；总体规划" or "city,county; overall".</summary>
    public string Describe(Language language) => language == Language.Zh
        ? $"{(Levels.Count == 0 ? "各级" : string.Join("、", Levels.Order().Select(l => l.Label(language))))}；{(Types.Count == 0 ? "各类规划" : string.Join("、", Types.Order().Select(t => t.Label(language))))}"
        : ToString();

    /// <summary>Level, type and the plan's flows.</summary>
    public bool Matches(Plan plan) =>
        Matches(plan.Level, plan.Type)
        && (Flows.Count == 0 || plan.Flows.Any(f => Flows.Any(x => x.Matches(f))))
        && !plan.Flows.Any(f => WithoutFlows.Any(x => x.Matches(f)));

    public override string ToString() =>
        $"{(Levels.Count == 0 ? "all levels" : string.Join(",", Levels.Select(l => l.Name())))}; {(Types.Count == 0 ? "all types" : string.Join(",", Types.Select(t => t.Name())))}"
        + (Flows.Count > 0 ? $"; with flows {string.Join(",", Flows)}" : "")
        + (WithoutFlows.Count > 0 ? $"; without flows {string.Join(",", WithoutFlows)}" : "");
}

/// <summary>Another severity (and message) for the findings a condition picks out, e.g. tagged activities become info.</summary>
public sealed record SeverityOverride(string When, Severity Severity, LocalizedText? Message);

/// <summary>A value a profile set on a rule it extends, and where (for <c>explain</c> and <c>rules list</c>).</summary>
/// <param name="Key">The key changed, e.g. <c>check.max</c> or <c>severity</c>.</param>
public sealed record RuleOverride(string Key, string Value, SourceLocation Source);

/// <summary>Where a value of the rule model came from, for lint messages and <c>explain</c>.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// One rule in canonical form: metadata, where it applies, and the checks that measure it. This is
/// what lint, <c>rules list</c>, <c>explain</c> and the compiler all read.
/// </summary>
public sealed record RuleSpec
{
    public required string Id { get; init; }
    public required LocalizedText Title { get; init; }
    public required Severity Severity { get; init; }
    public AppliesTo AppliesTo { get; init; } = AppliesTo.Everywhere;
    public string Basis { get; init; } = "";
    public LocalizedText? Fix { get; init; }
    public required LocalizedText Message { get; init; }
    public required IReadOnlyList<CheckSpec> Checks { get; init; }
    public IReadOnlyList<SeverityOverride> SeverityWhen { get; init; } = [];
    public required string RuleSet { get; init; }
    public required SourceLocation Source { get; init; }

    /// <summary>What profiles changed on this rule, in the order they applied; empty for a rule as written.</summary>
    public IReadOnlyList<RuleOverride> Overrides { get; init; } = [];

    public bool AppliesToPlan(Plan plan) => AppliesTo.Matches(plan.Level, plan.Type);
}

/// <summary>A loaded rule set: its id, version and rules.</summary>
public sealed record RuleSet(string Id, string Version, LocalizedText Title, string File, IReadOnlyList<RuleSpec> Rules);
