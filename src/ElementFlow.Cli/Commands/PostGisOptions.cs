using System.CommandLine;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary><c>--db</c>, <c>--statement-timeout</c>, <c>--publish</c> and <c>--run-id</c> of <c>check</c>: the PostGIS store (DESIGN §6, §7).</summary>
internal sealed class PostGisOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = T(
            "postgis: 图层和 --publish 所用的 PostGIS 库：postgres://用户@主机:端口/库名 或 Npgsql 连接串。默认按 libpq 环境（PGHOST、PGPORT、PGDATABASE、PGUSER、PGPASSWORD、~/.pgpass）",
            "The PostGIS store of postgis: layers and of --publish: postgres://user@host:port/database or an Npgsql connection string. "
            + "Default: the libpq environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, ~/.pgpass)"),
    };

    public Option<int> StatementTimeout { get; } = new("--statement-timeout")
    {
        Description = T("单条数据库语句最多运行的秒数（0 为不限）。默认 600", "Seconds one database statement may run before it is stopped (0: no limit). Default 600"),
        DefaultValueFactory = _ => 600,
    };

    public Option<string?> Publish { get; } = new("--publish")
    {
        Description = T("把检查结果写入此 PostGIS 表（模式.表名；不存在时新建）", "Write the findings into this PostGIS table (schema.table; created when missing)"),
    };

    public Option<string?> RunId { get; } = new("--run-id")
    {
        Description = T("写入行的运行编号；同一编号再次运行会替换这些行。默认为时间加随机后缀", "The run id of published rows; a run with the same id replaces them. Default: the time and a random suffix"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(StatementTimeout);
        command.Options.Add(Publish);
        command.Options.Add(RunId);
    }

    public StoreArguments Read(ParseResult parse) =>
        new(parse.GetValue(Db), parse.GetValue(StatementTimeout), parse.GetValue(Publish), parse.GetValue(RunId));
}

/// <summary>The PostGIS store options as given: --db, --statement-timeout, --publish, --run-id.</summary>
internal sealed record StoreArguments(string? Db, int StatementTimeoutSeconds, string? Publish, string? RunId);
