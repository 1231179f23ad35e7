using System.Linq.Expressions;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Kinds;

/// <summary><c>standard</c>: every departure from the plan's database standard the measurement found is a finding.</summary>
public sealed class StandardKind : EngineKind<StandardCheck>
{
    protected override IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, StandardCheck check) => [new StandardMeasurement(check.Aspect)];
    protected override IEnumerable<Expression> Decision(StandardCheck check, ParameterExpression fact) => [];
    protected override double? Limit(StandardCheck check) => 0;
}
