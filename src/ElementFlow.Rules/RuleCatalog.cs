using ElementFlow.Core.Diagnostics;
using ElementFlow.Rules.Model;
using ElementFlow.Rules.Yaml;

namespace ElementFlow.Rules;

/// <summary>The rules in effect: every rule set read from the given folders, with what went wrong reading them.</summary>
public sealed record RuleCatalog(IReadOnlyList<RuleSet> RuleSets, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IEnumerable<RuleSpec> Rules => RuleSets.SelectMany(s => s.Rules);

    public RuleSpec? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Core.Findings.Severity.Error);

    /// <summary>How a rule file is named in messages: built-in sets as rules/NAME, others relative to the working folder.</summary>
    public static string DisplayPath(string file)
    {
        var full = Path.GetFullPath(file);
        var builtIn = Path.Combine(AppContext.BaseDirectory, "rules") + Path.DirectorySeparatorChar;
        if (full.StartsWith(builtIn, StringComparison.Ordinal)) return "rules/" + full[builtIn.Length..].Replace('\\', '/');
        return Path.GetRelativePath(Directory.GetCurrentDirectory(), full).Replace('\\', '/');
    }

    /// <summary>Reads every <c>*.yaml</c> directly inside each folder (tests and profiles live in subfolders).</summary>
    public static RuleCatalog Load(IEnumerable<string> folders)
    {
        var diagnostics = new List<Diagnostic>();
        var sets = new List<RuleSet>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                diagnostics.Add(Diagnostic.Error("rules.folder-missing", folder, null, null, ("path", folder)));
                continue;
            }

            var files = Directory.GetFiles(folder, "*.yaml").Concat(Directory.GetFiles(folder, "*.yml")).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) diagnostics.Add(Diagnostic.Error("rules.none", folder, null, null, ("path", folder)));
            foreach (var file in files)
            {
                var shown = DisplayPath(file);
                if (RuleSetReader.Read(File.ReadAllText(file), shown, diagnostics) is { } dto
                    && RuleSetBuilder.Build(dto, diagnostics) is { } set)
                {
                    sets.Add(set);
                }
            }
        }

        var seen = new Dictionary<string, RuleSpec>(StringComparer.Ordinal);
        foreach (var rule in sets.SelectMany(s => s.Rules))
        {
            if (seen.TryGetValue(rule.Id, out var first))
            {
                diagnostics.Add(Diagnostic.Error("rules.duplicate-id", rule.Source.File, rule.Source.Line, null, ("rule", rule.Id), ("first", first.Source.ToString())));
            }
            else
            {
                seen[rule.Id] = rule;
            }
        }

        return new RuleCatalog(sets, diagnostics);
    }
}
