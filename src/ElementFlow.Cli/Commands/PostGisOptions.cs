using System.CommandLine;
using System.Globalization;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.Sources.PostGis;

namespace ElementFlow.Cli.Commands;

/// <summary><c>--db</c>, <c>--statement-timeout</c>, <c>--publish</c> and <c>--run-id</c> of <c>check</c>: the PostGIS store (DESIGN §6, §7).</summary>
internal sealed class PostGisOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "The PostGIS store of postgis: layers and of --publish: postgres://user@host:port/database or an Npgsql connection string. "
            + "Default: the libpq environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, ~/.pgpass)",
    };

    public Option<int> StatementTimeout { get; } = new("--statement-timeout")
    {
        Description = "Seconds one database statement may run before it is stopped (0: no limit). Default 600",
        DefaultValueFactory = _ => 600,
    };

    public Option<string?> Publish { get; } = new("--publish") { Description = "Write the findings into this PostGIS table (schema.table; created when missing)" };

    public Option<string?> RunId { get; } = new("--run-id") { Description = "The run id of published rows; a run with the same id replaces them. Default: the time and a random suffix" };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(StatementTimeout);
        command.Options.Add(Publish);
        command.Options.Add(RunId);
    }
}
