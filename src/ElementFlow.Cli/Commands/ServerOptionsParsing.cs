using System.CommandLine;
using System.Data.Common;
using ElementFlow.Server.Store;
using ElementFlow.Sources.PostGis;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Text;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary>The options the server commands share: where the store is, and sizes with units.</summary>
internal static class ServerOptionsParsing
{
    public const string DefaultData = "./elementflow-data";

    public static Option<string> Data() => new("--data")
    {
        Description = T("嵌入式存储的文件夹（数据库、上传的规划包、报告）", "The folder of the embedded store (database, uploaded packages, reports)"),
        DefaultValueFactory = _ => DefaultData,
    };

    public static Option<string?> Store() => new("--store")
    {
        Description = T("PostgreSQL 存储（postgres://用户@主机:端口/库 或 Npgsql 连接串，缺省部分取自 PGHOST 等环境变量）：用户、审查、决定和审计记录存于其中（模式 elementflow_server）；上传的规划包和报告仍存于 --data",
            "A PostgreSQL store (postgres://user@host:port/db or an Npgsql connection string; missing parts from PGHOST etc.): users, reviews, decisions and the audit trail live there (schema elementflow_server); uploaded packages and reports stay in --data"),
    };

    /// <summary>A size option in bytes or with a unit (500MB, 1GiB).</summary>
    public static Option<long> Size(string name, long defaultValue, string defaultText, LocalizedText description) => new(name)
    {
        Description = SizeDescription(description, LocalizedText.Same(defaultText)),
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseSize(name, result) ?? 0,
    };

    /// <summary>A size option whose default depends on the machine (half its memory): none in the option, so generated docs do not differ from machine to machine.</summary>
    public static Option<long?> MachineSize(string name, LocalizedText defaultText, LocalizedText description) => new(name)
    {
        Description = SizeDescription(description, defaultText),
        CustomParser = result => ParseSize(name, result),
    };

    private static string SizeDescription(LocalizedText description, LocalizedText defaultText) =>
        T($"{description.Zh}：字节数或带单位（500MB、1GiB）。默认 {defaultText.Zh}", $"{description.En}: bytes, or with a unit (500MB, 1GiB). Default {defaultText.En}");

    private static long? ParseSize(string name, System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (InputLimits.TryParseSize(text, out var bytes) && bytes > 0) return bytes;
        result.AddError($"{name}: '{text}' is not a size; use bytes or a number with a unit, e.g. 500MB, 1GiB "
            + $"（{name} 的值 '{text}' 不是有效大小，请写字节数或带单位的数，如 500MB、1GiB）");
        return null;
    }

    /// <summary>
    /// A PostgreSQL database an option names (<c>postgres://…</c> or an Npgsql connection string, the libpq
    /// environment filling what it leaves out), resolved as <c>--db</c> is; null with the reason written.
    /// </summary>
    public static PostGisConnection? PostgresDatabase(CliConsole console, string option, string text)
    {
        if (PostGisConnection.Resolve(text, Environment.GetEnvironmentVariable, TimeSpan.Zero, out var error) is { } resolved) return resolved;
        console.Error.WriteLine($"elementflow: {option}: {error!.Zh} / {error.En}");
        return null;
    }

    /// <summary>
    /// Opens the store the server commands use: the embedded one in <paramref name="data"/>, or PostgreSQL when
    /// <paramref name="store"/> is given (its connection string in <paramref name="connection"/>). Null, with the
    /// reason written, when <c>--store</c> is malformed or the database cannot be reached.
    /// </summary>
    public static IReviewStore? OpenStore(CliConsole console, string data, string? store, out string? connection)
    {
        connection = null;
        if (store is null) return new DataFolder(data).OpenStore();
        if (PostgresDatabase(console, "--store", store) is not { } resolved) return null;

        try
        {
            connection = resolved.Settings.ConnectionString;
            return new DataFolder(data).OpenStore(connection);
        }
        catch (DbException e)
        {
            console.Error.WriteLine(T($"elementflow: 无法使用 PostgreSQL 存储 {resolved.Shown}：{e.Message}。请检查 --store 与数据库是否运行",
                $"elementflow: cannot use the PostgreSQL store {resolved.Shown}: {e.Message}. Check --store and that the database is running"));
            return null;
        }
    }
}
