using System.CommandLine;
using System.Diagnostics;
using ElementFlow.Cli.Testing;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Rules;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow rules test</c>: run every rule's fixtures and print a test-runner summary line.</summary>
internal static class RulesTestCommand
{
    public static Command Create(CliConsole console)
    {
        var folders = new Argument<string[]>("dir") { Description = "Rule folders with a tests/ subfolder (default: ./rules)", Arity = ArgumentArity.ZeroOrMore };
        var lang = CommonOptions.Lang();
        var format = new Option<string>("--format", "-f") { Description = "text | junit (JUnit XML for CI; the summary line goes to stderr)", DefaultValueFactory = _ => "text" }
            .AcceptOnlyFromAmong("text", "junit");
        var output = new Option<string?>("--out", "-o") { Description = "Write the results to this file instead of stdout" };
        var limits = CommonOptions.Limits(packages: true);
        var command = new Command("test", "Run the rule tests (rules/tests/RULE-ID/case/)") { folders, lang, format, output };
        limits.AddTo(command);
        command.SetAction(parse => Run(
            console,
            parse.GetValue(folders) ?? [],
            CommonOptions.ParseLanguage(parse.GetValue(lang)),
            parse.GetValue(format) == "junit",
            parse.GetValue(output),
            limits.Read(parse)));
        return command;
    }

    private static int Run(CliConsole console, string[] folders, Core.Text.Language language, bool junit, string? outFile, InputLimits limits)
    {
        if (folders.Length == 0) folders = [Directory.Exists("rules") ? "rules" : CommonOptions.BuiltInFolder];
        using var textFile = !junit && outFile is not null ? new StreamWriter(outFile) : null;
        var lines = textFile ?? console.Out;
        var outcomes = new List<JUnitCase>();
        foreach (var folder in folders)
        {
            var catalog = RuleCatalog.Load([folder], null, limits);
            var diagnostics = new List<Diagnostic>(catalog.Diagnostics);
            var cases = RuleTestRunner.Discover(folder, diagnostics, limits);
            foreach (var d in diagnostics) console.Error.WriteLine(d.Format(language));
            if (diagnostics.Any(d => d.Severity == Core.Findings.Severity.Error)) return ExitCodes.BadInput;

            var results = new RuleTestResult[cases.Count];
            var times = new TimeSpan[cases.Count];
            Parallel.For(0, cases.Count, i =>
            {
                var clock = Stopwatch.StartNew();
                results[i] = RuleTestRunner.Run(catalog, cases[i], limits);
                times[i] = clock.Elapsed;
            });
            for (var i = 0; i < results.Length; i++)
            {
                var r = results[i];
                outcomes.Add(JUnitCase.From(r, times[i]));
                if (junit) continue;
                lines.WriteLine($"{Outcome(r.Passed, language)} {r.Case.Rule}/{r.Case.Name}");
                foreach (var p in r.Problems) lines.WriteLine($"       {p[language]}");
            }

            foreach (var (rule, missing) in RuleTestRunner.Uncovered(catalog.Rules, cases))
            {
                var problem = $"no {missing} test case under {Path.Combine(folder, "tests", rule)}";
                outcomes.Add(new JUnitCase(rule, $"{missing} case", null, [problem], TimeSpan.Zero));
                if (!junit)
                {
                    lines.WriteLine(language == Core.Text.Language.Zh
                        ? $"{Outcome(false, language)} {rule}：{Path.Combine(folder, "tests", rule)} 下缺少 {missing} 用例"
                        : $"{Outcome(false, language)} {rule}: {problem}");
                }
            }
        }

        int passed = outcomes.Count(o => o.Passed), failed = outcomes.Count - passed;
        var summary = $"{passed} passed, {failed} failed";
        if (junit)
        {
            // stdout (or --out) carries the XML only; the runner's summary line goes to people on stderr.
            WriteJUnit(console, outcomes, outFile);
            console.Error.WriteLine(summary);
        }
        else
        {
            // CI runners read the English line alone; a Chinese reader gets the same counts in words first.
            if (language == Core.Text.Language.Zh) lines.WriteLine($"通过 {passed} 个，失败 {failed} 个");
            lines.WriteLine(summary);
        }

        return failed == 0 ? ExitCodes.Clean : ExitCodes.Findings;
    }

    private static string Outcome(bool passed, Core.Text.Language language) => language == Core.Text.Language.Zh
        ? (passed ? "通过" : "失败")
        : (passed ? "ok  " : "FAIL");

    private static void WriteJUnit(CliConsole console, IReadOnlyList<JUnitCase> outcomes, string? outFile)
    {
        if (outFile is not null)
        {
            using var file = File.Create(outFile);
            JUnitReport.Write(outcomes, file);
            return;
        }

        using var buffer = new MemoryStream();
        JUnitReport.Write(outcomes, buffer);
        console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        console.Out.Flush();
    }
}
