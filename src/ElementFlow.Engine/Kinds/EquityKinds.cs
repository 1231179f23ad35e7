using System.Linq.Expressions;
using ElementFlow.Core.Findings;
using ElementFlow.Engine.Decisions;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Kinds;

/// <summary><c>coverage</c>: the share of residents within reach below its floor, or too far from the declared indicator.</summary>
public sealed class CoverageKind : EngineKind<CoverageCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, CoverageCheck check) =>
        [new CoverageMeasurement(check.Coverage, check.Declared?.Indicator, check.Measure is { } m ? EquityMeasurements.Stem(m) : null)];

    protected override IEnumerable<Expression> Decision(CoverageCheck check, ParameterExpression fact) =>
        [check.Declared is { } d ? DeclaredIndicator.Differs(fact, d) : Thresholds.Below(Value(fact), check.MinShare!.Value)];

    protected override void Describe(CoverageCheck check, object fact, FindingDraft draft)
    {
        if (fact is not Observation o) return;
        if (check.Declared is { } d)
        {
            DeclaredIndicator.Describe(d, o, draft);
            draft.Subjects = [new Subject(Subject.IndicatorsLayer, d.Indicator)]; // the homes out of reach stay in the geometry
            return;
        }

        draft.Limit = check.MinShare;
        draft.MeasureName = check.Measure ?? draft.MeasureName;
    }
}

/// <summary><c>distribution</c>: a unit below the floor, or a best–worst gap above the limit.</summary>
public sealed class DistributionKind : EngineKind<DistributionCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, DistributionCheck check) =>
        [new DistributionMeasurement(check, check.Measure is { } m ? EquityMeasurements.Stem(m) : null)];

    protected override IEnumerable<Expression> Decision(DistributionCheck check, ParameterExpression fact)
    {
        var category = Expression.Property(fact, nameof(Observation.Category));
        var tests = new List<Expression>();
        if (check.Floor is { } floor) tests.Add(Expression.AndAlso(Expression.Equal(category, Expression.Constant("floor")), Thresholds.Below(Value(fact), floor)));
        if (check.MaxGap is { } gap) tests.Add(Expression.AndAlso(Expression.Equal(category, Expression.Constant("gap")), Thresholds.Above(Value(fact), gap)));
        return [tests.Aggregate(Expression.OrElse)];
    }

    protected override void Describe(DistributionCheck check, object fact, FindingDraft draft)
    {
        if (fact is not Observation o) return;
        draft.Limit = check.LimitFor(o.Category);
        if (check.Measure is { } m) draft.MeasureName = o.Category == "gap" ? MeasureNames.Gap(m) : m;
    }
}

/// <summary><c>per-capita</c>: an area per person out of its bounds, or too far from the declared indicator.</summary>
public sealed class PerCapitaKind : EngineKind<PerCapitaCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, PerCapitaCheck check) =>
        [new PerCapitaMeasurement(check.Numerator, check.Residents, check.PopulationAttribute, check.PopulationIndicator, check.Declared?.Indicator)];

    protected override IEnumerable<Expression> Decision(PerCapitaCheck check, ParameterExpression fact)
    {
        if (check.Declared is { } d) return [DeclaredIndicator.Differs(fact, d)];
        return [new[] { check.Min is { } min ? Thresholds.Below(Value(fact), min) : null, check.Max is { } max ? Thresholds.Above(Value(fact), max) : null }
            .OfType<Expression>().Aggregate(Expression.OrElse)];
    }

    protected override void Describe(PerCapitaCheck check, object fact, FindingDraft draft)
    {
        if (fact is not Observation o) return;
        if (check.Declared is { } d)
        {
            DeclaredIndicator.Describe(d, o, draft);
            draft.Subjects = [new Subject(Subject.IndicatorsLayer, d.Indicator), .. draft.Subjects];
            return;
        }

        draft.Limit = o.Value < (check.Min ?? double.NegativeInfinity) ? check.Min : check.Max ?? check.Min;
    }
}

/// <summary><c>shoreline</c>: the share of shore open to the public below its floor.</summary>
public sealed class ShorelineKind : EngineKind<ShorelineCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, ShorelineCheck check) =>
        [new ShorelineMeasurement(check.Water, check.Land, check.Public, check.Within)];

    protected override IEnumerable<Expression> Decision(ShorelineCheck check, ParameterExpression fact) => [Thresholds.Below(Value(fact), check.MinShare)];

    protected override void Describe(ShorelineCheck check, object fact, FindingDraft draft) => draft.Limit = check.MinShare;
}
