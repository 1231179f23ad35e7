using System.Text;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.Rules.Model;

namespace ElementFlow.Reports.Sarif;

/// <summary>Rule metadata as SARIF reporting descriptors: titles, the check, the legal basis and how to fix.</summary>
internal static class SarifRules
{
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    public static ReportingDescriptor Describe(RuleSpec rule, Language lang)
    {
        var checks = string.Join("; ", rule.Checks.Select(c =>
            $"{c.Kind} ({string.Join(", ", c.Parameters.Select(p => $"{p.Name}: {p.Value}"))})"));
        var help = new StringBuilder();
        var markdown = new StringBuilder();
        void Line(LocalizedText label, string text)
        {
            if (text.Length == 0) return;
            help.Append(label[lang]).Append(": ").AppendLine(text);
            markdown.Append("**").Append(label[lang]).Append("**: ").Append(text).AppendLine("  ");
        }

        Line(Labels.Basis, rule.Basis);
        Line(Labels.Fix, rule.Fix?[lang] ?? "");
        Line(Labels.Check, checks);
        Line(Labels.AppliesTo, rule.AppliesTo.ToString());
        Line(Labels.RuleSet, $"{rule.RuleSet} ({rule.Source})");

        return new ReportingDescriptor(
            rule.Id,
            Name(rule.Title.En),
            new MultiformatMessage(rule.Title.En),
            new MultiformatMessage(rule.Title[lang] + (rule.Basis.Length > 0 ? $" — {rule.Basis}" : "")),
            new MultiformatMessage(help.ToString().TrimEnd(), markdown.ToString().TrimEnd()),
            new ReportingConfiguration(Level(rule.Severity)),
            new Dictionary<string, object?>
            {
                ["tags"] = rule.Checks.Select(c => c.Kind).Prepend(rule.RuleSet).Distinct().ToList(),
                ["ruleSet"] = rule.RuleSet,
                ["appliesTo"] = rule.AppliesTo.ToString(),
            });
    }

    /// <summary>A rule that fired but is not among the rules in effect (a report built by hand): only its id.</summary>
    public static ReportingDescriptor Bare(string id) => new(id);

    /// <summary>The English title in PascalCase, the way SARIF viewers expect a rule name: "NoOverlap..."</summary>
    public static string Name(string title)
    {
        var sb = new StringBuilder();
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length == 0) continue;
            sb.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
        }

        return sb.ToString();
    }
}
