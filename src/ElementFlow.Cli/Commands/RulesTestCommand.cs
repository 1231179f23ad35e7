using System.CommandLine;
using ElementFlow.Cli.Testing;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Rules;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow rules test</c>: run every rule's fixtures and print a test-runner summary line.</summary>
internal static class RulesTestCommand
{
    public static Command Create(CliConsole console)
    {
        var folders = new Argument<string[]>("dir") { Description = "Rule folders with a tests/ subfolder (default: ./rules)", Arity = ArgumentArity.ZeroOrMore };
        var lang = CommonOptions.Lang();
        var command = new Command("test", "Run the rule tests (rules/tests/RULE-ID/case/)") { folders, lang };
        command.SetAction(parse => Run(console, parse.GetValue(folders) ?? [], CommonOptions.ParseLanguage(parse.GetValue(lang))));
        return command;
    }

    private static int Run(CliConsole console, string[] folders, Core.Text.Language language)
    {
        if (folders.Length == 0) folders = [Directory.Exists("rules") ? "rules" : CommonOptions.BuiltInFolder];
        int passed = 0, failed = 0;
        foreach (var folder in folders)
        {
            var catalog = RuleCatalog.Load([folder]);
            var diagnostics = new List<Diagnostic>(catalog.Diagnostics);
            var cases = RuleTestRunner.Discover(folder, diagnostics);
            foreach (var d in diagnostics) console.Error.WriteLine(d.Format(language));
            if (diagnostics.Any(d => d.Severity == Core.Findings.Severity.Error)) return ExitCodes.BadInput;

            var results = new RuleTestResult[cases.Count];
            Parallel.For(0, cases.Count, i => results[i] = RuleTestRunner.Run(catalog, cases[i]));
            foreach (var r in results)
            {
                console.Out.WriteLine($"{(r.Passed ? "ok  " : "FAIL")} {r.Case.Rule}/{r.Case.Name}");
                foreach (var p in r.Problems) console.Out.WriteLine($"       {p}");
                if (r.Passed) passed++;
                else failed++;
            }

            foreach (var (rule, missing) in RuleTestRunner.Uncovered(catalog.Rules, cases))
            {
                console.Out.WriteLine($"FAIL {rule}: no {missing} test case under {Path.Combine(folder, "tests", rule)}");
                failed++;
            }
        }

        console.Out.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? ExitCodes.Clean : ExitCodes.Findings;
    }
}
