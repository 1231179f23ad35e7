using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Lint;
using ElementFlow.Rules.Model;

namespace ElementFlow.Rules.Yaml;

/// <summary>
/// Turns validated DTOs into the immutable rule model. A rule with any error is left out and its
/// errors reported; the rest of the set still loads.
/// </summary>
public static class RuleSetBuilder
{
    private static readonly RuleDtoValidator Validator = new();

    public static RuleSet? Build(RuleSetDto dto, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrEmpty(dto.Id))
        {
            diagnostics.Add(Diagnostic.Error("rules.field-required", dto.File, dto.Line, null, ("rule", "(rule set)"), ("field", "ruleset")));
            return null;
        }

        var rules = new List<RuleSpec>();
        foreach (var ruleDto in dto.Rules)
        {
            if (Build(ruleDto, dto.Id, diagnostics) is { } rule) rules.Add(rule);
        }

        return new RuleSet(dto.Id, dto.Version ?? "0.0.0", ToText(dto.Title) ?? LocalizedText.Same(dto.Id), dto.File, rules);
    }

    /// <summary>Builds one rule (a profile rebuilds the rules it overrides this way).</summary>
    public static RuleSpec? Build(RuleDto dto, string ruleSet, List<Diagnostic> diagnostics)
    {
        var ruleName = dto.Id ?? $"(line {dto.Line})";
        var before = diagnostics.Count;
        diagnostics.AddRange(Validator.Validate(dto).ToDiagnostics(dto.File, ("rule", ruleName)));
        var factory = new CheckFactory(ruleName, dto.File, diagnostics, dto.SeverityWhen.Select(s => s.When ?? "").ToList());
        var checks = dto.Checks.Select(factory.Create).ToList();

        foreach (var s in dto.SeverityWhen)
        {
            var named = checks.FirstOrDefault() switch
            {
                ExpressionCheck e => e.Named,
                IndicatorCheck i => i.Named,
                _ => null,
            };
            factory.Condition(s.When, "severity-when", s.Line, System.Linq.Expressions.Expression.Parameter(SeverityWhenFactType(checks), SeverityWhenVariable(checks)), typeof(bool), named);
        }

        if (diagnostics.Skip(before).Any(d => d.Severity == Severity.Error) || checks.Any(c => c is null)) return null;

        var rule = new RuleSpec
        {
            Id = dto.Id!,
            Title = ToText(dto.Title)!,
            Severity = Severities.TryParse(dto.Severity, out var severity) ? severity : Severity.Error,
            AppliesTo = new AppliesTo(
                (dto.Levels ?? []).Select(l => PlanKinds.TryParseLevel(l, out var v) ? v : default).ToHashSet(),
                (dto.Types ?? []).Select(t => PlanKinds.TryParseType(t, out var v) ? v : default).ToHashSet()),
            Basis = dto.Basis ?? "",
            Fix = ToText(dto.Fix),
            Message = ToText(dto.Message) ?? LocalizedText.Empty,
            Checks = checks!,
            SeverityWhen = dto.SeverityWhen
                .Select(s => new SeverityOverride(s.When!, Severities.TryParse(s.Severity, out var v) ? v : Severity.Error, ToText(s.Message)))
                .ToList(),
            RuleSet = ruleSet,
            Source = new SourceLocation(dto.File, dto.Line),
        };

        CheckPlaceholders(rule, diagnostics);
        return diagnostics.Skip(before).Any(d => d.Severity == Severity.Error) ? null : rule;
    }

    /// <summary>The fact a severity-when condition sees: the observation <c>o</c>, or the expression check's own fact.</summary>
    public static Type SeverityWhenFactType(IReadOnlyList<CheckSpec?> checks) =>
        checks.FirstOrDefault() is ExpressionCheck e ? Facts.FactTypes.Of(e.Facts) : typeof(Observation);

    public static string SeverityWhenVariable(IReadOnlyList<CheckSpec?> checks) =>
        checks.FirstOrDefault() is ExpressionCheck e ? e.Variable : "o";

    private static void CheckPlaceholders(RuleSpec rule, List<Diagnostic> diagnostics)
    {
        void Check(LocalizedText? template, IEnumerable<CheckSpec> checks)
        {
            if (template is null) return;
            var known = CheckSpec.CommonPlaceholders
                .Concat(checks.SelectMany(c => c.Placeholders))
                .Concat(checks.OfType<ExpressionCheck>().SelectMany(c => c.Named.Keys))
                .ToHashSet(StringComparer.Ordinal);
            var stray = new[] { MessageTemplate.Stray(template.Zh), MessageTemplate.Stray(template.En) }.OfType<string>();
            foreach (var name in MessageTemplate.Names(template.Zh).Concat(MessageTemplate.Names(template.En)).Concat(stray).Distinct())
            {
                if (known.Contains(name)) continue;
                diagnostics.Add(Diagnostic.Error("rules.unknown-placeholder", rule.Source.File, rule.Source.Line, null,
                    ("rule", rule.Id), ("name", name), ("known", string.Join(", ", known.Order(StringComparer.Ordinal)))));
            }
        }

        // The rule's message serves the checks without their own; when all have one, it is only a summary.
        var served = rule.Checks.Where(c => c.Message is null).ToList();
        Check(rule.Message, served.Count > 0 ? served : rule.Checks);
        foreach (var c in rule.Checks) Check(c.Message, [c]);
        foreach (var s in rule.SeverityWhen) Check(s.Message, rule.Checks);
    }

    public static LocalizedText? ToText(TextDto? dto) => dto is null ? null : new LocalizedText(dto.Zh ?? "", dto.En ?? "");
}
