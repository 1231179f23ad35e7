using System.CommandLine;
using System.Diagnostics;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Planning;
using ElementFlow.Checking;
using ElementFlow.Engine;
using ElementFlow.Reports;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow check</c>: load plans, run the rules, write the report, exit by what was found.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var plans = new Argument<string[]>("plan-or-folder") { Description = T("规划包（文件夹或 .zip），或包含规划包的文件夹", "Plan packages (folders or .zip), or folders holding them"), Arity = ArgumentArity.OneOrMore };
        var rules = CommonOptions.Rules();
        var format = new Option<string>("--format", "-f") { Description = T("报告格式：", "Report format: ") + string.Join(" | ", ReportWriters.All.Select(w => w.Format)), DefaultValueFactory = _ => "text" }
            .AcceptOnlyFromAmong(ReportWriters.All.Select(w => w.Format).ToArray());
        var output = new Option<string?>("--out", "-o") { Description = T("把报告写入此文件，而不是标准输出", "Write the report to this file instead of stdout") };
        var lang = CommonOptions.Lang();
        var failOn = new Option<string>("--fail-on") { Description = T("存在该级别及以上的问题时退出码为 1：error | warning | info | never", "Exit 1 when a finding is at or above: error | warning | info | never"), DefaultValueFactory = _ => "error" }
            .AcceptOnlyFromAmong("error", "warning", "info", "never");
        var stats = new Option<bool>("--stats") { Description = T("在标准错误输出各阶段、各规则的耗时和内存峰值", "Print timings per phase and per rule, and peak memory, to stderr") };
        var asOf = new Option<DateOnly?>("--as-of") { Description = T("判断批准文件是否有效的日期（yyyy-MM-dd），默认今天", "The date approvals are judged by (yyyy-MM-dd); default today") };
        var baseline = new Option<string?>("--baseline") { Description = T("以前的 JSON 报告：只报告相对它新增的问题", "An earlier JSON report: report only the findings that are new against it") };
        var quiet = new Option<bool>("--quiet", "-q") { Description = T("不在标准错误显示实时进度（标准错误被重定向或 CI=true 时本来就不显示）", "No live progress display on stderr (there is none when stderr is redirected or CI=true)") };

        var limits = CommonOptions.Limits(packages: true);
        var postgis = new PostGisOptions();

        var command = new Command("check", T("按规则检查规划包", "Check plan packages against the rules")) { plans, rules, format, output, lang, failOn, stats, asOf, baseline, quiet };
        limits.AddTo(command);
        postgis.AddTo(command);
        command.SetAction(parse => Run(console, new CheckArguments(
            parse.GetValue(plans) ?? [],
            parse.GetValue(rules),
            parse.GetValue(format)!,
            parse.GetValue(output),
            CommonOptions.ParseLanguage(parse.GetValue(lang)),
            parse.GetValue(failOn)!,
            parse.GetValue(stats),
            parse.GetValue(asOf) ?? DateOnly.FromDateTime(DateTime.Today),
            parse.GetValue(baseline),
            limits.Read(parse),
            parse.GetValue(quiet),
            postgis.Read(parse))));
        return command;
    }

    private static int Run(CliConsole console, CheckArguments settings)
    {
        var total = Stopwatch.StartNew();
        CommonOptions.TryParseFailOn(settings.FailOn, out var threshold);
        IReadOnlyList<FindingKey>? previous = null;
        if (settings.Baseline is { } baselineFile && !TryReadBaseline(console, baselineFile, settings.Language, out previous)) return ExitCodes.BadInput;

        var clock = Stopwatch.StartNew();
        var catalog = CommonOptions.LoadRules(settings.Rules, settings.Limits);
        var loadRules = clock.Elapsed;
        if (catalog.HasErrors)
        {
            foreach (var d in catalog.Diagnostics) console.Error.WriteLine(d.Format(settings.Language));
            return ExitCodes.BadInput;
        }

        // The PostGIS store of postgis: layers and --publish; without --db, the libpq environment.
        using var store = PostGisStep.Open(console, settings.Store, settings.Language);
        if (store is null) return ExitCodes.BadInput;

        var sourceRoot = Directory.GetCurrentDirectory();
        var service = new CheckService();
        var request = new CheckRequest
        {
            Plans = settings.Plans,
            Rules = catalog,
            Settings = new Checking.CheckSettings
            {
                Language = settings.Language,
                AsOf = settings.AsOf,
                Limits = settings.Limits,
                Baseline = previous,
                SourceRoot = sourceRoot,
                Sources = PostGisStep.Sources(store),
            },
        };
        var outcome = console.Live is { } live && !settings.Quiet
            ? live.Run(service, () => service.Check(request))
            : service.Check(request);
        var report = outcome.Report;
        var phases = outcome.Phases.Prepend(("load rules", loadRules)).ToList();

        // Nothing could be checked (a path that does not exist, no plan.yaml): the input errors are the whole answer,
        // not a report that says "no problems found" above them.
        if (report.Plans.Count == 0 && report.HasInputErrors && settings.Format == "text")
        {
            var problems = string.Concat(report.Diagnostics.Select(d => d.Format(settings.Language) + Environment.NewLine));
            if (settings.Out is { } problemsFile)
            {
                File.WriteAllText(problemsFile, problems);
                console.Error.Write(problems);
            }
            else
            {
                console.Out.Write(problems);
            }

            return ExitCodes.BadInput;
        }

        clock.Restart();
        if (!Write(console, settings, report, outcome.ReportContext(settings.Language, ToolInfo.Version, sourceRoot))) return ExitCodes.BadInput;
        phases.Add(("report", clock.Elapsed));

        // People read diagnostics on stderr even when stdout carries JSON, or the report went to a file.
        if (settings.Format != "text" || settings.Out is not null)
        {
            foreach (var d in report.Diagnostics) console.Error.WriteLine(d.Format(settings.Language));
        }

        var published = true;
        if (settings.Store.Publish is { } table)
        {
            clock.Restart();
            published = PostGisStep.Publish(console, store, table, settings.Store.RunId, outcome, settings.Language);
            phases.Add(("publish", clock.Elapsed));
        }

        if (settings.Stats)
        {
            phases.Add(("total", total.Elapsed));
            StatsPrinter.Print(console.Error, phases, outcome.Results, outcome.Plans);
        }

        if (report.HasInputErrors || outcome.AnyPackageRefused || !published) return ExitCodes.BadInput;
        if (report.Skipped.Count > 0) return ExitCodes.BadInput;
        return report.FailsAt(threshold) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>Writes the report in the chosen format to --out (a binary format without --out to a file of its own), or whole to stdout; false when the file cannot be written.</summary>
    private static bool Write(CliConsole console, CheckArguments settings, Report report, ReportContext context)
    {
        var writer = ReportWriters.Find(settings.Format)!;

        // A spreadsheet or a PDF is a file, never text for a terminal: without --out it gets a name of its own.
        var outPath = settings.Out ?? (writer.Binary ? $"elementflow-report.{writer.Format}" : null);
        if (outPath is { } path) return ReportFile.Write(console, writer, report, context, path, settings.Language);

        using var buffer = new MemoryStream();
        writer.Write(report, context, buffer);
        console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        console.Out.Flush();
        return true;
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

    private sealed record CheckArguments(string[] Plans, string[]? Rules, string Format, string? Out, Core.Text.Language Language, string FailOn, bool Stats, DateOnly AsOf, string? Baseline, InputLimits Limits, bool Quiet,
        StoreArguments Store);
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
        // Pauses tell how much of a large plan's time is the collector's, not the checks'.
        w.WriteLine($"stats: garbage collection {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused, " +
                    $"collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}");
    }
}
