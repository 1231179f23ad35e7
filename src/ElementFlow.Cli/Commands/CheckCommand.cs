using System.CommandLine;
using System.Diagnostics;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Planning;
using ElementFlow.Engine;
using ElementFlow.IO.Packages;
using ElementFlow.Reports;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow check</c>: load plans, run the rules, write the report, exit by what was found.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var plans = new Argument<string[]>("plan-or-folder") { Description = "Plan packages (folders or .zip), or folders holding them", Arity = ArgumentArity.OneOrMore };
        var rules = CommonOptions.Rules();
        var format = new Option<string>("--format", "-f") { Description = string.Join(" | ", ReportWriters.All.Select(w => w.Format)), DefaultValueFactory = _ => "text" }
            .AcceptOnlyFromAmong(ReportWriters.All.Select(w => w.Format).ToArray());
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to this file instead of stdout" };
        var lang = CommonOptions.Lang();
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at or above: error | warning | info | never", DefaultValueFactory = _ => "error" }
            .AcceptOnlyFromAmong("error", "warning", "info", "never");
        var stats = new Option<bool>("--stats") { Description = "Print timings per phase and per rule, and peak memory, to stderr" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The date approvals are judged by (yyyy-MM-dd); default today" };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier JSON report: report only the findings that are new against it" };

        var limits = CommonOptions.Limits(packages: true);

        var command = new Command("check", "Check plan packages against the rules") { plans, rules, format, output, lang, failOn, stats, asOf, baseline };
        limits.AddTo(command);
        command.SetAction(parse => Run(console, new CheckSettings(
            parse.GetValue(plans) ?? [],
            parse.GetValue(rules),
            parse.GetValue(format)!,
            parse.GetValue(output),
            CommonOptions.ParseLanguage(parse.GetValue(lang)),
            parse.GetValue(failOn)!,
            parse.GetValue(stats),
            parse.GetValue(asOf) ?? DateOnly.FromDateTime(DateTime.Today),
            parse.GetValue(baseline),
            limits.Read(parse))));
        return command;
    }

    private static int Run(CliConsole console, CheckSettings settings)
    {
        var total = Stopwatch.StartNew();
        var phases = new List<(string, TimeSpan)>();
        CommonOptions.TryParseFailOn(settings.FailOn, out var threshold);
        IReadOnlyList<FindingKey>? previous = null;
        if (settings.Baseline is { } baselineFile && !TryReadBaseline(console, baselineFile, settings.Language, out previous)) return ExitCodes.BadInput;

        var clock = Stopwatch.StartNew();
        var catalog = CommonOptions.LoadRules(settings.Rules, settings.Limits);
        phases.Add(("load rules", clock.Elapsed));
        if (catalog.HasErrors)
        {
            foreach (var d in catalog.Diagnostics) console.Error.WriteLine(d.Format(settings.Language));
            return ExitCodes.BadInput;
        }

        clock.Restart();
        var packages = settings.Plans.SelectMany(PlanDiscovery.Find).Distinct().ToList();
        var loaded = new PlanLoadResult[packages.Count];
        Parallel.For(0, packages.Count, i => loaded[i] = PlanLoader.Load(packages[i], settings.Limits));
        phases.Add(("load plans", clock.Elapsed));

        clock.Restart();
        var (tree, treeDiagnostics) = PlanTreeBuilder.Build(loaded.Where(l => l.Plan is not null).Select(l => l.Plan!).ToList(), p => PlanLoader.Load(p, settings.Limits));
        phases.Add(("plan tree", clock.Elapsed));

        clock.Restart();
        var checker = new Checker(catalog.Rules, new CheckOptions(settings.AsOf));
        phases.Add(("compile rules", clock.Elapsed));

        clock.Restart();
        var results = checker.Check(tree);
        var plans = tree.Checked.ToList();
        phases.Add(("measure", TimeSpan.FromTicks(results.Sum(r => r.MeasureTime.Ticks))));
        phases.Add(("decide", TimeSpan.FromTicks(results.Sum(r => r.DecideTime.Ticks))));

        var findings = Report.Sort(results.SelectMany(r => r.Findings));
        BaselineSummary? compared = null;
        if (previous is not null) (findings, compared) = Baseline.Compare(findings, previous);
        var report = new Report
        {
            Plans = TreeOrder(tree).Select(p => new PlanEntry(p.Id, p.Level, p.Type, p.Path, p.Region.Code, tree.ParentOf(p)?.Id) { Crs = p.Crs.Text }).ToList(),
            RuleSets = catalog.RuleSets.Select(s => new RuleSetEntry(s.Id, s.Version)).ToList(),
            Findings = findings,
            Baseline = compared,
            Diagnostics = catalog.Diagnostics.Concat(loaded.SelectMany(l => l.Diagnostics)).Concat(treeDiagnostics).ToList(),
            Skipped = results.SelectMany(r => r.Skipped).ToList(),
            RulesRun = results.Sum(r => r.RulesRun),
            NotApplicable = results.Sum(r => r.NotApplicable),
            Equity = results.SelectMany(r => r.Equity).ToList(),
        };

        clock.Restart();
        var writer = ReportWriters.Find(settings.Format)!;
        var context = new ReportContext(settings.Language, ToolInfo.Version)
        {
            Rules = catalog.Rules.ToList(),
            // Two packages with one id make ids ambiguous; rather than fail the report, the first one's files win.
            LayerFiles = plans.GroupBy(p => p.Id).ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, string>)g.First().Layers.ToDictionary(kv => kv.Key, kv => kv.Value.Source)),
            Plans = plans,
            SourceRoot = Directory.GetCurrentDirectory(),
            AsOf = settings.AsOf,
            CheckedAt = DateTimeOffset.Now,
            RuleSetTitles = catalog.RuleSets.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Title),
        };

        // A spreadsheet or a PDF is a file, never text for a terminal: without --out it gets a name of its own.
        var outPath = settings.Out ?? (writer.Binary ? $"elementflow-report.{writer.Format}" : null);
        if (outPath is { } path)
        {
            if (!ReportFile.Write(console, writer, report, context, path, settings.Language)) return ExitCodes.BadInput;
        }
        else
        {
            using var buffer = new MemoryStream();
            writer.Write(report, context, buffer);
            console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            console.Out.Flush();
        }

        phases.Add(("report", clock.Elapsed));

        // People read diagnostics on stderr even when stdout carries JSON, or the report went to a file.
        if (settings.Format != "text" || settings.Out is not null)
        {
            foreach (var d in report.Diagnostics) console.Error.WriteLine(d.Format(settings.Language));
        }

        if (settings.Stats)
        {
            phases.Add(("total", total.Elapsed));
            StatsPrinter.Print(console.Error, phases, results, plans);
        }

        if (report.HasInputErrors || loaded.Any(l => l.Plan is null)) return ExitCodes.BadInput;
        if (report.Skipped.Count > 0) return ExitCodes.BadInput;
        return report.FailsAt(threshold) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>Checked plans parents first, each followed by its children, so the report reads as the tree.</summary>
    private static IEnumerable<Plan> TreeOrder(PlanTree tree)
    {
        var done = new HashSet<Plan>(ReferenceEqualityComparer.Instance);
        IEnumerable<Plan> Visit(Plan plan)
        {
            if (!done.Add(plan)) yield break;
            if (tree.IsChecked(plan)) yield return plan;
            foreach (var child in tree.ChildrenOf(plan).OrderBy(c => c.Level).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                foreach (var p in Visit(child)) yield return p;
            }
        }

        var roots = tree.All.Where(p => tree.ParentOf(p) is null).OrderBy(p => p.Level).ThenBy(p => p.Id, StringComparer.Ordinal);
        return roots.SelectMany(Visit).Concat(tree.Checked.Where(p => !done.Contains(p))).ToList();
    }

    /// <summary>Reads the finding keys of an earlier JSON report; a file that is not one is bad input.</summary>
    private static bool TryReadBaseline(CliConsole console, string file, Core.Text.Language language, out IReadOnlyList<FindingKey>? keys)
    {
        keys = null;
        var zh = language == Core.Text.Language.Zh;
        if (!File.Exists(file))
        {
            console.Error.WriteLine(zh ? $"elementflow: 找不到基线文件 {file}" : $"elementflow: the baseline file {file} does not exist");
            return false;
        }

        using var stream = File.OpenRead(file);
        var read = BaselineReader.Read(stream);
        if (read.Error is { } error)
        {
            console.Error.WriteLine(zh ? $"elementflow: 基线文件 {file} 无法使用：{error[language]}" : $"elementflow: the baseline file {file} cannot be used: {error[language]}");
            return false;
        }

        keys = read.Keys;
        return true;
    }

    private sealed record CheckSettings(string[] Plans, string[]? Rules, string Format, string? Out, Core.Text.Language Language, string FailOn, bool Stats, DateOnly AsOf, string? Baseline, InputLimits Limits);
}

/// <summary>Writes a report to a file and says where it went; a writer that cannot write leaves no half file behind.</summary>
internal static class ReportFile
{
    public static bool Write(CliConsole console, IReportWriter writer, Report report, ReportContext context, string path, Core.Text.Language language)
    {
        var zh = language == Core.Text.Language.Zh;
        try
        {
            using (var file = File.Create(path))
            {
                writer.Write(report, context, file);
            }
        }
        catch (ReportWriterException e)
        {
            File.Delete(path);
            console.Error.WriteLine($"elementflow: {e.Text[language]}");
            return false;
        }

        var full = Path.GetFullPath(path);
        console.Error.WriteLine(zh ? $"报告已写入 {full}" : $"Report written to {full}");
        return true;
    }
}

/// <summary>The tool's name and version, as reports state them.</summary>
internal static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}

/// <summary>Prints <c>--stats</c>: time per phase, per rule, features per plan and peak memory.</summary>
internal static class StatsPrinter
{
    public static void Print(TextWriter w, IReadOnlyList<(string Phase, TimeSpan Time)> phases, IReadOnlyList<PlanResult> results, IReadOnlyList<Plan> plans)
    {
        w.WriteLine("stats: phase times");
        foreach (var (phase, time) in phases) w.WriteLine($"  {phase,-14} {time.TotalMilliseconds,10:F1} ms");
        w.WriteLine($"stats: {plans.Count} plans, {plans.Sum(p => p.Layers.Values.Sum(l => l.Features.Count))} features");
        w.WriteLine("stats: measurement time per rule (shared measurements count for each rule that uses them)");
        foreach (var (rule, time) in results.SelectMany(r => r.RuleTimes)
                     .GroupBy(kv => kv.Key).Select(g => (g.Key, Time: g.Aggregate(TimeSpan.Zero, (t, kv) => t + kv.Value)))
                     .OrderByDescending(x => x.Time).ThenBy(x => x.Key, StringComparer.Ordinal))
        {
            w.WriteLine($"  {rule,-14} {time.TotalMilliseconds,10:F1} ms");
        }

        using var process = Process.GetCurrentProcess();
        w.WriteLine($"stats: peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MiB");
    }
}
