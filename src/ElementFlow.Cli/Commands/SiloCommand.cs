using System.CommandLine;
using System.Net;
using ElementFlow.Core.Limits;
using ElementFlow.Review.Cluster.Hosting;
using ElementFlow.Review.Cluster.Silo;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow silo</c>: a worker of national reviews on Orleans (DESIGN §9); runs until stopped (Ctrl-C or SIGTERM).</summary>
internal static class SiloCommand
{
    public static Command Create(CliConsole console)
    {
        var cluster = new Option<string>("--cluster") { Description = T("成员表所在的数据库：postgres://用户@主机:端口/库（表不存在时由 elementflow 创建）", "The membership database: postgres://user@host:port/db (elementflow creates the tables when missing)"), Required = true };
        var ledger = new Option<string?>("--ledger") { Description = T("只接受写入此台账（文件夹或 postgres://…）的审查；默认接受审查指定的台账", "Accept only reviews whose ledger is this one (a folder or postgres://…); default: the ledger each review names") };
        var port = new Option<int>("--port") { Description = T("节点间通信端口，默认取空闲端口", "Silo-to-silo port; default a free one") };
        var gatewayPort = new Option<int>("--gateway-port") { Description = T("客户端连接端口，默认取空闲端口", "Port clients connect to; default a free one") };
        var address = new Option<string?>("--address") { Description = T("其他节点和客户端访问本节点的地址，默认本机第一个地址；同机测试用 127.0.0.1", "Address other silos and clients reach this one at; default this host's first address; 127.0.0.1 to test on one host") };
        var workers = new Option<int?>("--workers") { Description = T("同时检查的任务数，默认为处理器核数", "Tasks checked at the same time; default the number of cores") };
        var budget = new Option<string?>("--memory-budget") { Description = T("托管堆超过此值时不再开始新任务（已有任务运行时），如 4GiB；默认可用内存的一半", "Start no further task while the managed heap is above this (and a task runs), e.g. 4GiB; default half the available memory") };
        var verbose = new Option<bool>("--verbose", "-v") { Description = T("在标准错误输出每个任务的日志", "Log each task on stderr") };

        var command = new Command("silo", T("全国审查的工作节点（Orleans）：加入集群，检查 review --cluster 派来的任务，直到被停止", "A worker of national reviews (Orleans): joins the cluster and checks the tasks review --cluster sends, until stopped"))
            { cluster, ledger, port, gatewayPort, address, workers, budget, verbose };
        command.SetAction(parse =>
        {
            if (ServerOptionsParsing.PostgresDatabase(console, "--cluster", parse.GetValue(cluster)!) is not { } database) return ExitCodes.BadInput;
            IPAddress? ip = null;
            if (parse.GetValue(address) is { } addressText && !IPAddress.TryParse(addressText, out ip))
            {
                console.Error.WriteLine(T($"elementflow: --address {addressText} 不是 IP 地址", $"elementflow: --address {addressText} is not an IP address"));
                return ExitCodes.BadInput;
            }

            long memory = new WorkshopOptions().MemoryBudget;
            if (parse.GetValue(budget) is { } budgetText && !InputLimits.TryParseSize(budgetText, out memory))
            {
                console.Error.WriteLine(T($"elementflow: --memory-budget {budgetText} 不是大小（如 4GiB）", $"elementflow: --memory-budget {budgetText} is not a size (e.g. 4GiB)"));
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(workers) is < 1 || parse.GetValue(port) is < 0 or > 65535 || parse.GetValue(gatewayPort) is < 0 or > 65535)
            {
                console.Error.WriteLine(T("elementflow: --workers 至少为 1，端口在 0–65535", "elementflow: --workers must be at least 1 and ports within 0–65535"));
                return ExitCodes.BadInput;
            }

            var ledgerLocation = parse.GetValue(ledger) is { } l ? LedgerLocation(console, l) : null;
            if (parse.GetValue(ledger) is not null && ledgerLocation is null) return ExitCodes.BadInput;
            var settings = new SiloSettings
            {
                Cluster = database.Settings.ConnectionString,
                Port = parse.GetValue(port),
                GatewayPort = parse.GetValue(gatewayPort),
                Address = ip,
                Logging = StderrLog(parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning),
                Workshop = new WorkshopOptions { Workers = parse.GetValue(workers) ?? Environment.ProcessorCount, MemoryBudget = memory, Ledger = ledgerLocation },
            };
            return Run(console, settings, database.Shown);
        });
        return command;
    }

    private static int Run(CliConsole console, SiloSettings settings, string shown)
    {
        IHost host;
        try
        {
            host = ReviewSilo.Build(settings, new ClusterWork(), CancellationToken.None).GetAwaiter().GetResult();
            host.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or Orleans.Runtime.OrleansException)
        {
            console.Error.WriteLine(T($"elementflow: 节点无法加入集群 {shown}：{e.Message}", $"elementflow: the silo cannot join the cluster {shown}: {e.Message}"));
            return ExitCodes.BadInput;
        }

        using (host)
        {
            console.Out.WriteLine("silo ready");
            console.Out.Flush();
            console.Error.WriteLine(T($"节点已加入集群 {shown}；Ctrl-C 停止", $"silo joined the cluster {shown}; Ctrl-C stops it"));
            host.WaitForShutdownAsync().GetAwaiter().GetResult();
        }

        return ExitCodes.Clean;
    }

    /// <summary>The silo's log on stderr only: stdout carries <c>silo ready</c> and nothing else.</summary>
    private static Action<ILoggingBuilder> StderrLog(LogLevel level) => logging =>
    {
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(level);
    };

    /// <summary>The ledger a silo is tied to, as orders name it: a full folder path, or the resolved connection string.</summary>
    private static string? LedgerLocation(CliConsole console, string text)
    {
        if (!text.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && !text.Contains("Host=", StringComparison.OrdinalIgnoreCase)) return Path.GetFullPath(text);
        return ServerOptionsParsing.PostgresDatabase(console, "--ledger", text)?.Settings.ConnectionString;
    }
}
