using System.Globalization;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Model;

namespace ElementFlow.Rules.Yaml;

/// <summary>The flow check kinds: flow-balance, flow-eligibility and enclaves (docs/rule-authoring.md), and the flow filters of applies-to.</summary>
public sealed partial class CheckFactory
{
    // Properties, not fields: the main part's static table reads them (see CheckFactory.Equity.cs).
    private static string[] FlowBalanceParameters => ["flow", "use", "supply", "of", "scope", "tolerance"];
    private static string[] FlowEligibilityParameters => ["flows", "senders", "receivers", "from-year", "until-year"];
    private static string[] EnclaveParameters => ["tolerance-m2"];

    private FlowBalanceCheck? FlowBalance(YamlMap map, SourceLocation source)
    {
        var flow = FlowKindOf(map, "flow", required: true);
        var scope = map.String("scope") ?? "own";
        if (scope is not ("own" or "children")) Add("rules.field-invalid", KeyLine(map, "scope"), ("field", "scope"), ("detail", "use own (the plan's balance) or children (its children's flows net to zero)"));
        var children = scope == "children";
        var use = map.String("use");
        var supply = map.String("supply");
        if (!children && use is null) Add("rules.field-required", map.Line, ("field", "use"));
        foreach (var (key, value) in new[] { ("use", use), ("supply", supply) })
        {
            if (value is not null) CheckIndicator(value, key, KeyLine(map, key));
        }

        var ofText = map.String("of") ?? "amount";
        if (!Enum.TryParse<BalanceOf>(ofText, ignoreCase: true, out var of) || int.TryParse(ofText, out _))
        {
            Add("rules.field-invalid", KeyLine(map, "of"), ("field", "of"), ("detail", "use amount, paddy or capacity"));
        }

        var tolerance = NonNegative(map, "tolerance") ?? 0.0001;
        return flow is { } kind ? new FlowBalanceCheck(kind, use, supply, of, children, tolerance) { Source = source } : null;
    }

    private FlowEligibilityCheck? FlowEligibility(YamlMap map, SourceLocation source)
    {
        var kinds = new List<FlowKind>();
        foreach (var name in map.Strings("flows") ?? [])
        {
            if (FlowKinds.TryParse(name, out var k)) kinds.Add(k);
            else Add("rules.field-invalid", KeyLine(map, "flows"), ("field", "flows"), ("detail", $"'{name}' is not a flow kind; use {string.Join(", ", FlowKinds.Names)}"));
        }

        if (!map.Has("flows")) Add("rules.field-required", map.Line, ("field", "flows"));
        IReadOnlyList<string> Codes(string key)
        {
            var codes = map.Strings(key) ?? [];
            foreach (var code in codes.Where(c => !System.Text.RegularExpressions.Regex.IsMatch(c, "^[0-9]{2,12}$")))
            {
                Add("rules.field-invalid", KeyLine(map, key), ("field", key), ("detail", $"'{code}' is not a region code"));
            }

            return codes;
        }

        int? Year(string key)
        {
            if (map.String(key) is not { } text) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2100) return y;
            Add("rules.field-invalid", KeyLine(map, key), ("field", key), ("detail", "a year, e.g. 2025"));
            return null;
        }

        return new FlowEligibilityCheck(kinds, Codes("senders"), Codes("receivers"), Year("from-year"), Year("until-year")) { Source = source };
    }

    private EnclaveCheck Enclaves(YamlMap map, SourceLocation source) => new(NonNegative(map, "tolerance-m2") ?? 1) { Source = source };

    private FlowKind? FlowKindOf(YamlMap map, string key, bool required)
    {
        var text = map.String(key);
        if (text is null)
        {
            if (required) Add("rules.field-required", map.Line, ("field", key));
            return null;
        }

        if (FlowKinds.TryParse(text, out var kind)) return kind;
        Add("rules.field-invalid", KeyLine(map, key), ("field", key), ("detail", $"'{text}' is not a flow kind; use {string.Join(", ", FlowKinds.Names)}"));
        return null;
    }

    /// <summary>The flow filters of an applies-to (<c>flows</c>, <c>without-flows</c>): <c>kind</c> or <c>kind/in</c>, <c>kind/out</c>.</summary>
    private List<FlowFilter> FlowFilters(YamlMap applies, string key)
    {
        var filters = new List<FlowFilter>();
        foreach (var text in applies.Strings(key) ?? [])
        {
            var parts = text.Split('/');
            FlowDirection? direction = parts.Length == 2 ? parts[1] switch { "in" => FlowDirection.In, "out" => FlowDirection.Out, _ => null } : null;
            if (parts.Length > 2 || !FlowKinds.TryParse(parts[0], out var kind) || (parts.Length == 2 && direction is null))
            {
                Add("rules.field-invalid", KeyLine(applies, key), ("field", $"applies-to.{key}"), ("detail", $"'{text}' is not a flow kind, optionally with /in or /out; kinds: {string.Join(", ", FlowKinds.Names)}"));
                continue;
            }

            filters.Add(new FlowFilter(kind, direction));
        }

        return filters;
    }
}
