using System.CommandLine;
using ElementFlow.Server;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow serve</c>: the review server over an embedded store or PostgreSQL (<c>--store</c>), on 127.0.0.1 unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = T("在 127.0.0.1 上监听的端口", "The port to listen on, on 127.0.0.1"), DefaultValueFactory = _ => 8080 };
        var urls = new Option<string?>("--urls") { Description = T("监听地址，分号分隔（如 http://0.0.0.0:8080）；给出时不用 --port", "Addresses to listen on, separated by ';' (e.g. http://0.0.0.0:8080); replaces --port") };
        var data = ServerOptionsParsing.Data();
        var store = ServerOptionsParsing.Store();
        var maxUpload = ServerOptionsParsing.Size("--max-upload", ServerOptions.DefaultMaxUploadBytes, "256MB", new("单次上传的最大字节数（按发送的大小）", "Most bytes one upload may send"));
        var maxPackage = ServerOptionsParsing.Size(Core.Limits.InputLimits.PackageSizeOption, ServerOptions.DefaultMaxPackageBytes, "1GiB", new("单个规划包解压后的最大字节数", "Most bytes one plan package may unpack to"));
        var checks = new Option<int?>("--max-checks") { Description = T("同时运行的检查数，其余排队。默认每两个 CPU 核一个", "Checks that run at once, the rest queued. Default one per two cores") };
        var budget = ServerOptionsParsing.MachineSize("--memory-budget", new("可用内存的一半", "half the available memory"),
            new("托管堆超过此值时，已有检查在运行就不再开始新的检查", "Start no further check while one runs and the managed heap is above this"));
        var rules = CommonOptions.Rules();
        var lang = CommonOptions.Lang();

        var command = new Command("serve", T("启动审查服务器（网页和 HTTP API）", "Start the review server (web page and HTTP API)")) { port, urls, data, store, maxUpload, maxPackage, checks, budget, rules, lang };
        command.SetAction(parse =>
        {
            if (ServerOptionsParsing.OpenStore(console, parse.GetValue(data)!, parse.GetValue(store), out var connection) is not { } opened) return ExitCodes.BadInput;
            (opened as IDisposable)?.Dispose();
            var catalog = CommonOptions.LoadRules(parse.GetValue(rules));
            var language = CommonOptions.ParseLanguage(parse.GetValue(lang));
            if (catalog.HasErrors)
            {
                foreach (var d in catalog.Diagnostics) console.Error.WriteLine(d.Format(language));
                return ExitCodes.BadInput;
            }

            var listen = parse.GetValue(urls) is { Length: > 0 } given
                ? given.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [$"http://127.0.0.1:{parse.GetValue(port)}"];
            var options = new ServerOptions
            {
                DataFolder = Path.GetFullPath(parse.GetValue(data)!),
                StoreConnection = connection,
                Urls = listen,
                MaxUploadBytes = parse.GetValue(maxUpload),
                MaxConcurrentChecks = parse.GetValue(checks) ?? ServerOptions.DefaultConcurrency,
                MemoryBudget = parse.GetValue(budget) ?? Checking.MemoryGate.DefaultBudget,
                RuleFolders = CommonOptions.RuleFolders(parse.GetValue(rules)).Select(Path.GetFullPath).ToList(),
                BuiltInRules = CommonOptions.BuiltInFolder,
                Sources = PackageSources.All,
                Language = language,
            };
            options = options with { Limits = options.Limits with { MaxPackageBytes = parse.GetValue(maxPackage) } };
            console.Error.WriteLine(T($"ElementFlow 审查服务器：{string.Join(" ", listen)}（数据：{options.DataFolder}）", $"ElementFlow review server: {string.Join(" ", listen)} (data: {options.DataFolder})"));
            ReviewServer.Run(options);
            return ExitCodes.Clean;
        });
        return command;
    }
}
