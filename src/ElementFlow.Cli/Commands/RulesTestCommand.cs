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
        var folders = new Argument<string[]>("dir") { Description = HelpText.T("含 tests/ 子文件夹的规则文件夹（默认：./rules，否则为内置规则）", "Rule folders with a tests/ subfolder (default: ./rules, else the built-in rules)"), Arity = ArgumentArity.ZeroOrMore };
        var lang = CommonOptions.Lang();
        var format = new Option<string>("--format", "-f") { Description = HelpText.T("text | junit（供 CI 使用的 JUnit XML；汇总行写到标准错误）", "text | junit (JUnit XML for CI; the summary line goes to stderr)"), DefaultValueFactory = _ => "text" }
            .AcceptOnlyFromAmong("text", "junit");
        var output = new Option<string?>("--out", "-o") { Description = HelpText.T("把结果写入此文件，而不是标准输出", "Write the results to this file instead of stdout") };
        var limits = CommonOptions.Limits(packages: true);
        var command = new Command("test", HelpText.T("运行规则测试用例（rules/tests/规则编号/用例/）", "Run the rule tests (rules/tests/RULE-ID/case/)")) { folders, lang, format, output };
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
        if (folders.Length == 0)
        {
            var folder = Directory.Exists("rules") ? "rules" : CommonOptions.BuiltInFolder;
            if (!Directory.Exists(Path.Combine(folder, "tests")))
            {
                // Not "0 passed, 96 failed": without a rules folder of tests here, there is nothing to run.
                console.Error.WriteLine(language == Core.Text.Language.Zh
                    ? $"elementflow: {folder} 下没有 tests/ 文件夹，没有可运行的规则测试。请指定规则文件夹，例如 elementflow rules test path/to/rules（其中 tests/规则编号/用例/ 为测试用例）。"
                    : $"elementflow: there is no tests/ folder under {folder}, so there are no rule tests to run. Name a rule folder, e.g. elementflow rules test path/to/rules (with its cases under tests/RULE-ID/case/).");
                return ExitCodes.BadInput;
            }

            folders = [folder];
        }
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
