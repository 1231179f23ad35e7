using ElementFlow.Checking;
using ElementFlow.Core.Text;
using ElementFlow.Sources;
using ElementFlow.Sources.PostGis;

namespace ElementFlow.Cli.Commands;

/// <summary>
/// What <c>check</c> does with the PostGIS store: opens it before the check, so that <c>postgis:</c> layer
/// entries read through it as one more layer source, and publishes the outcome's findings into it after.
/// </summary>
internal static class PostGisStep
{
    /// <summary>The store of <c>--db</c> (or the libpq environment), or null with the reason on stderr when the options cannot be used.</summary>
    public static PostGisStore? Open(CliConsole console, StoreArguments store, Language language)
    {
        var connection = PostGisConnection.Resolve(store.Db, Environment.GetEnvironmentVariable, TimeSpan.FromSeconds(store.StatementTimeoutSeconds), out var error);
        if (connection is null)
        {
            console.Error.WriteLine($"elementflow: {error![language]}");
            return null;
        }

        if (store.Publish is { } table && !PostGisPublisher.IsTableName(table))
        {
            console.Error.WriteLine(language == Language.Zh
                ? $"elementflow: --publish 的值 '{table}' 应写作 模式.表名，只含字母、数字和下划线（如 review.findings）"
                : $"elementflow: --publish '{table}' must be schema.table made of letters, digits and _ (e.g. review.findings)");
            return null;
        }

        // Nothing connects yet: a run that names no postgis: layer and publishes nothing never touches the store.
        return new PostGisStore(connection);
    }

    /// <summary>The package sources (formats and FileGDB) and the PostGIS source on this store.</summary>
    public static LayerSources Sources(PostGisStore store) => PackageSources.All.With(new PostGisSource(store));

    /// <summary>Writes the outcome's findings into <paramref name="table"/> and says so on stderr; false when they could not be written.</summary>
    public static bool Publish(CliConsole console, PostGisStore store, string table, string? runId, CheckOutcome outcome, Language language)
    {
        var run = runId ?? PostGisPublisher.NewRunId();
        var crsByPlan = outcome.Plans.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Crs.Epsg);
        var result = PostGisPublisher.Publish(store, table, run, outcome.Report.Findings, crsByPlan, language);
        var shown = store.Connection.Shown;
        console.Error.WriteLine(result.Error is { } error
            ? error.Format(language)
            : language == Language.Zh
                ? $"elementflow: 已将 {result.Rows} 条检查结果写入 {table}（{shown}，运行编号 {run}{(result.Replaced > 0 ? $"，替换了该运行原有的 {result.Replaced} 条" : "")}{(result.Created ? "，新建了该表" : "")}）"
                : $"elementflow: published {result.Rows} findings to {table} ({shown}, run {run}{(result.Replaced > 0 ? $", replacing its {result.Replaced} earlier rows" : "")}{(result.Created ? ", table created" : "")})");
        return result.Error is null;
    }
}
