using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace ElementFlow.Sources.PostGis;

/// <summary>What publishing wrote, or why it could not.</summary>
public sealed record PublishResult(int Rows, int Replaced, string Table, bool Created, Diagnostic? Error);

/// <summary>
/// <c>--publish schema.table</c> (DESIGN §7): writes a run's findings into a PostGIS table with binary COPY,
/// creating the table when it is missing. The run's earlier rows (same run id) are deleted and the new ones
/// copied in one transaction, so a platform re-running a check shows the latest findings and never a mixture.
/// </summary>
public static partial class PostGisPublisher
{
    /// <summary>The table's columns, in COPY order, with their types; an existing table must have them all.</summary>
    private static readonly (string Name, string Type)[] Columns =
    [
        ("run_id", "text"), ("plan", "text"), ("rule", "text"), ("severity", "text"), ("subjects", "jsonb"),
        ("measure", "jsonb"), ("message", "text"), ("waived_by", "text"), ("geom", "geometry"),
    ];

    [GeneratedRegex(@"^(?:[\p{L}_][\p{L}\p{N}_]{0,62}\.)?[\p{L}_][\p{L}\p{N}_]{0,62}$")]
    private static partial Regex TableName();

    /// <summary>Whether <paramref name="table"/> is <c>schema.table</c> or <c>table</c> of plain identifiers (letters, digits, _).</summary>
    public static bool IsTableName(string table) => TableName().IsMatch(table);

    /// <param name="store">The store named by --db or the environment.</param>
    /// <param name="table">The target, <c>schema.table</c>.</param>
    /// <param name="runId">Rows with this run id are replaced.</param>
    /// <param name="findings">The report's findings, as written.</param>
    /// <param name="planSrids">Each plan's EPSG code, stamped on its findings' geometry.</param>
    /// <param name="language">The language of the message column.</param>
    public static PublishResult Publish(PostGisStore store, string table, string runId, IReadOnlyList<Finding> findings,
        IReadOnlyDictionary<string, int> planSrids, Language language)
    {
        var shown = store.Connection.Shown;
        if (!IsTableName(table))
        {
            return Failed(table, shown, new LocalizedText(
                "--publish 应写作 模式.表名，只含字母、数字和下划线（如 review.findings）",
                "--publish takes schema.table made of letters, digits and _ (e.g. review.findings)"));
        }

        var dot = table.IndexOf('.', StringComparison.Ordinal);
        var schema = dot < 0 ? "public" : table[..dot];
        var name = dot < 0 ? table : table[(dot + 1)..];
        var target = PostGisCatalog.Quote(schema) + "." + PostGisCatalog.Quote(name);
        NpgsqlConnection db;
        try
        {
            db = store.Open();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            var detail = e is PostgresException p ? $"{p.SqlState} {p.MessageText}" : e.InnerException?.Message ?? e.Message;
            return new PublishResult(0, 0, table, false, Diagnostic.Error("postgis.connection-failed", "--publish", null, null, ("detail", store.Connection.Unreachable(detail))));
        }

        using (db)
        {
            NpgsqlTransaction? transaction = null;
            try
            {
                transaction = db.BeginTransaction();
                Execute(db, $"SET LOCAL statement_timeout = {(long)Math.Max(0, store.Connection.StatementTimeout.TotalMilliseconds)}");
                var existing = ExistingColumns(db, schema, name);
                var created = existing is null;
                if (created)
                {
                    if (!SchemaExists(db, schema))
                    {
                        return Failed(table, shown, new LocalizedText($"模式 {schema} 不存在，请先创建（CREATE SCHEMA {schema};）", $"the schema {schema} does not exist; create it first (CREATE SCHEMA {schema};)"));
                    }

                    Execute(db, $"""
                        CREATE TABLE {target} (
                          run_id text NOT NULL, plan text NOT NULL, rule text NOT NULL, severity text NOT NULL,
                          subjects jsonb NOT NULL, measure jsonb, message text NOT NULL, waived_by text,
                          geom geometry, published_at timestamptz NOT NULL DEFAULT now());
                        CREATE INDEX ON {target} (run_id);
                        CREATE INDEX ON {target} USING gist (geom);
                        COMMENT ON TABLE {target} IS 'ElementFlow findings (elementflow check --publish); one row per finding, geom in the plan''s CRS';
                        """);
                }
                else
                {
                    var missing = Columns.Where(c => !existing!.TryGetValue(c.Name, out var type) || type != c.Type).Select(c => $"{c.Name} {c.Type}").ToList();
                    if (missing.Count > 0)
                    {
                        return Failed(table, shown, new LocalizedText(
                            $"{table} 已存在但不是检查结果表（缺少或类型不符的列：{string.Join("、", missing)}）；请换一个表名，或删除该表后重试",
                            $"{table} exists but is not a findings table (missing or mistyped columns: {string.Join(", ", missing)}); name another table, or drop it and run again"));
                    }
                }

                int replaced;
                using (var delete = new NpgsqlCommand($"DELETE FROM {target} WHERE run_id = $1", db, transaction))
                {
                    delete.Parameters.Add(new NpgsqlParameter { Value = runId, NpgsqlDbType = NpgsqlDbType.Text });
                    replaced = delete.ExecuteNonQuery();
                }

                var rows = Copy(db, target, runId, findings, planSrids, language);
                transaction.Commit();
                return new PublishResult(rows, replaced, table, created, null);
            }
            catch (PostgresException e)
            {
                transaction?.Rollback();
                var detail = e.SqlState == PostgresErrorCodes.InsufficientPrivilege
                    ? new LocalizedText($"数据库用户 {store.Connection.User} 无权写入（{e.MessageText}）", $"the database user {store.Connection.User} may not write there ({e.MessageText})")
                    : new LocalizedText($"{e.SqlState} {e.MessageText}", $"{e.SqlState} {e.MessageText}");
                return Failed(table, shown, detail);
            }
            catch (NpgsqlException e)
            {
                return Failed(table, shown, new LocalizedText(e.Message, e.Message));
            }
            finally
            {
                transaction?.Dispose();
            }
        }
    }

    private static int Copy(NpgsqlConnection db, string target, string runId, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, int> planSrids, Language language)
    {
        var columns = string.Join(", ", Columns.Select(c => c.Name));
        using var writer = db.BeginBinaryImport($"COPY {target} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var f in findings)
        {
            writer.StartRow();
            writer.Write(runId, NpgsqlDbType.Text);
            writer.Write(f.Plan, NpgsqlDbType.Text);
            writer.Write(f.Rule, NpgsqlDbType.Text);
            writer.Write(f.Severity.Name(), NpgsqlDbType.Text);
            writer.Write(SubjectsJson(f.Subjects), NpgsqlDbType.Jsonb);
            if (f.Measure is { } m) writer.Write(MeasureJson(m), NpgsqlDbType.Jsonb);
            else writer.WriteNull();
            writer.Write(f.Message(language), NpgsqlDbType.Text);
            if (f.WaivedBy is { } w) writer.Write($"{w.Approval} {w.Document}", NpgsqlDbType.Text);
            else writer.WriteNull();
            if (f.Geometry is { IsEmpty: false } g)
            {
                var stamped = g.Copy();
                stamped.SRID = planSrids.GetValueOrDefault(f.Plan);
                writer.Write<Geometry>(stamped, NpgsqlDbType.Geometry);
            }
            else
            {
                writer.WriteNull();
            }
        }

        return (int)writer.Complete();
    }

    private static string SubjectsJson(IReadOnlyList<Subject> subjects)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var s in subjects)
            {
                w.WriteStartObject();
                w.WriteString("layer", s.Layer);
                w.WriteString("id", s.Id);
                if (s.Plan is not null) w.WriteString("plan", s.Plan);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string MeasureJson(Measure m)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            Number(w, "value", m.Value);
            if (m.Limit is { } limit) Number(w, "limit", limit);
            else w.WriteNull("limit");
            foreach (var (name, value) in m.Related ?? new Dictionary<string, double>()) Number(w, name, value);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, Math.Round(value, 6));
        else w.WriteNull(name);
    }

    /// <summary>The table's columns and their type names, or null when there is no such table.</summary>
    private static Dictionary<string, string>? ExistingColumns(NpgsqlConnection db, string schema, string name)
    {
        using var command = new NpgsqlCommand("""
            SELECT a.attname, t.typname FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'f')
            """, db);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        using var reader = command.ExecuteReader();
        Dictionary<string, string>? columns = null;
        while (reader.Read())
        {
            columns ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (!reader.IsDBNull(0)) columns[reader.GetString(0)] = reader.GetString(1);
        }

        return columns;
    }

    private static bool SchemaExists(NpgsqlConnection db, string schema)
    {
        using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1)", db);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        return (bool)command.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection db, string sql)
    {
        using var command = new NpgsqlCommand(sql, db);
        command.ExecuteNonQuery();
    }

    private static PublishResult Failed(string table, string store, LocalizedText detail) =>
        new(0, 0, table, false, Diagnostic.Error("postgis.publish-failed", "--publish", null, null, ("table", table), ("store", store), ("detail", detail)));

    /// <summary>A run id for a run that names none: the UTC time and a random suffix, e.g. <c>20261202T013000Z-3f9a1c</c>.</summary>
    public static string NewRunId() =>
        DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
}
