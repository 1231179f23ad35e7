using System.Collections.Concurrent;
using System.Data;
using System.Globalization;
using System.Text;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Text;
using ElementFlow.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;

namespace ElementFlow.Sources.PostGis;

/// <summary>
/// Reads one layer from a PostGIS table or view (DESIGN §6): the names in plan.yaml are looked up in the
/// catalogue, the rows are streamed in binary inside a read-only transaction under the statement timeout,
/// the geometry column's SRID is held to the plan's crs (another CGCS2000 CRS is read and said, for the plan loader
/// to reproject, as with files), and the input limits apply as they do to files.
/// </summary>
public sealed class PostGisLayerReader(PostGisStore store)
{
    /// <summary>Rows are read and decoded in batches on one thread while the previous batch is added to the builder on another.</summary>
    private const int BatchSize = 4096;

    /// <param name="cancellation">Cancels the statement on the server and ends the read with <see cref="OperationCanceledException"/>.</param>
    public LayerReadResult Read(PostGisLayerSpec spec, LayerRequest request, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (spec.Split() is not { } name)
        {
            return Failed(Invalid(spec, spec.Line, "postgis", spec.Table, new LocalizedText(
                "写作 模式.表名（如 public.ghydyh），或只写表名", "write schema.table (e.g. public.ghydyh), or only the table name")));
        }

        if (store.Unreachable is { } earlier) return Failed(earlier.ForLayer(request));
        NpgsqlConnection db;
        try
        {
            db = store.Open();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            return Failed(store.Failed(e, request));
        }

        using (db)
        {
            var shown = spec.Table;
            try
            {
                Begin(db);
                var (table, candidates) = PostGisCatalog.FindTable(db, name.Schema, name.Name);
                if (table is null)
                {
                    var detail = candidates.Count > 0 && candidates.Any(c => c.EndsWith("." + name.Name, StringComparison.OrdinalIgnoreCase))
                        ? new LocalizedText($"数据库 {store.Connection.Shown} 中有多个同名表：{string.Join("、", candidates)}，请写明模式", $"the database {store.Connection.Shown} has several: {string.Join(", ", candidates)}; name the schema")
                        : new LocalizedText($"数据库 {store.Connection.Shown} 中没有表或视图 {spec.Table}（含几何列的有：{List(candidates)}）", $"the database {store.Connection.Shown} has no table or view {spec.Table} (those with a geometry column: {List(candidates)})");
                    return Failed(Invalid(spec, spec.Line, "postgis", spec.Table, detail));
                }

                shown = table.Shown;
                if (!table.CanSelect) return Failed(NoPermission(request, table.Shown));
                var columns = PostGisCatalog.Columns(db, table);
                return ReadTable(db, spec, request, table, columns, cancellation);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException("the read was cancelled", e, cancellation);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                return Failed(NoPermission(request, shown));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !cancellation.IsCancellationRequested)
            {
                return Failed(Diagnostic.Error("postgis.statement-timeout", request.ShownPath, null, null,
                    ("role", request.Role.Name), ("table", shown), ("seconds", store.Connection.StatementTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture))));
            }
            catch (InputLimitException e) when (e is not PackageSizeException)
            {
                return Failed(e.Diagnostic);
            }
            catch (PostgresException e)
            {
                return Failed(Unreadable(request, $"{e.SqlState}: {e.MessageText}"));
            }
            catch (Exception e) when (e is NpgsqlException or InvalidCastException or NotSupportedException or ArgumentException or FormatException or ParseException or InvalidDataException)
            {
                return Failed(Unreadable(request, e.Message));
            }
        }
    }

    private LayerReadResult ReadTable(NpgsqlConnection db, PostGisLayerSpec spec, LayerRequest request, CatalogTable table, List<CatalogColumn> columns, CancellationToken cancellation)
    {
        var allColumns = string.Join(", ", columns.Select(c => c.Name));
        CatalogColumn geometry;
        if (spec.GeometryColumn is { } named)
        {
            if (PostGisCatalog.Find(columns, named) is not { IsGeometry: true } namedColumn)
            {
                return Failed(Invalid(spec, spec.Line, "geometry", named, new LocalizedText(
                    $"{table.Shown} 中没有几何列 {named}（其几何列：{List(columns.Where(c => c.IsGeometry).Select(c => c.Name))}）",
                    $"{table.Shown} has no geometry column {named} (its geometry columns: {List(columns.Where(c => c.IsGeometry).Select(c => c.Name))})")));
            }

            geometry = namedColumn;
        }
        else
        {
            var geometries = columns.Where(c => c.IsGeometry).ToList();
            if (geometries.Count != 1)
            {
                return Failed(geometries.Count == 0
                    ? Unreadable(request, $"{table.Shown} has no geometry column (its columns: {allColumns}); a geography column must be cast to geometry in a view")
                    : Invalid(spec, spec.Line, "geometry", "", new LocalizedText(
                        $"{table.Shown} 有多个几何列（{List(geometries.Select(c => c.Name))}），请用 geometry: 指明", $"{table.Shown} has several geometry columns ({List(geometries.Select(c => c.Name))}); name one with geometry:")));
            }

            geometry = geometries[0];
        }

        if (!geometry.CanSelect) return Failed(NoPermission(request, $"{table.Shown}.{geometry.Name}"));
        // A column in another CGCS2000 CRS is read and its CRS said, as a file's is: the plan loader reprojects it
        // (CrsHarmoniser, DESIGN §6). Any other CRS refuses the layer.
        Diagnostic? ownCrs = null;
        if (geometry.Srid != 0 && request.PlanCrs.Epsg != 0 && geometry.Srid != request.PlanCrs.Epsg)
        {
            if (!Cgcs2000.IsCgcs2000(geometry.Srid) || !Cgcs2000.IsCgcs2000(request.PlanCrs.Epsg)) return Failed(CrsMismatch(request, geometry.Srid, null));
            ownCrs = CrsMismatch(request, geometry.Srid, null);
        }

        var where = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        foreach (var filter in spec.Filter)
        {
            if (PostGisCatalog.Find(columns, filter.Column) is not { } column || column.IsSkipped)
            {
                return Failed(Invalid(spec, filter.Line, $"filter.{filter.Column}", filter.Value ?? filter.Prefix ?? "", new LocalizedText(
                    $"{table.Shown} 中没有可筛选的列 {filter.Column}（其列：{allColumns}）", $"{table.Shown} has no column {filter.Column} to filter on (its columns: {allColumns})")));
            }

            var operand = column.IsText ? PostGisCatalog.Quote(column.Name) : PostGisCatalog.Quote(column.Name) + "::text";
            parameters.Add(new NpgsqlParameter { Value = filter.Prefix is { } prefix ? LikePrefix(prefix) : filter.Value ?? "", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            where.Add(filter.Prefix is not null ? $"{operand} LIKE ${parameters.Count} ESCAPE '\\'" : $"{operand} = ${parameters.Count}");
        }

        // fields: names source columns; they are resolved to the catalogue's spelling so the field mapping matches.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (ours, source) in request.Fields)
        {
            if (PostGisCatalog.Find(columns, source) is not { IsSkipped: false } column)
            {
                return Failed(Invalid(spec, spec.Line, $"fields.{ours}", source, new LocalizedText(
                    $"{table.Shown} 中没有列 {source}（其列：{allColumns}）", $"{table.Shown} has no column {source} (its columns: {allColumns})")));
            }

            fields[ours] = column.Name;
        }

        var key = PostGisCatalog.PrimaryKey(db, table);
        var attributes = columns.Where(c => !c.IsSkipped && c.CanSelect).ToList();
        var select = new StringBuilder("SELECT ");
        foreach (var c in attributes)
        {
            var q = PostGisCatalog.Quote(c.Name);
            select.Append(c.Type == "numeric" ? $"{q}::float8" : c.IsPlain ? q : $"{q}::text").Append(", ");
        }

        var g = PostGisCatalog.Quote(geometry.Name);
        // The geometry travels as EWKB (binary) and is decoded on the project's geometry services: geometries built
        // on other services (Npgsql's own reader uses the process default) cannot be combined with ours.
        select.Append(geometry.MayHoldCurves ? $"(CASE WHEN ST_HasArc({g}) THEN ST_CurveToLine({g}) ELSE {g} END)::bytea, ST_HasArc({g})" : $"{g}::bytea, false");
        var from = $" FROM {table.Quoted}" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "");
        select.Append(from);

        var builder = new FeatureBuilder(request with { Fields = fields });
        var layerSrid = geometry.Srid != 0 ? geometry.Srid : request.PlanCrs.Epsg;
        var outcome = Stream(db, select.ToString(), parameters, attributes, key, fields, builder, layerSrid, cancellation);
        if (outcome.TooMany)
        {
            var count = Count(db, from, parameters);
            throw builder.TooManyFeatures(count);
        }

        var diagnostics = new List<Diagnostic>();
        if (outcome.WrongSrid is { } srid) return Failed(CrsMismatch(request, srid.Srid, srid.Id));
        if (ownCrs is not null) diagnostics.Add(ownCrs);
        if (outcome.Curved > 0)
        {
            diagnostics.Add(Diagnostic.Warning("layer.curves-densified", request.ShownPath, null, null,
                ("role", request.Role.Name), ("count", outcome.Curved.ToString(CultureInfo.InvariantCulture))));
        }

        return builder.Build(diagnostics);
    }

    private sealed record Row(Geometry? Geometry, KeyValuePair<string, object?>[] Attributes, object? Key);

    private sealed record StreamOutcome(bool TooMany, int Curved, (int Srid, string Id)? WrongSrid);

    /// <summary>Streams the rows (binary, sequential) into the builder; stops at the first row past the feature limit or in an SRID other than the layer's.</summary>
    private StreamOutcome Stream(NpgsqlConnection db, string sql, List<NpgsqlParameter> parameters, List<CatalogColumn> attributes, string? key,
        IReadOnlyDictionary<string, string> fields, FeatureBuilder builder, int layerSrid, CancellationToken cancellation)
    {
        using var command = new NpgsqlCommand(sql, db);
        using var cancel = cancellation.Register(command.Cancel);
        foreach (var p in parameters) command.Parameters.Add(p);
        var names = attributes.Select(a => a.Name).ToArray();
        var keyIndex = key is null ? -1 : Array.IndexOf(names, key);
        // The primary key (ogr2ogr's fid) gives ids when no id field does, as a GeoPackage's fid does; like there,
        // it is no attribute of the feature unless fields: names it.
        var keyIsAttribute = keyIndex >= 0 && fields.Values.Contains(names[keyIndex], StringComparer.Ordinal);
        var kept = Enumerable.Range(0, names.Length).Where(i => i != keyIndex || keyIsAttribute).ToArray();
        var geometryOrdinal = attributes.Count;
        var curved = 0;
        var wkb = new WKBReader(GeometryServices.Services) { HandleSRID = true };
        using var batches = new BlockingCollection<List<Row>>(boundedCapacity: 2);
        var consumer = Task.Run(() =>
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var row in batch) builder.Add(null, row.Geometry, row.Attributes, row.Key);
            }
        });

        NpgsqlDataReader? reader = null;
        var cancelled = false;
        try
        {
            reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
            var batch = new List<Row>(BatchSize);
            long ordinal = 0;
            while (reader.Read())
            {
                ordinal++;
                object? rowKey = null;
                var values = new KeyValuePair<string, object?>[kept.Length];
                for (int i = 0, k = 0; i < names.Length; i++)
                {
                    var value = reader.IsDBNull(i) ? null : Plain(reader.GetValue(i));
                    if (i == keyIndex) rowKey = value;
                    if (k < kept.Length && kept[k] == i) values[k++] = new(names[i], value);
                }

                if (ordinal > builder.Limits.MaxFeatures)
                {
                    cancelled = true;
                    command.Cancel();
                    return new StreamOutcome(true, curved, null);
                }

                var geometry = reader.IsDBNull(geometryOrdinal) ? null : Decode(wkb, reader.GetFieldValue<byte[]>(geometryOrdinal));
                if (!reader.IsDBNull(geometryOrdinal + 1) && reader.GetBoolean(geometryOrdinal + 1)) curved++;
                if (geometry is not null && layerSrid != 0 && geometry.SRID != 0 && geometry.SRID != layerSrid)
                {
                    cancelled = true;
                    command.Cancel();
                    return new StreamOutcome(false, curved, (geometry.SRID, builder.IdOf(null, values, rowKey, ordinal)));
                }

                builder.CheckVertices(geometry, () => builder.IdOf(null, values, rowKey, ordinal));
                batch.Add(new Row(geometry, values, rowKey));
                if (batch.Count == BatchSize)
                {
                    batches.Add(batch);
                    batch = new List<Row>(BatchSize);
                }
            }

            batches.Add(batch);
            return new StreamOutcome(false, curved, null);
        }
        catch (InputLimitException)
        {
            // A geometry over the vertex limit: the rest of the rows are not wanted either.
            cancelled = true;
            command.Cancel();
            throw;
        }
        finally
        {
            try
            {
                reader?.Dispose();
            }
            catch (NpgsqlException) when (cancelled)
            {
                // The server reports our own cancel while the reader drains; it is what we asked for.
            }

            batches.CompleteAdding();
            consumer.GetAwaiter().GetResult();
            Rollback(db);
        }
    }

    /// <summary>How many rows the plan's filter selects; asked only once the feature limit was passed, for the message.</summary>
    private long Count(NpgsqlConnection db, string from, List<NpgsqlParameter> parameters)
    {
        Begin(db);
        using var command = new NpgsqlCommand("SELECT count(*)" + from, db);
        foreach (var p in parameters) command.Parameters.Add(p.Clone());
        var count = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        Rollback(db);
        return count;
    }

    /// <summary>Opens the read-only transaction every read runs in, with the statement timeout.</summary>
    private void Begin(NpgsqlConnection db)
    {
        using var command = db.CreateCommand();
        var ms = (long)Math.Max(0, store.Connection.StatementTimeout.TotalMilliseconds);
        command.CommandText = $"BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = {ms.ToString(CultureInfo.InvariantCulture)}";
        command.ExecuteNonQuery();
    }

    private static void Rollback(NpgsqlConnection db)
    {
        if (db.State != ConnectionState.Open) return;
        try
        {
            using var command = db.CreateCommand();
            command.CommandText = "ROLLBACK";
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // A broken connection is not returned healthy to the pool; nothing to roll back on it.
        }
    }

    /// <summary>EWKB as PostGIS sends it, its collections' nesting bounded before the recursive reader sees it.</summary>
    private static Geometry Decode(WKBReader wkb, byte[] ewkb)
    {
        if (!WkbNesting.IsWithin(ewkb)) throw new InvalidDataException($"a geometry nests collections more than {WkbNesting.MaxDepth} deep");
        return wkb.Read(ewkb);
    }

    /// <summary>Npgsql's binary values as the feature builder takes them.</summary>
    private static object? Plain(object value) => value switch
    {
        short s => (double)s,
        _ => value,
    };

    /// <summary>A LIKE pattern matching everything that starts with <paramref name="prefix"/>, its wildcards escaped.</summary>
    internal static string LikePrefix(string prefix) =>
        prefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static string List(IEnumerable<string> names) => names.ToList() is { Count: > 0 } l ? string.Join(", ", l) : "-";

    private static Diagnostic Invalid(PostGisLayerSpec spec, int line, string field, string value, LocalizedText detail) =>
        Diagnostic.Error("plan.field-invalid", spec.PlanYaml, line, null, ("field", field), ("value", value), ("detail", detail));

    private Diagnostic NoPermission(LayerRequest request, string table) =>
        Diagnostic.Error("postgis.permission-denied", request.ShownPath, null, null,
            ("role", request.Role.Name), ("table", table), ("user", store.Connection.User), ("store", store.Connection.Shown));

    private static Diagnostic CrsMismatch(LayerRequest request, int srid, string? featureId) =>
        Diagnostic.Error("layer.crs-mismatch", request.ShownPath, null, featureId,
            ("role", request.Role.Name), ("layer_crs", $"EPSG:{srid.ToString(CultureInfo.InvariantCulture)}"), ("plan_crs", request.PlanCrs.Text));

    private static Diagnostic Unreadable(LayerRequest request, string detail) =>
        Diagnostic.Error("layer.unreadable", request.ShownPath, null, null, ("role", request.Role.Name), ("file", request.ShownPath), ("detail", detail));

    private static LayerReadResult Failed(Diagnostic diagnostic) => new(null, [], [diagnostic]);
}
