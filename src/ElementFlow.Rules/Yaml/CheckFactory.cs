using System.Globalization;
using System.Linq.Expressions;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace ElementFlow.Rules.Yaml;

/// <summary>
/// Builds the canonical <see cref="CheckSpec"/> of each check kind from its YAML mapping, reporting
/// unknown parameters, unknown roles and indicators, and conditions that do not parse.
/// </summary>
/// <param name="ruleConditions">The rule's other expressions (severity-when), which may use a check's named parameters too.</param>
public sealed partial class CheckFactory(string ruleId, string file, List<Diagnostic> diagnostics, IReadOnlyList<string>? ruleConditions = null)
{
    /// <summary>The names of the check kinds, in the order of <see cref="CheckKinds"/>.</summary>
    public static IReadOnlyList<string> Kinds => CheckKinds.Select(k => k.Name).ToList();

    /// <summary>Keys every check may carry besides its kind's parameters.</summary>
    private static readonly string[] CommonKeys = ["kind", "message", "applies-to"];

    private static string[] ParametersOf(string kind) => CheckKinds.First(k => k.Name == kind).Parameters.ToArray();

    public CheckSpec? Create(CheckDto dto)
    {
        var map = dto.Map;
        var source = new SourceLocation(map.File, map.Line);
        if (string.IsNullOrEmpty(dto.Kind))
        {
            Add("rules.field-required", map.Line, ("field", "check.kind"));
            return null;
        }

        if (CheckKinds.FirstOrDefault(k => k.Name == dto.Kind) is not { } kind)
        {
            Add("rules.unknown-kind", map.Line, ("kind", dto.Kind), ("kinds", string.Join(", ", Kinds)), ("hint", Suggestions.Hint(Suggestions.Nearest(dto.Kind, Kinds))));
            return null;
        }

        var errorsBefore = diagnostics.Count;
        var check = kind.Parse(this, map, source);
        if (!kind.NamedParameters)
        {
            foreach (var key in map.Keys.Where(k => !CommonKeys.Contains(k) && !kind.Parameters.Contains(k)))
            {
                Add("rules.unknown-parameter", KeyLine(map, key), ("kind", dto.Kind), ("parameter", key), ("known", string.Join(", ", kind.Parameters)), ("hint", Suggestions.Hint(Suggestions.Nearest(key, kind.Parameters))));
            }
        }

        var appliesTo = CheckAppliesTo(map);
        if (check is null || diagnostics.Skip(errorsBefore).Any(d => d.Severity == Core.Findings.Severity.Error)) return null;
        return check with { Message = RuleSetBuilder.ToText(dto.Message), AppliesTo = appliesTo };
    }

    private AppliesTo? CheckAppliesTo(YamlMap map)
    {
        if (map.Map("applies-to") is not { } applies) return null;
        var levels = new HashSet<PlanLevel>();
        var types = new HashSet<PlanType>();
        foreach (var l in applies.Strings("levels") ?? [])
        {
            if (PlanKinds.TryParseLevel(l, out var level)) levels.Add(level);
            else Add("rules.field-invalid", applies.Line, ("field", "applies-to.levels"), ("detail", $"'{l}' is not a level"));
        }

        foreach (var t in applies.Strings("types") ?? [])
        {
            if (PlanKinds.TryParseType(t, out var type)) types.Add(type);
            else Add("rules.field-invalid", applies.Line, ("field", "applies-to.types"), ("detail", $"'{t}' is not a type"));
        }

        var flows = FlowFilters(applies, "flows");
        var without = FlowFilters(applies, "without-flows");
        applies.ReportUnknownKeys(asError: true, ["levels", "types", "flows", "without-flows"]);
        return new AppliesTo(levels, types) { Flows = flows, WithoutFlows = without };
    }

    private CoversCheck? Covers(YamlMap map, SourceLocation source)
    {
        var layer = map.String("layer");
        if (layer is null)
        {
            Add("rules.field-required", map.Line, ("field", "layer"));
            return null;
        }

        return CheckRole(layer, "layer", KeyLine(map, "layer"))
            ? new CoversCheck(LayerRole.Find(layer)!.Name, NonNegative(map, "tolerance-m2") ?? 1) { Source = source }
            : null;
    }

    private TransmissionCheck? Transmission(YamlMap map, SourceLocation source)
    {
        var compareText = map.String("compare") ?? "allocation";
        if (!Enum.TryParse<TransmissionComparison>(compareText, ignoreCase: true, out var compare) || int.TryParse(compareText, out _))
        {
            Add("rules.field-invalid", KeyLine(map, "compare"), ("field", "compare"), ("detail", "use allocation or sum"));
            return null;
        }

        var directions = new HashSet<IndicatorDirection>();
        foreach (var d in map.Strings("direction") ?? ["floor", "cap"])
        {
            if (d == "floor") directions.Add(IndicatorDirection.Floor);
            else if (d == "cap") directions.Add(IndicatorDirection.Cap);
            else Add("rules.field-invalid", KeyLine(map, "direction"), ("field", "direction"), ("detail", "use floor, cap or both as a list"));
        }

        var indicators = map.Strings("indicators");
        foreach (var key in indicators ?? []) CheckIndicator(key, "indicators", KeyLine(map, "indicators"));
        return new TransmissionCheck(compare, directions, indicators) { Source = source, Flows = FlowKindOf(map, "flows", required: false) };
    }

    private RequiredCheck Required(YamlMap map, SourceLocation source)
    {
        IReadOnlyDictionary<string, IReadOnlyList<string>> ListMap(string key, bool keysArePlanKinds, Action<string, int>? validateItem)
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (map.Map(key) is not { } m) return result;
            foreach (var (k, v) in m.Node.Children)
            {
                var name = k.Scalar() ?? "";
                if (keysArePlanKinds && !IsPlanKindPattern(name))
                {
                    Add("rules.field-invalid", k.Line(), ("field", $"{key}.{name}"), ("detail", "write level/type, either may be *, e.g. city/overall or */detailed"));
                }
                else if (!keysArePlanKinds && LayerRole.Find(name) is null)
                {
                    Add("rules.unknown-role", k.Line(), ("field", key), ("role", name), ("hint", RoleHint(name)));
                }

                var items = m.AsStrings(v, $"{key}.{name}") ?? [];
                foreach (var item in items) validateItem?.Invoke(item, v.Line());
                result[name] = items;
            }

            return result;
        }

        return new RequiredCheck(
            ListMap("layers", true, (role, line) => CheckRole(role, "layers", line)),
            ListMap("attributes", false, null),
            ListMap("indicators", true, (key, line) => CheckIndicator(key, "indicators", line))) { Source = source };
    }

    private NoOverlapCheck? NoOverlap(YamlMap map, SourceLocation source)
    {
        var a = Selector(map, "a", required: true);
        var b = Selector(map, "b", required: false);
        var tolerance = NonNegative(map, "tolerance-m2") ?? 1;
        return a is null ? null : new NoOverlapCheck(a, b, tolerance) { Source = source };
    }

    private WithinCheck? Within(YamlMap map, SourceLocation source)
    {
        IReadOnlyList<LayerSelector>? a = null;
        var aNode = map.Get("a");
        switch (aNode)
        {
            case null: Add("rules.field-required", map.Line, ("field", "a")); break;
            case YamlScalarNode { Value: "all" }: break;
            case YamlSequenceNode seq:
                a = seq.Children.Select(c => SelectorFrom(c, map, "a")).OfType<LayerSelector>().ToList();
                break;
            default:
                a = SelectorFrom(aNode, map, "a") is { } one ? [one] : [];
                break;
        }

        IReadOnlyList<LayerSelector>? b = map.Get("b") switch
        {
            null => null,
            YamlSequenceNode list => list.Children.Select(c => SelectorFrom(c, map, "b")).OfType<LayerSelector>().ToList(),
            var one => SelectorFrom(one, map, "b") is { } s ? [s] : null,
        };
        if (!map.Has("b")) Add("rules.field-required", map.Line, ("field", "b"));
        var tolerance = NonNegative(map, "tolerance-m2") ?? 1;
        var perPart = map.Bool("per-part") ?? false;
        return b is not { Count: > 0 } || aNode is null ? null : new WithinCheck(a, b, tolerance, perPart) { Source = source };
    }

    private AreaRatioCheck? AreaRatio(YamlMap map, SourceLocation source)
    {
        var numerator = Operand(map, "numerator");
        var denominator = Operand(map, "denominator");
        var max = map.Number("max");
        var min = map.Number("min");
        if (max is null && min is null) Add("rules.field-required", map.Line, ("field", "max or min"));
        var measure = map.String("measure") ?? "area_ratio";
        return numerator is null || denominator is null ? null
            : new AreaRatioCheck(numerator, denominator, max, min, measure) { Source = source };
    }

    private IndicatorCheck? Indicator(YamlMap map, SourceLocation source)
    {
        var assert = map.String("assert");
        if (assert is null)
        {
            Add("rules.field-required", map.Line, ("field", "assert"));
            return null;
        }

        var value = map.String("value");
        var measure = map.String("measure") ?? "indicator_value";
        var named = Named(map, ParametersOf("indicator"));
        var keys = IndicatorKeysIn(assert, "assert", KeyLine(map, "assert"), typeof(bool), named);
        if (value is not null) keys = keys.Union(IndicatorKeysIn(value, "value", KeyLine(map, "value"), typeof(double), named)).ToList();
        foreach (var name in named.Keys.Where(n => !Mentions(assert, n) && !Mentions(value, n) && !(ruleConditions ?? []).Any(c => Mentions(c, n))))
        {
            Add("rules.unused-parameter", KeyLine(map, name.Replace('_', '-')), ("parameter", name.Replace('_', '-')));
        }

        return new IndicatorCheck(assert, value, measure, keys) { Source = source, Named = named };
    }

    /// <summary>Parses an indicator expression with every known key as a variable and returns the keys it uses.</summary>
    private List<string> IndicatorKeysIn(string text, string field, int line, Type resultType, IReadOnlyDictionary<string, object?> named)
    {
        var parameters = IndicatorCatalog.All.Select(d => System.Linq.Expressions.Expression.Parameter(typeof(double), d.Key)).ToArray();
        try
        {
            var lambda = ConditionCompiler.Compile(text, parameters, resultType, named);
            var used = new ParameterCollector();
            used.Visit(lambda.Body);
            return used.Names.Order(StringComparer.Ordinal).ToList();
        }
        catch (ConditionException e)
        {
            Add("rules.condition", line, ("field", field), ("detail", e.Message));
            return [];
        }
    }

    private ConsistencyCheck? Consistency(YamlMap map, SourceLocation source)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Map("pairs") is { } m)
        {
            foreach (var (k, v) in m.Node.Children)
            {
                var key = k.Scalar() ?? "";
                CheckIndicator(key, "pairs", k.Line());
                var role = v.Scalar() ?? "";
                CheckRole(role, "pairs", v.Line());
                pairs[key] = role;
            }
        }
        else
        {
            Add("rules.field-required", map.Line, ("field", "pairs"));
        }

        return new ConsistencyCheck(pairs, NonNegative(map, "relative-tolerance") ?? 0.0001) { Source = source };
    }

    private ExpressionCheck? Expression(YamlMap map, SourceLocation source)
    {
        var factsText = map.String("facts");
        if (!Enum.TryParse<FactSource>(factsText, ignoreCase: true, out var facts) || int.TryParse(factsText, out _))
        {
            Add("rules.field-invalid", map.Line, ("field", "facts"), ("detail", "use plan, layer, feature, indicator, issue, approval or flow"));
            return null;
        }

        var layers = LayerList(map, "layers");
        var when = map.String("when");
        var value = map.String("value");
        var limit = map.String("limit");
        var measure = map.String("measure") ?? "value";
        if (when is null) Add("rules.field-required", map.Line, ("field", "when"));

        var named = Named(map, ParametersOf("expression"));

        PlanRelation? requires = null;
        if (map.String("requires") is { } r)
        {
            if (r == "parent") requires = PlanRelation.Parent;
            else if (r == "children") requires = PlanRelation.Children;
            else if (r == "counterpart" && facts == FactSource.Flow) requires = PlanRelation.Counterpart;
            else Add("rules.field-invalid", KeyLine(map, "requires"), ("field", "requires"), ("detail", "use parent or children (or counterpart, for flow facts)"));
        }

        var check = new ExpressionCheck(facts, layers, when ?? "true", value, limit, measure, named) { Source = source, Requires = requires };
        var parameter = System.Linq.Expressions.Expression.Parameter(FactTypes.Of(facts), check.Variable);
        var used = new HashSet<string>(StringComparer.Ordinal);
        Condition(when, "when", KeyLine(map, "when"), parameter, typeof(bool), named, used);
        Condition(value, "value", KeyLine(map, "value"), parameter, typeof(double), named, used);
        Condition(limit, "limit", KeyLine(map, "limit"), parameter, typeof(double), named, used);
        foreach (var name in named.Keys.Where(n => !used.Contains(n) && !(ruleConditions ?? []).Any(c => Mentions(c, n))))
        {
            Add("rules.unused-parameter", KeyLine(map, name.Replace('_', '-')), ("parameter", name.Replace('_', '-')));
        }

        return check;
    }

    /// <summary>Every key a kind does not define is a named parameter its expressions may use (hyphens become underscores).</summary>
    private static Dictionary<string, object?> Named(YamlMap map, string[] known)
    {
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in map.Keys.Where(k => !CommonKeys.Contains(k) && !known.Contains(k)))
        {
            // A quoted value stays text ("07" is a code prefix, not seven); a plain one that reads as a number is a number.
            var quoted = map.Get(key) is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted };
            var text = map.String(key);
            named[key.Replace('-', '_')] = !quoted && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : text;
        }

        return named;
    }

    /// <remarks>The name is a key from the rule file, so it is escaped: it is matched as text, never read as a pattern.</remarks>
    private static bool Mentions(string? text, string name) =>
        text is not null && System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(name)}\b");

    private UsePermittedCheck? UsePermitted(YamlMap map, SourceLocation source)
    {
        var uses = map.Has("uses") ? Selector(map, "uses", required: true) : LayerSelector.Whole(LayerRole.LandUse.Name);
        var zones = map.Has("zones") ? Selector(map, "zones", required: true) : LayerSelector.Whole(LayerRole.Zoning.Name);
        var matrix = new Dictionary<string, ZonePermission>(StringComparer.Ordinal);
        if (map.Map("matrix") is { } m)
        {
            foreach (var (k, v) in m.Node.Children)
            {
                var zone = k.Scalar() ?? "";
                if (!CodeLists.Zones.ContainsKey(zone)) Add("rules.field-invalid", k.Line(), ("field", $"matrix.{zone}"), ("detail", $"not a planning zone; use one of {string.Join(", ", CodeLists.Zones.Keys)}"));
                if (v is not YamlMappingNode entry)
                {
                    m.WrongShape(v, zone, "a mapping with allow and/or deny");
                    continue;
                }

                var e = new YamlMap(entry, map.File, $"matrix.{zone}", map.Diagnostics);
                matrix[zone] = new ZonePermission(e.Strings("allow") ?? [], e.Strings("deny") ?? []);
                e.ReportUnknownKeys(asError: true, ["allow", "deny"]);
            }
        }
        else
        {
            Add("rules.field-required", map.Line, ("field", "matrix"));
        }

        return uses is null || zones is null ? null
            : new UsePermittedCheck(uses, zones, new UseMatrix(matrix), NonNegative(map, "tolerance-m2") ?? 1) { Source = source };
    }

    /// <summary>Checks that a condition parses; records which named parameters it uses.</summary>
    public void Condition(string? text, string field, int line, ParameterExpression parameter, Type resultType, IReadOnlyDictionary<string, object?>? named = null, HashSet<string>? used = null)
    {
        if (text is null) return;
        try
        {
            ConditionCompiler.Compile(text, [parameter], resultType, named);
            if (named is not null && used is not null)
            {
                foreach (var name in named.Keys.Where(n => Mentions(text, n))) used.Add(name);
            }
        }
        catch (ConditionException e)
        {
            Add("rules.condition", line, ("field", field), ("detail", e.Message));
        }
    }

    private LayerSelector? Selector(YamlMap map, string key, bool required)
    {
        var node = map.Get(key);
        if (node is null)
        {
            if (required) Add("rules.field-required", map.Line, ("field", key));
            return null;
        }

        return SelectorFrom(node, map, key);
    }

    private LayerSelector? SelectorFrom(YamlNode node, YamlMap parent, string key)
    {
        if (node is YamlScalarNode s)
        {
            return CheckRole(s.Value ?? "", key, s.Line()) ? LayerSelector.Whole(LayerRole.Find(s.Value)!.Name) : null;
        }

        if (node is not YamlMappingNode m)
        {
            parent.WrongShape(node, key, "a layer role or a mapping with layer, codes, except-codes, where");
            return null;
        }

        var map = new YamlMap(m, parent.File, parent.FieldPath(key), parent.Diagnostics);
        var role = map.String("layer");
        if (role is null)
        {
            Add("rules.field-required", m.Line(), ("field", $"{key}.layer"));
            return null;
        }

        var where = map.String("where");
        Condition(where, $"{key}.where", KeyLine(map, "where"), System.Linq.Expressions.Expression.Parameter(typeof(FeatureFact), "feature"), typeof(bool));
        var relation = PlanRelation.Self;
        if (map.String("plan") is { } plan && (!Enum.TryParse(plan, ignoreCase: true, out relation) || relation == PlanRelation.Counterpart || int.TryParse(plan, out _)))
        {
            Add("rules.field-invalid", KeyLine(map, "plan"), ("field", $"{key}.plan"), ("detail", "use self, parent or children"));
        }

        var selector = new LayerSelector(LayerRole.Find(role)?.Name ?? role, map.Strings("codes") ?? [], map.Strings("except-codes") ?? [], where) { Plan = relation };
        map.ReportUnknownKeys(asError: true, ["layer", "codes", "except-codes", "where", "plan"]);
        return CheckRole(role, $"{key}.layer", m.Line()) ? selector : null;
    }

    private AreaOperand? Operand(YamlMap map, string key)
    {
        var node = map.Get(key);
        if (node is null)
        {
            Add("rules.field-required", map.Line, ("field", key));
            return null;
        }

        if (node is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("indicator")))
        {
            var inner = new YamlMap(m, map.File, map.FieldPath(key), map.Diagnostics);
            var indicator = inner.String("indicator") ?? "";
            inner.ReportUnknownKeys(asError: true, ["indicator"]);
            return CheckIndicator(indicator, key, m.Line()) ? new AreaOperand(null, indicator) : null;
        }

        return SelectorFrom(node, map, key) is { } selector ? new AreaOperand(selector, null) : null;
    }

    private IReadOnlyList<string>? LayerList(YamlMap map, string key)
    {
        var node = map.Get(key);
        if (node is null or YamlScalarNode { Value: "all" }) return null;
        var list = map.AsStrings(node, map.FieldPath(key)) ?? [];
        return list.Where(r => CheckRole(r, key, node.Line())).Select(r => LayerRole.Find(r)!.Name).ToList();
    }

    private double? NonNegative(YamlMap map, string key)
    {
        var value = map.Number(key);
        if (value is < 0) Add("rules.field-invalid", KeyLine(map, key), ("field", key), ("detail", "must not be negative"));
        return value;
    }

    private bool CheckRole(string role, string field, int line)
    {
        if (LayerRole.Find(role) is not null) return true;
        Add("rules.unknown-role", line, ("field", field), ("role", role), ("hint", RoleHint(role)));
        return false;
    }

    private static LocalizedText RoleHint(string role) => Suggestions.Hint(Suggestions.Nearest(role, LayerRole.All.Select(r => r.Name)));

    private bool CheckIndicator(string key, string field, int line)
    {
        if (IndicatorCatalog.Find(key) is not null) return true;
        Add("rules.unknown-indicator", line, ("field", field), ("key", key));
        return false;
    }

    private static bool IsPlanKindPattern(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 2
            && (parts[0] == "*" || PlanKinds.TryParseLevel(parts[0], out _))
            && (parts[1] == "*" || PlanKinds.TryParseType(parts[1], out _));
    }

    private static int KeyLine(YamlMap map, string key) =>
        map.Node.Children.Keys.FirstOrDefault(k => k.Scalar() == key)?.Line() ?? map.Line;

    private void Add(string code, int line, params (string Name, object? Value)[] args) =>
        diagnostics.Add(Diagnostic.Error(code, file, line, null, args.Prepend(("rule", ruleId)).ToArray()));

    private sealed class ParameterCollector : ExpressionVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Names.Add(node.Name!);
            return node;
        }
    }
}
