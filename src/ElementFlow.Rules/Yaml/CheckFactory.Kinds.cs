using ElementFlow.Rules.Model;
using ElementFlow.Yaml;

namespace ElementFlow.Rules.Yaml;

/// <summary>The rules side of a check kind: its name, the <see cref="CheckSpec"/> it builds, its parameters and its parser.</summary>
/// <param name="NamedParameters">True when the kind accepts named parameters of the author's own (thresholds its expressions use), so unknown keys are not errors.</param>
public sealed record CheckKind(string Name, Type Spec, IReadOnlyList<string> Parameters, Func<CheckFactory, YamlMap, SourceLocation, CheckSpec?> Parse, bool NamedParameters = false);

/// <summary>
/// Every check kind, in one table. To add a kind: a <see cref="CheckSpec"/> record in Model/, a parser
/// method, a row here, and its engine side in ElementFlow.Engine/Kinds (a test fails until both exist).
/// </summary>
public sealed partial class CheckFactory
{
    // A property, not a field: static fields of partial files initialise in no defined order, and the equity and flow parameter lists live in other files.
    public static IReadOnlyList<CheckKind> CheckKinds => Table.Value;

    private static readonly Lazy<IReadOnlyList<CheckKind>> Table = new(() =>
    [
        new("required", typeof(RequiredCheck), ["layers", "attributes", "indicators"], (f, m, s) => f.Required(m, s)),
        new("valid-geometry", typeof(ValidGeometryCheck), ["layers"], (f, m, s) => new ValidGeometryCheck(f.LayerList(m, "layers")) { Source = s }),
        new("no-overlap", typeof(NoOverlapCheck), ["a", "b", "tolerance-m2"], (f, m, s) => f.NoOverlap(m, s)),
        new("within", typeof(WithinCheck), ["a", "b", "tolerance-m2", "per-part"], (f, m, s) => f.Within(m, s)),
        new("covers", typeof(CoversCheck), ["layer", "tolerance-m2"], (f, m, s) => f.Covers(m, s)),
        new("area-ratio", typeof(AreaRatioCheck), ["numerator", "denominator", "max", "min", "measure"], (f, m, s) => f.AreaRatio(m, s)),
        new("indicator", typeof(IndicatorCheck), ["assert", "value", "measure"], (f, m, s) => f.Indicator(m, s), NamedParameters: true),
        new("consistency", typeof(ConsistencyCheck), ["pairs", "relative-tolerance"], (f, m, s) => f.Consistency(m, s)),
        new("transmission", typeof(TransmissionCheck), ["compare", "direction", "indicators", "flows"], (f, m, s) => f.Transmission(m, s)),
        new("use-permitted", typeof(UsePermittedCheck), ["uses", "zones", "matrix", "tolerance-m2"], (f, m, s) => f.UsePermitted(m, s)),
        new("expression", typeof(ExpressionCheck), ["facts", "layers", "when", "value", "limit", "measure", "requires"], (f, m, s) => f.Expression(m, s), NamedParameters: true),
        new("coverage", typeof(CoverageCheck), CoverageParameters, (f, m, s) => f.Coverage(m, s)),
        new("distribution", typeof(DistributionCheck), DistributionParameters, (f, m, s) => f.Distribution(m, s)),
        new("per-capita", typeof(PerCapitaCheck), PerCapitaParameters, (f, m, s) => f.PerCapita(m, s)),
        new("shoreline", typeof(ShorelineCheck), ShorelineParameters, (f, m, s) => f.Shoreline(m, s)),
        new("flow-balance", typeof(FlowBalanceCheck), FlowBalanceParameters, (f, m, s) => f.FlowBalance(m, s)),
        new("flow-eligibility", typeof(FlowEligibilityCheck), FlowEligibilityParameters, (f, m, s) => f.FlowEligibility(m, s)),
        new("enclaves", typeof(EnclaveCheck), EnclaveParameters, (f, m, s) => f.Enclaves(m, s)),
        new("standard", typeof(StandardCheck), ["aspect"], (f, m, s) => f.Standard(m, s)),
    ]);
}
