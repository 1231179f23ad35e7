using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Checking;
using ElementFlow.IO.Packages;
using ElementFlow.Rules;
using ElementFlow.Rules.Model;

namespace ElementFlow.Cli.Testing;

/// <summary>The outcome of one rule test case.</summary>
public sealed record RuleTestResult(RuleTestCase Case, bool Passed, IReadOnlyList<LocalizedText> Problems, IReadOnlyList<Finding> Findings);

/// <summary>
/// Runs rule fixtures: only the rule named by the folder runs on its case; a case passes when every
/// expected finding is there and, for a silent case, nothing else. Also reports rules that lack a
/// must-fire or a must-not-fire case.
/// </summary>
public static class RuleTestRunner
{
    public static IReadOnlyList<RuleTestCase> Discover(string rulesFolder, List<Diagnostic> diagnostics, InputLimits? limits = null)
    {
        var tests = Path.Combine(rulesFolder, "tests");
        if (!Directory.Exists(tests)) return [];
        return Directory.GetDirectories(tests).Order(StringComparer.Ordinal)
            .SelectMany(ruleDir => Directory.GetDirectories(ruleDir).Order(StringComparer.Ordinal)
                .Select(caseDir => RuleTestCase.Read(Path.GetFileName(ruleDir), caseDir, diagnostics, limits)))
            .OfType<RuleTestCase>()
            .ToList();
    }

    /// <summary>Rules that lack a must-fire or a must-not-fire case.</summary>
    public static IEnumerable<(string Rule, string Missing)> Uncovered(IEnumerable<RuleSpec> rules, IReadOnlyList<RuleTestCase> cases)
    {
        foreach (var rule in rules)
        {
            var own = cases.Where(c => c.Rule == rule.Id).ToList();
            if (!own.Any(c => c.IsMustFire)) yield return (rule.Id, "must-fire");
            if (!own.Any(c => c.Silent)) yield return (rule.Id, "must-not-fire (silent)");
        }
    }

    public static RuleTestResult Run(RuleCatalog catalog, RuleTestCase testCase, InputLimits? limits = null)
    {
        var rule = catalog.Find(testCase.Rule);
        if (rule is null) return new RuleTestResult(testCase, false, [new($"规则集中没有规则 {testCase.Rule}", $"no rule {testCase.Rule} in the rule sets")], []);

        // The case folder is the plan under test; plan packages below it are its parent or children.
        var outcome = new CheckService().Check(new CheckRequest
        {
            Plans = [testCase.Folder],
            FindPlansBelow = false,
            Context = PlanDiscovery.Find(testCase.Folder, includeRoot: false),
            Rules = catalog,
            OnlyRules = [rule.Id],
            Settings = new CheckSettings { Limits = limits ?? InputLimits.Default, Sources = Commands.PackageSources.All },
        });
        var loaded = outcome.Loaded.Single();
        if (loaded.Plan is null)
        {
            return new RuleTestResult(testCase, false, loaded.Diagnostics.Select(d => new LocalizedText(d.Format(Language.Zh), d.Format(Language.En))).ToList(), []);
        }

        if (outcome.TreeDiagnostics.Count > 0)
        {
            return new RuleTestResult(testCase, false, outcome.TreeDiagnostics.Select(d => new LocalizedText(d.Format(Language.Zh), d.Format(Language.En))).ToList(), []);
        }

        var result = outcome.Results.Single();
        var findings = result.Findings.Where(f => f.Rule == rule.Id).ToList();
        var problems = new List<LocalizedText>();
        if (!rule.AppliesToPlan(loaded.Plan))
        {
            problems.Add(new($"规则不适用于{PlanKinds.Describe(loaded.Plan.Level, loaded.Plan.Type, Language.Zh)}",
                $"the rule does not apply to a {loaded.Plan.Level.ToString().ToLowerInvariant()} {loaded.Plan.Type.ToString().ToLowerInvariant()} plan"));
        }

        foreach (var skipped in result.Skipped) problems.Add(new($"规则未能运行：{skipped.ReasonIn(Language.Zh)}", $"the rule could not run: {skipped.Reason}"));
        foreach (var expected in testCase.Fires.Where(e => !findings.Any(e.Matches)))
        {
            problems.Add(new($"应有问题 {expected}（expect.yaml 第 {expected.Line} 行）；实际：{Describe(findings, Language.Zh)}",
                $"expected a finding {expected} (expect.yaml line {expected.Line}); found {Describe(findings, Language.En)}"));
        }

        if (testCase.Silent && findings.Count > 0) problems.Add(new($"应无问题；实际：{Describe(findings, Language.Zh)}", $"expected no finding; found {Describe(findings, Language.En)}"));
        if (!testCase.Silent && testCase.Fires.Count == 0) problems.Add(new("expect.yaml 既未列出应有的问题，也未声明 silent：它什么也没测", "expect.yaml names no finding and is not silent: it tests nothing"));
        return new RuleTestResult(testCase, problems.Count == 0, problems, findings);
    }

    private static string Describe(IReadOnlyList<Finding> findings, Language language) =>
        findings.Count == 0 ? (language == Language.Zh ? "无" : "none")
            : string.Join("; ", findings.Select(f => $"[{string.Join(", ", f.Subjects)}] {f.Measure?.Value:0.###} {f.Severity.Label(language)}"));
}
