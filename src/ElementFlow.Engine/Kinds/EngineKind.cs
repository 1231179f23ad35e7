using System.Linq.Expressions;
using ElementFlow.Core.Findings;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Kinds;

/// <summary>
/// The engine side of one check kind: the measurements a check needs, the condition under which a fact is
/// a finding, the limit findings report and anything else the kind adds to a finding. The rules side of
/// the kind (name, parameters, parser) is its row in <c>CheckFactory.CheckKinds</c>; register this side in
/// <see cref="EngineKinds"/>.
/// </summary>
public interface IEngineKind
{
    /// <summary>The <see cref="CheckSpec"/> record this kind decides on.</summary>
    Type Spec { get; }

    /// <summary>The type of fact the NRules rule matches.</summary>
    Type FactType(CheckSpec check);

    IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, CheckSpec check);

    /// <summary>The kind's conditions on a fact (the engine adds where the rule applies and which measurement the fact is from).</summary>
    IEnumerable<Expression> Decision(CheckSpec check, ParameterExpression fact);

    /// <summary>The limit findings report, unless the fact carries its own.</summary>
    double? Limit(CheckSpec check);

    /// <summary>The parameters the kind's expressions and messages name (thresholds of an expression or indicator check).</summary>
    IReadOnlyDictionary<string, object?> Named(CheckSpec check);

    /// <summary>The variable name the rule's severity-when expressions use for the fact.</summary>
    string Variable(CheckSpec check);

    /// <summary>A value computed from the fact instead of its measured value (an expression's <c>value:</c>), or null.</summary>
    Func<object, double>? ValueOf(CheckSpec check, Type factType);

    /// <summary>A limit computed from the fact (an expression's <c>limit:</c>), or null.</summary>
    Func<object, double>? LimitOf(CheckSpec check, Type factType);

    /// <summary>Adds what the kind knows to a finding being built from a matched fact.</summary>
    void Describe(CheckSpec check, object fact, FindingDraft draft);
}

/// <summary>A finding being built: what <see cref="IEngineKind.Describe"/> may change.</summary>
public sealed class FindingDraft(double value, double? limit, string measureName, IReadOnlyList<Subject> subjects, IDictionary<string, object?> arguments)
{
    public double Value { get; set; } = value;
    public double? Limit { get; set; } = limit;
    public string MeasureName { get; set; } = measureName;
    public IReadOnlyList<Subject> Subjects { get; set; } = subjects;
    public IDictionary<string, object?> Arguments { get; } = arguments;
}

/// <summary>A check kind's engine side for one <see cref="CheckSpec"/> record; most kinds decide on observations.</summary>
public abstract class EngineKind<TCheck> : IEngineKind
    where TCheck : CheckSpec
{
    private static readonly IReadOnlyDictionary<string, object?> NoNames = new Dictionary<string, object?>();

    public Type Spec => typeof(TCheck);

    protected abstract IReadOnlyList<Measurement> Measurements(RuleSpec rule, int index, TCheck check);

    protected abstract IEnumerable<Expression> Decision(TCheck check, ParameterExpression fact);

    protected virtual Type FactType(TCheck check) => typeof(Observation);

    protected virtual double? Limit(TCheck check) => null;

    protected virtual IReadOnlyDictionary<string, object?> Named(TCheck check) => NoNames;

    protected virtual string Variable(TCheck check) => "o";

    protected virtual Func<object, double>? ValueOf(TCheck check, Type factType) => null;

    protected virtual Func<object, double>? LimitOf(TCheck check, Type factType) => null;

    protected virtual void Describe(TCheck check, object fact, FindingDraft draft)
    {
    }

    /// <summary>The measured value of an observation fact.</summary>
    protected static MemberExpression Value(ParameterExpression fact) => Expression.Property(fact, nameof(Observation.Value));

    Type IEngineKind.FactType(CheckSpec check) => FactType((TCheck)check);
    IReadOnlyList<Measurement> IEngineKind.Measurements(RuleSpec rule, int index, CheckSpec check) => Measurements(rule, index, (TCheck)check);
    IEnumerable<Expression> IEngineKind.Decision(CheckSpec check, ParameterExpression fact) => Decision((TCheck)check, fact);
    double? IEngineKind.Limit(CheckSpec check) => Limit((TCheck)check);
    IReadOnlyDictionary<string, object?> IEngineKind.Named(CheckSpec check) => Named((TCheck)check);
    string IEngineKind.Variable(CheckSpec check) => Variable((TCheck)check);
    Func<object, double>? IEngineKind.ValueOf(CheckSpec check, Type factType) => ValueOf((TCheck)check, factType);
    Func<object, double>? IEngineKind.LimitOf(CheckSpec check, Type factType) => LimitOf((TCheck)check, factType);
    void IEngineKind.Describe(CheckSpec check, object fact, FindingDraft draft) => Describe((TCheck)check, fact, draft);
}
