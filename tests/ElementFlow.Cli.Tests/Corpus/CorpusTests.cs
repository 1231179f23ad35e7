using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>Every case of the bad-input corpus, in theme order.</summary>
public static class CorpusCases
{
    private static readonly Lazy<IReadOnlyList<CorpusCase>> Cases = new(() =>
        PlanYamlCases.All()
            .Concat(GeoJsonCases.All())
            .Concat(GeometryCases.All())
            .Concat(EncodingCases.All())
            .Concat(TreeCases.All())
            .Concat(ZipCases.All())
            .Concat(YamlBombCases.All())
            .Concat(RuleSetCases.All())
            .Concat(LimitCases.All())
            .Concat(NothingLostCases.All())
            .Concat(MessyCases.All())
            .Concat(FuzzFindingCases.All())
            .ToList());

    private static readonly Lazy<Dictionary<string, int>> Index = new(() =>
        Cases.Value.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal));

    private static readonly Lazy<bool> Limits = new(DetectLimits);

    public static IReadOnlyList<CorpusCase> All => Cases.Value;

    public static int IndexOf(string name) => Index.Value[name];

    public static CorpusCase Get(string name) => All[IndexOf(name)];

    /// <summary>True when the built CLI has the input limits of issue 8 (its check --help lists --max-package-size).</summary>
    public static bool LimitsAvailable => Limits.Value;

    /// <summary>Why a case does not run now, or null when it runs.</summary>
    public static string? SkipReason(CorpusCase c) =>
        c.KnownBug is { } bug ? $"known bug, not yet fixed: {bug}"
        : c.RequiresLimits && !LimitsAvailable ? "needs the input limits of issue 8 (--max-*, limit.exceeded), not in this build yet"
        : null;

    public static IEnumerable<object[]> Names() => All.Select(c => new object[] { c.Name });

    private static bool DetectLimits()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "elementflow.dll"));
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("--help");
        using var process = Process.Start(start)!;
        var help = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return help.Contains("--max-package-size", StringComparison.Ordinal);
    }
}

/// <summary>
/// The bad-input corpus (issue 8): every case through the real CLI as a child process. Each must end
/// with its declared exit code (never a crash, never a timeout), name the file and the problem, print
/// no stack trace, and write nothing outside --out. See tests/corpus/README.md.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly Regex StackTrace = new(@"(?m)^\s*at [\w.`<>\[\],|]+\(|Unhandled exception|--- End of (inner exception )?stack trace", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [SkippableTheory]
    [MemberData(nameof(CorpusCases.Names), MemberType = typeof(CorpusCases))]
    public async Task Case(string name)
    {
        var c = CorpusCases.Get(name);
        Skip.If(CorpusCases.SkipReason(c) is not null, CorpusCases.SkipReason(c));
        var r = await CorpusScheduler.Result(name);
        output.WriteLine($"exit {r.Exit} after {r.Elapsed.TotalSeconds:F2} s");
        var problems = Judge(c, r);
        Assert.True(problems.Count == 0, Describe(c, r, problems));
    }

    [Fact]
    public void Corpus_HasAtLeast200Cases_WithUniqueNamesAndHonestExpectations()
    {
        var all = CorpusCases.All;
        Assert.True(all.Count >= 200, $"{all.Count} cases");
        Assert.Empty(all.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key));
        foreach (var c in all)
        {
            Assert.True(c.Exit is 1 or 2 || (c.Exit == 0 && c.Tolerated), $"{c.Name}: exit {c.Exit} must be 1 or 2, or 0 for a tolerated case");
            Assert.True(c.Console.Count + c.Report.Count > 0, $"{c.Name}: declares no message to expect");
            if (c.Exit == 2) Assert.True(c.Console.Count > 0, $"{c.Name}: a bad-input case must expect a message on the console");
        }
    }

    [Fact]
    public void Judge_FlagsCrashesStackTracesMissingMessagesAndStrayFiles()
    {
        var c = new CorpusCase("self-test/judge") { Build = _ => { }, Exit = 2, Console = [Expect.Error("pkg/plan.yaml", @"yaml\.syntax")] };
        var crashed = new CaseResult(134, false, TimeSpan.FromSeconds(1), "",
            "Unhandled exception. System.ArgumentException: boom\n   at ElementFlow.IO.Packages.PlanLoader.Load(String path)\n", null,
            ["new: ../evil.geojson"], ["/tmp/evil.geojson"]);
        var fine = new CaseResult(2, false, TimeSpan.FromSeconds(1), "", "pkg/plan.yaml:3: error yaml.syntax: YAML syntax error\n", null, [], []);

        var problems = Judge(c, crashed);

        Assert.Contains("exit 134, expected 2", problems);
        Assert.Contains(problems, p => p.StartsWith("stack trace on the console", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("console does not match", StringComparison.Ordinal));
        Assert.Contains("written outside --out: new: ../evil.geojson", problems);
        Assert.Contains("zip-slip: /tmp/evil.geojson exists", problems);
        Assert.Empty(Judge(c, fine));
        Assert.Equal([$"killed after {CaseRunner.TimeLimit.TotalSeconds} s"], Judge(c, fine with { TimedOut = true }));
    }

    [Fact]
    public void Corpus_Summary()
    {
        foreach (var theme in CorpusCases.All.GroupBy(c => c.Theme))
        {
            output.WriteLine($"{theme.Key,-14} {theme.Count(),4}  built-in rules {theme.Count(c => c.Command == CaseCommand.Check && c.Rules == CaseRules.BuiltIn),3}"
                + $"  minimal {theme.Count(c => c.Command == CaseCommand.Check && c.Rules == CaseRules.Minimal),3}  own/lint {theme.Count(c => c.Command == CaseCommand.RulesLint || c.Rules == CaseRules.Own),3}"
                + $"  limits {theme.Count(c => c.RequiresLimits),3}  known bugs {theme.Count(c => c.KnownBug is not null),2}");
        }

        output.WriteLine($"total {CorpusCases.All.Count}");
    }

    public static List<string> Judge(CorpusCase c, CaseResult r)
    {
        var problems = new List<string>();
        if (r.TimedOut)
        {
            problems.Add($"killed after {CaseRunner.TimeLimit.TotalSeconds} s");
            return problems;
        }

        if (r.Exit != c.Exit) problems.Add($"exit {r.Exit}, expected {c.Exit}");
        if (StackTrace.Match(r.Console) is { Success: true } st) problems.Add($"stack trace on the console: '{st.Value}'");
        if (r.ReportText is { } report && StackTrace.Match(report) is { Success: true } rt) problems.Add($"stack trace in the report: '{rt.Value}'");
        foreach (var pattern in c.Console)
        {
            if (!Regex.IsMatch(r.Console, pattern)) problems.Add($"console does not match /{pattern}/");
        }

        foreach (var pattern in c.Report)
        {
            if (r.ReportText is null) problems.Add($"no report written, expected /{pattern}/");
            else if (!Regex.IsMatch(r.ReportText, pattern)) problems.Add($"report does not match /{pattern}/");
        }

        if (c.Json is { } json)
        {
            if (r.ReportText is null) problems.Add("no JSON report written");
            else
            {
                try
                {
                    using var doc = JsonDocument.Parse(r.ReportText);
                    json(doc.RootElement);
                }
                catch (Exception e) when (e is JsonException or Xunit.Sdk.XunitException)
                {
                    problems.Add($"JSON report: {e.Message}");
                }
            }
        }

        problems.AddRange(r.Changes.Select(change => $"written outside --out: {change}"));
        problems.AddRange(r.Escaped.Select(path => $"zip-slip: {path} exists"));
        return problems;
    }

    private static string Describe(CorpusCase c, CaseResult r, List<string> problems) =>
        $"""
        case {c.Name}: {string.Join("; ", problems)}
        command: elementflow {string.Join(' ', CaseRunner.Arguments(c, "<root>"))}  ({r.Elapsed.TotalSeconds:F1} s)
        --- stdout ---
        {Clip(r.Stdout)}
        --- stderr ---
        {Clip(r.Stderr)}
        --- report ---
        {Clip(r.ReportText ?? "(none)")}
        """;

    private static string Clip(string text) => text.Length <= 3000 ? text : text[..3000] + $"... ({text.Length} chars)";
}
