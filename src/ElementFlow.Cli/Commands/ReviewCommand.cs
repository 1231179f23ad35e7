using System.CommandLine;
using ElementFlow.Checking;
using ElementFlow.Review;
using ElementFlow.Review.Cluster.Client;
using ElementFlow.Review.Cluster.Hosting;
using ElementFlow.Review.Cluster.Messages;
using ElementFlow.Review.Ledger;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow review</c>: a national review (DESIGN §9) in this process, through the Review library; resumes from its ledger.</summary>
internal static class ReviewCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("folder-or-manifest") { Description = T("包含规划包的文件夹，或逐行列出规划包的清单文件", "Folders holding plan packages, or manifest files listing them one a line"), Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = T("输出文件夹（report.json、plans/、review.json；默认台账也在此）；不存在时创建", "Output folder (report.json, plans/, review.json; the default ledger too); created when missing"), Required = true };
        var ledger = new Option<string?>("--ledger") { Description = T("台账：文件夹（默认 --out 下的 ledger/），或 postgres://用户@主机:端口/库（表 elementflow_review_tasks，按 --out 的完整路径区分审查）", "The ledger: a folder (default: ledger/ in --out), or postgres://user@host:port/db (table elementflow_review_tasks, reviews told apart by the full path of --out)") };
        var rules = CommonOptions.Rules();
        var lang = CommonOptions.Lang();
        var failOn = new Option<string>("--fail-on") { Description = T("存在该级别及以上的问题时退出码为 1：error | warning | info | never", "Exit 1 when a finding is at or above: error | warning | info | never"), DefaultValueFactory = _ => "error" }
            .AcceptOnlyFromAmong("error", "warning", "info", "never");
        var asOf = new Option<DateOnly?>("--as-of") { Description = T("判断批准文件是否有效的日期（yyyy-MM-dd），默认今天", "The date approvals are judged by (yyyy-MM-dd); default today") };
        var workers = new Option<int?>("--workers") { Description = T("本进程同时运行的任务数，默认为处理器核数", "Tasks run at the same time in this process; default the number of cores") };
        var attempts = new Option<int>("--attempts") { Description = T("任务尝试几次仍失败即记为 ENGINE-FAILED 问题", "Attempts before a task that keeps failing becomes an ENGINE-FAILED finding"), DefaultValueFactory = _ => 3 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = T("不在标准错误逐个报告完成的任务", "No line per finished task on stderr") };
        var limits = CommonOptions.Limits(packages: true);
        var cluster = new Option<string?>("--cluster") { Description = T("在 Orleans 集群上运行：成员表所在的 postgres://用户@主机:端口/库（先用 elementflow silo 启动节点）", "Run on an Orleans cluster: postgres://user@host:port/db of its membership tables (start silos with elementflow silo)") };
        var wait = new Option<int>("--wait") { Description = T("--cluster：等待节点加入的秒数，超时退出码 2", "With --cluster: seconds to wait for a silo to join before exit 2"), DefaultValueFactory = _ => 120 };
        var lease = new Option<int>("--lease") { Description = T("--cluster：节点持有任务而不续期的秒数，超过即另派", "With --cluster: seconds a silo holds a task without renewing before it is dispatched again"), DefaultValueFactory = _ => 30 };

        var command = new Command("review", T("全国审查：成千上万个规划包逐个检查，再检查上下级之间的规则；可中断后续跑", "National review: check thousands of plan packages one task each, then the rules between parents and children; resumes after an interruption"))
            { inputs, output, ledger, rules, lang, failOn, asOf, workers, attempts, quiet, cluster, wait, lease };
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            var language = CommonOptions.ParseLanguage(parse.GetValue(lang));
            CommonOptions.TryParseFailOn(parse.GetValue(failOn), out var threshold);
            var limitValues = limits.Read(parse);
            var catalog = CommonOptions.LoadRules(parse.GetValue(rules), limitValues);
            if (catalog.HasErrors)
            {
                foreach (var d in catalog.Diagnostics) console.Error.WriteLine(d.Format(language));
                return ExitCodes.BadInput;
            }

            var outFolder = parse.GetValue(output)!;
            var ledgerText = parse.GetValue(ledger);
            if (parse.GetValue(workers) is < 1 || parse.GetValue(attempts) < 1)
            {
                console.Error.WriteLine(T("elementflow: --workers 和 --attempts 至少为 1", "elementflow: --workers and --attempts must be at least 1"));
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(wait) < 0 || parse.GetValue(lease) < 3)
            {
                console.Error.WriteLine(T("elementflow: --wait 不能为负，--lease 至少 3 秒", "elementflow: --wait must not be negative and --lease must be at least 3 seconds"));
                return ExitCodes.BadInput;
            }

            var settings = ClusterWork.Settings(parse.GetValue(rules), language == Core.Text.Language.En ? "en" : "zh", parse.GetValue(asOf) ?? DateOnly.FromDateTime(DateTime.Today), limitValues);
            var request = new ReviewRequest
            {
                Inputs = parse.GetValue(inputs) ?? [],
                Out = outFolder,
                Ledger = OpenLedger(console, ledgerText, outFolder, out var ledgerConnection, out var ledgerError),
                MaxAttempts = parse.GetValue(attempts),
                Workers = parse.GetValue(workers) ?? Environment.ProcessorCount,
                ToolVersion = ToolInfo.Version,
                Check = ClusterWork.Request(settings, catalog, limitValues),
            };
            if (ledgerError) return ExitCodes.BadInput;
            using var owned = request.Ledger as IDisposable;
            if (parse.GetValue(cluster) is not { } clusterText) return Run(console, request, threshold, parse.GetValue(quiet));
            return RunOnCluster(console, request, ledgerConnection, settings, clusterText, TimeSpan.FromSeconds(parse.GetValue(wait)), TimeSpan.FromSeconds(parse.GetValue(lease)), threshold, parse.GetValue(quiet));
        });
        return command;
    }

    /// <summary><c>review --cluster</c>: the same review, its tasks dispatched to the silos; the ledger must be one the silos reach.</summary>
    private static int RunOnCluster(CliConsole console, ReviewRequest request, string? ledgerConnection, WorkSettings settings, string clusterText, TimeSpan wait, TimeSpan lease, Core.Findings.Severity? threshold, bool quiet)
    {
        if (ServerOptionsParsing.PostgresDatabase(console, "--cluster", clusterText) is not { } database) return ExitCodes.BadInput;
        var ledger = request.Ledger ?? new FolderLedger(Path.Combine(request.Out, "ledger"));
        ReviewClusterClient? connection;
        try
        {
            console.Error.WriteLine(T($"连接集群 {database.Shown}（最多等待 {wait.TotalSeconds:F0} 秒）……", $"connecting to the cluster {database.Shown} (waiting up to {wait.TotalSeconds:F0} s)…"));
            connection = ReviewClusterClient.Connect(database.Settings.ConnectionString, wait, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            console.Error.WriteLine(T($"elementflow: 无法连接集群数据库 {database.Shown}：{e.Message}", $"elementflow: cannot reach the cluster database {database.Shown}: {e.Message}"));
            return ExitCodes.BadInput;
        }

        if (connection is null)
        {
            console.Error.WriteLine(T(
                $"elementflow: {wait.TotalSeconds:F0} 秒内没有节点加入集群 {database.Shown}；请先运行 elementflow silo --cluster {clusterText}",
                $"elementflow: no silo joined the cluster {database.Shown} within {wait.TotalSeconds:F0} s; start one with elementflow silo --cluster {clusterText}"));
            return ExitCodes.BadInput;
        }

        try
        {
            var spec = LedgerSpec.Of(ledger, ledgerConnection, Path.GetFullPath(request.Out));
            var dispatcher = new ClusterDispatcher(connection.Client, spec, settings, new ClusterDispatchOptions { Lease = lease, Wait = wait });
            dispatcher.Redispatched += (_, why) => console.Error.WriteLine(T($"另派：{why}", $"dispatched again: {why}"));
            return Run(console, request with { Ledger = ledger, Dispatcher = dispatcher }, threshold, quiet);
        }
        catch (ClusterRefusedException e)
        {
            console.Error.WriteLine(T($"elementflow: 集群无法完成本次审查：{e.Message}", $"elementflow: the cluster cannot take the review: {e.Message}"));
            return ExitCodes.BadInput;
        }
        finally
        {
            connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The ledger --ledger names: null for the default folder in --out; a PostgreSQL one it can reach; an error otherwise.</summary>
    private static IReviewLedger? OpenLedger(CliConsole console, string? text, string outFolder, out string? connection, out bool failed)
    {
        failed = false;
        connection = null;
        if (text is null) return null;
        if (!text.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && !text.Contains("Host=", StringComparison.OrdinalIgnoreCase)) return new FolderLedger(text);
        if (ServerOptionsParsing.PostgresDatabase(console, "--ledger", text) is not { } database)
        {
            failed = true;
            return null;
        }

        try
        {
            connection = database.Settings.ConnectionString;
            return new PostgresLedger(connection, Path.GetFullPath(outFolder));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            console.Error.WriteLine(T($"elementflow: 无法打开 PostgreSQL 台账 {database.Shown}：{e.Message}", $"elementflow: cannot open the PostgreSQL ledger {database.Shown}: {e.Message}"));
            failed = true;
            return null;
        }
    }

    private static int Run(CliConsole console, ReviewRequest request, Core.Findings.Severity? threshold, bool quiet)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C stops between tasks and keeps the ledger; a second one ends the process.
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var runner = new ReviewRunner();
        runner.Indexed += (_, index) => console.Error.WriteLine(T(
            $"审查：{index.PlanTasks.Count} 个规划任务，{index.CrossTasks.Count} 个跨规划任务",
            $"review: {index.PlanTasks.Count} plan tasks, {index.CrossTasks.Count} cross-plan tasks"));
        runner.Progress += (_, p) =>
        {
            if (quiet && p.Task.Status == TaskOutcome.Done) return;
            var state = p.Resumed ? T("台账中已完成", "done in the ledger") : p.Task.Status == TaskOutcome.Done ? T("完成", "done") : T("失败", "FAILED");
            console.Error.WriteLine($"[{p.Done}/{p.Total}] {p.Task.TaskId} {state} {p.Task.Seconds:F1} s{(p.Task.Attempts > 1 ? $" ({p.Task.Attempts} attempts)" : "")}");
        };
        try
        {
            var result = runner.Run(request, cancel.Token);
            var failed = result.Records.Count(r => r.Status == TaskOutcome.Failed);
            var full = Path.GetFullPath(request.Out);
            console.Error.WriteLine(T(
                $"审查完成：{result.Records.Count} 个任务（{failed} 个失败），用时 {result.Elapsed.TotalSeconds:F1} 秒；报告 {Path.Combine(full, "report.json")}",
                $"review done: {result.Records.Count} tasks ({failed} failed) in {result.Elapsed.TotalSeconds:F1} s; report {Path.Combine(full, "report.json")}"));
            if (result.HasInputErrors) return ExitCodes.BadInput;
            return result.FailsAt(threshold) ? ExitCodes.Findings : ExitCodes.Clean;
        }
        catch (Exception e) when (cancel.IsCancellationRequested && e is OperationCanceledException or AggregateException)
        {
            console.Error.WriteLine(T("审查已中断；以相同的 --out 再次运行即可从台账续跑", "review interrupted; run it again with the same --out to resume from the ledger"));
            return ExitCodes.BadInput;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
