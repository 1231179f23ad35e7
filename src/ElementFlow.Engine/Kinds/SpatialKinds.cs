using System.Linq.Expressions;
using System.Reflection;
using ElementFlow.Engine.Decisions;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Kinds;

/// <summary><c>valid-geometry</c>: every invalid, empty or mistyped geometry of the layers is a finding.</summary>
public sealed class ValidGeometryKind : EngineKind<ValidGeometryCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, ValidGeometryCheck check) => [new ValidityMeasurement(check.Layers)];
    protected override IEnumerable<Expression> Decision(ValidGeometryCheck check, ParameterExpression fact) => [];
    protected override double? Limit(ValidGeometryCheck check) => 0;
}

/// <summary><c>no-overlap</c>: each overlap of two features larger than the tolerance.</summary>
public sealed class NoOverlapKind : EngineKind<NoOverlapCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, NoOverlapCheck check) => [new OverlapMeasurement(check.A, check.B)];
    protected override IEnumerable<Expression> Decision(NoOverlapCheck check, ParameterExpression fact) => [Thresholds.Above(Value(fact), check.ToleranceM2)];
    protected override double? Limit(NoOverlapCheck check) => check.ToleranceM2;
}

/// <summary><c>within</c>: each feature (or part) outside the containers by more than the tolerance.</summary>
public sealed class WithinKind : EngineKind<WithinCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, WithinCheck check) => [new WithinMeasurement(check.A, check.B, check.PerPart)];
    protected override IEnumerable<Expression> Decision(WithinCheck check, ParameterExpression fact) => [Thresholds.Above(Value(fact), check.ToleranceM2)];
    protected override double? Limit(WithinCheck check) => check.ToleranceM2;
}

/// <summary><c>covers</c>: each part of the parent's layer, inside the plan's boundary, that the plan's layer drops.</summary>
public sealed class CoversKind : EngineKind<CoversCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, CoversCheck check) => [new CoversMeasurement(check.Layer)];
    protected override IEnumerable<Expression> Decision(CoversCheck check, ParameterExpression fact) => [Thresholds.Above(Value(fact), check.ToleranceM2)];
    protected override double? Limit(CoversCheck check) => check.ToleranceM2;
}

/// <summary><c>use-permitted</c>: each overlap of a use with a zone whose matrix row does not permit the use's code.</summary>
public sealed class UsePermittedKind : EngineKind<UsePermittedCheck>
{
    private static readonly MethodInfo PermitsMethod = typeof(UseMatrix).GetMethod(nameof(UseMatrix.Permits))!;

    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, UsePermittedCheck check) => [new UseMeasurement(check.Uses, check.Zones, check.Matrix)];

    protected override IEnumerable<Expression> Decision(UsePermittedCheck check, ParameterExpression fact) =>
    [
        Thresholds.Above(Value(fact), check.ToleranceM2),
        Expression.Not(Expression.Call(Expression.Constant(check.Matrix), PermitsMethod,
            Expression.Property(Expression.Property(fact, nameof(Observation.B)), nameof(FeatureFact.Code)),
            Expression.Property(Expression.Property(fact, nameof(Observation.A)), nameof(FeatureFact.Code)))),
    ];

    protected override double? Limit(UsePermittedCheck check) => check.ToleranceM2;

    protected override void Describe(UsePermittedCheck check, object fact, FindingDraft draft)
    {
        if (fact is Observation o) draft.Arguments["zone"] = o.B?.Code;
    }
}
