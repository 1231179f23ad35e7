using System.Linq.Expressions;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.Engine.Kinds;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Decisions;

/// <summary>
/// Builds the finding for one matched fact of one (rule, check): subjects, measure, geometry,
/// message arguments, and the severity after <c>severity-when</c>. Called from rule actions.
/// </summary>
public sealed class FindingFactory
{
    private readonly RuleSpec _rule;
    private readonly CheckSpec _check;
    private readonly IEngineKind _kind;
    private readonly IReadOnlyDictionary<string, object?> _named;
    private readonly double? _limit;
    private readonly Func<object, double>? _value;
    private readonly Func<object, double>? _limitOf;
    private readonly List<(Func<object, bool> When, SeverityOverride Override)> _overrides;

    public FindingFactory(RuleSpec rule, CheckSpec check, Type factType)
    {
        _rule = rule;
        _check = check;
        _kind = EngineKinds.For(check);
        _limit = _kind.Limit(check);
        _named = _kind.Named(check);
        _value = _kind.ValueOf(check, factType);
        _limitOf = _kind.LimitOf(check, factType);
        _overrides = rule.SeverityWhen.Select(s => (Compile<bool>(s.When, factType, _kind.Variable(check), _named), s)).ToList();
    }

    public FindingFact Create(object fact)
    {
        var args = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["plan"] = PlanOf(fact)?.Id,
            ["rule"] = _rule.Id,
        };
        foreach (var (k, v) in _named) args[k] = v;

        var value = double.NaN;
        double? limit = _limit;
        IReadOnlyList<Subject> subjects = [];
        NetTopologySuite.Geometries.Geometry? geometry = null;
        Waiver? covered = null;
        var measureName = _check.MeasureName;
        switch (fact)
        {
            case Observation o:
                value = o.Value;
                limit = o.Limit ?? limit;
                subjects = o.Subjects;
                geometry = o.Geometry;
                measureName = o.MeasureName ?? measureName;
                covered = o.Covered;
                foreach (var (k, v) in o.Arguments) args[k] = v;
                break;
            case FeatureFact f:
                subjects = [new Subject(f.Layer, f.Id)];
                geometry = f.Source.Geometry;
                args["layer"] = f.Layer; args["id"] = f.Id; args["code"] = f.Code; args["area"] = f.Area; args["ellipsoidal_area"] = f.EllipsoidalArea;
                break;
            case LayerFact l:
                subjects = [new Subject(l.Role, Subject.WholeLayer)];
                args["layer"] = l.Role; args["count"] = l.FeatureCount; args["outside"] = l.OutsideZoneCount;
                break;
            case PlanFact p:
                subjects = [new Subject(Subject.PlanLayer, p.Id)];
                args["epsg"] = p.Epsg; args["crs"] = p.Crs; args["level"] = p.Level; args["type"] = p.Type;
                args["region"] = p.RegionCode; args["parent"] = p.Parent?.Id; args["parent_region"] = p.Parent?.RegionCode;
                break;
            case IndicatorFact i:
                subjects = [new Subject(Subject.IndicatorsLayer, i.Key)];
                args["key"] = i.Key; args["unit"] = i.Unit; args["layer"] = Subject.IndicatorsLayer; args["id"] = i.Key;
                break;
            case ApprovalFact a:
                subjects = [new Subject("approvals", a.Id)];
                args["approval"] = a.Id; args["document"] = a.Document; args["approved_rule"] = a.Rule;
                args["expires"] = a.Expires; args["count"] = a.UnknownFeatureCount;
                break;
            case IssueFact s:
                subjects = [new Subject(s.Layer, s.FeatureId)];
                args["layer"] = s.Layer; args["id"] = s.FeatureId; args["code"] = s.Code; args["detail"] = s.Detail;
                break;
            case FlowFact flow:
                subjects = [new Subject(Measurements.FlowSubjects.Layer, flow.Id)];
                foreach (var (k, v) in Measurements.FlowSubjects.Arguments(flow)) args[k] = v;
                break;
        }

        var draft = new FindingDraft(value, limit, measureName, subjects, args);
        _kind.Describe(_check, fact, draft);
        (value, limit, measureName, subjects) = (draft.Value, draft.Limit, draft.MeasureName, draft.Subjects);
        if (_value is not null) value = _value(fact);
        if (_limitOf is not null) limit = _limitOf(fact);
        args["value"] = double.IsNaN(value) ? null : value;
        args["limit"] = limit;

        var severity = _rule.Severity;
        var template = _check.Message ?? _rule.Message;
        foreach (var (when, over) in _overrides)
        {
            if (!when(fact)) continue;
            severity = over.Severity;
            template = over.Message ?? template;
            break;
        }

        return new FindingFact(new Finding
        {
            Rule = _rule.Id,
            Severity = severity,
            Plan = PlanOf(fact)?.Id ?? "",
            MessageTemplate = template,
            Arguments = args,
            Subjects = subjects,
            Measure = double.IsNaN(value) ? null : new Measure(measureName, value, limit) { Related = (fact as Observation)?.Related },
            Geometry = geometry,
            WaivedBy = covered,
        });
    }

    private static PlanFact? PlanOf(object fact) => fact switch
    {
        Observation o => o.Plan,
        FeatureFact f => f.Plan,
        LayerFact l => l.Plan,
        PlanFact p => p,
        IndicatorFact i => i.Plan,
        IssueFact s => s.Plan,
        ApprovalFact a => a.Plan,
        FlowFact f => f.Plan,
        IndicatorSet set => set.Plan,
        _ => null,
    };

    /// <summary>A rule expression over a fact, as a function of the boxed fact.</summary>
    internal static Func<object, T> Compile<T>(string text, Type factType, string variable, IReadOnlyDictionary<string, object?>? named)
    {
        var parameter = Expression.Parameter(factType, variable);
        var lambda = ConditionCompiler.Compile(text, [parameter], typeof(T), named);
        var boxed = Expression.Parameter(typeof(object), "fact");
        var body = Expression.Invoke(lambda, Expression.Convert(boxed, factType));
        return Expression.Lambda<Func<object, T>>(body, boxed).Compile();
    }
}
