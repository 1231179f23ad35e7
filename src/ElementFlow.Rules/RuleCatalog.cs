using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Rules.Model;
using ElementFlow.Rules.Yaml;

namespace ElementFlow.Rules;

/// <summary>The rules in effect: every rule set read from the given folders, with what went wrong reading them.</summary>
public sealed record RuleCatalog(IReadOnlyList<RuleSet> RuleSets, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IEnumerable<RuleSpec> Rules => RuleSets.SelectMany(s => s.Rules);

    public RuleSpec? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Core.Findings.Severity.Error);

    /// <summary>How a rule file is named in messages: built-in sets as rules/NAME, others relative to <paramref name="relativeTo"/>.</summary>
    /// <param name="builtInFolder">Where the built-in sets are; null: beside the binary.</param>
    /// <param name="relativeTo">The folder other files are shown relative to (a CLI: its working folder).</param>
    public static string DisplayPath(string file, string? builtInFolder, string relativeTo)
    {
        var full = Path.GetFullPath(file);
        var builtIn = Path.TrimEndingDirectorySeparator(Path.GetFullPath(builtInFolder ?? Path.Combine(AppContext.BaseDirectory, "rules"))) + Path.DirectorySeparatorChar;
        if (full.StartsWith(builtIn, StringComparison.Ordinal)) return "rules/" + full[builtIn.Length..].Replace('\\', '/');
        return Path.GetRelativePath(relativeTo, full).Replace('\\', '/');
    }

    /// <summary>The word that names the built-in rule sets in <c>extends</c>.</summary>
    public const string BuiltIn = "builtin";

    /// <summary>
    /// Reads every <c>*.yaml</c> directly inside each folder (tests and profiles live in subfolders), or a
    /// single rule-set file; then applies the overrides of sets that <c>extends</c> others, loading the
    /// built-in sets from <paramref name="builtInFolder"/> when a profile extends them and they were not named.
    /// </summary>
    /// <param name="limits">Input limits for reading the YAML (alias uses); the defaults when null.</param>
    /// <param name="relativeTo">The folder rule files are named relative to in messages; null: the working folder at this call.</param>
    public static RuleCatalog Load(IEnumerable<string> paths, string? builtInFolder = null, InputLimits? limits = null, string? relativeTo = null)
    {
        relativeTo ??= Directory.GetCurrentDirectory();
        var diagnostics = new List<Diagnostic>();
        var loaded = new List<(RuleSetDto Dto, RuleSet Set, bool BuiltIn)>();
        var builtInFull = builtInFolder is null ? null : Path.GetFullPath(builtInFolder);
        void Read(string path)
        {
            var builtIn = builtInFull is not null && Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) == builtInFull.TrimEnd(Path.DirectorySeparatorChar);
            foreach (var (dto, set) in ReadPath(path, diagnostics, limits, f => DisplayPath(f, builtInFolder, relativeTo))) loaded.Add((dto, set, builtIn));
        }

        foreach (var path in paths) Read(path);
        if (builtInFolder is not null && !loaded.Any(l => l.BuiltIn) && loaded.Any(l => l.Dto.Extends.Count > 0)) Read(builtInFolder);

        var sets = loaded.Select(l => l.Set).ToList();
        foreach (var profile in loaded.Where(l => l.Dto.Extends.Count > 0))
        {
            ApplyProfile(profile.Dto, loaded, sets, diagnostics);
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

    private static IEnumerable<(RuleSetDto, RuleSet)> ReadPath(string path, List<Diagnostic> diagnostics, InputLimits? limits, Func<string, string> display)
    {
        IEnumerable<string> files;
        if (File.Exists(path))
        {
            files = [path];
        }
        else if (Directory.Exists(path))
        {
            files = Directory.GetFiles(path, "*.yaml").Concat(Directory.GetFiles(path, "*.yml")).Order(StringComparer.Ordinal).ToList();
            if (!files.Any()) diagnostics.Add(Diagnostic.Error("rules.none", path, null, null, ("path", path)));
        }
        else
        {
            diagnostics.Add(Diagnostic.Error("rules.folder-missing", path, null, null, ("path", path)));
            yield break;
        }

        foreach (var file in files)
        {
            if (YamlText.Decode(File.ReadAllBytes(file), display(file), out var notText) is not { } text)
            {
                diagnostics.Add(notText!);
                continue;
            }

            if (RuleSetReader.Read(text, display(file), diagnostics, limits) is { } dto
                && RuleSetBuilder.Build(dto, diagnostics) is { } set)
            {
                yield return (dto, set);
            }
        }
    }

    private static void ApplyProfile(RuleSetDto profile, List<(RuleSetDto Dto, RuleSet Set, bool BuiltIn)> loaded, List<RuleSet> sets, List<Diagnostic> diagnostics)
    {
        var targets = new List<(RuleSetDto Dto, RuleSet Set, bool BuiltIn)>();
        foreach (var id in profile.Extends)
        {
            var matching = loaded.Where(l => !ReferenceEquals(l.Dto, profile) && (id == BuiltIn ? l.BuiltIn : l.Set.Id == id)).ToList();
            if (matching.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error("rules.extends-unknown", profile.File, profile.Line, null,
                    ("ruleset", profile.Id), ("extends", id), ("known", string.Join(", ", loaded.Select(l => l.Set.Id).Prepend(BuiltIn)))));
            }

            targets.AddRange(matching);
        }

        foreach (var (ruleId, overrides) in profile.Overrides)
        {
            var target = targets.Select(t => (t, Dto: t.Dto.Rules.FirstOrDefault(r => r.Id == ruleId))).FirstOrDefault(x => x.Dto is not null);
            if (target.Dto is null)
            {
                diagnostics.Add(Diagnostic.Error("rules.override-unknown-rule", profile.File, profile.OverrideLines.GetValueOrDefault(ruleId, overrides.Line), null, ("ruleset", profile.Id), ("rule", ruleId)));
                continue;
            }

            var index = sets.FindIndex(s => s.Id == target.t.Set.Id && s.File == target.t.Set.File);
            var current = sets[index].Rules.FirstOrDefault(r => r.Id == ruleId);
            if (current is null) continue; // the base rule did not build; its own errors are reported
            if (ProfileMerger.Apply(target.Dto, current, overrides, diagnostics) is { } changed)
            {
                sets[index] = sets[index] with { Rules = sets[index].Rules.Select(r => r.Id == ruleId ? changed : r).ToList() };
            }
        }
    }
}
