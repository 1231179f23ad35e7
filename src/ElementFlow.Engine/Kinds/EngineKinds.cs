using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Kinds;

/// <summary>
/// The engine side of every check kind, in one list. To add a kind: a class deriving from
/// <see cref="EngineKind{TCheck}"/> beside the others, and a line here; its rules side is a row in
/// <c>CheckFactory.CheckKinds</c>. A test fails while a kind is registered on one side only.
/// </summary>
public static class EngineKinds
{
    public static IReadOnlyList<IEngineKind> All { get; } =
    [
        new RequiredKind(),
        new ValidGeometryKind(),
        new NoOverlapKind(),
        new WithinKind(),
        new CoversKind(),
        new AreaRatioKind(),
        new IndicatorKind(),
        new ConsistencyKind(),
        new TransmissionKind(),
        new UsePermittedKind(),
        new ExpressionKind(),
        new CoverageKind(),
        new DistributionKind(),
        new PerCapitaKind(),
        new ShorelineKind(),
        new FlowBalanceKind(),
        new FlowEligibilityKind(),
        new EnclaveKind(),
        new StandardKind(),
    ];

    private static readonly Dictionary<Type, IEngineKind> BySpec = All.ToDictionary(k => k.Spec);

    /// <summary>The engine side of a check's kind.</summary>
    /// <exception cref="NotSupportedException">No engine kind is registered for the check's record.</exception>
    public static IEngineKind For(CheckSpec check) =>
        BySpec.TryGetValue(check.GetType(), out var kind) ? kind : throw new NotSupportedException($"no engine kind for the check kind {check.Kind}");
}
