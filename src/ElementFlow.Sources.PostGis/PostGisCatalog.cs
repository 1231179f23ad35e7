using Npgsql;

namespace ElementFlow.Sources.PostGis;

/// <summary>A table or view as the database's catalogue names it.</summary>
internal sealed record CatalogTable(uint Oid, string Schema, string Name, char Kind, bool CanSelect)
{
    /// <summary>The quoted name to put in a statement; built only from catalogue names.</summary>
    public string Quoted => PostGisCatalog.Quote(Schema) + "." + PostGisCatalog.Quote(Name);

    public string Shown => $"{Schema}.{Name}";
}

/// <summary>A column of a table as the catalogue describes it; <see cref="Srid"/> and <see cref="GeometryType"/> are from a geometry column's type modifier.</summary>
internal sealed record CatalogColumn(string Name, string Type, int TypeModifier, bool CanSelect)
{
    public bool IsGeometry => Type == "geometry";

    /// <summary>PostGIS packs the SRID into bits 8–28 of the type modifier (sign in bit 28); 0 when unconstrained.</summary>
    public int Srid => TypeModifier < 0 ? 0 : ((TypeModifier & 0x0FFFFF00) - (TypeModifier & 0x10000000)) >> 8;

    /// <summary>The PostGIS type number in bits 2–7: 0 any geometry, 1–7 the simple-feature types, 8 and up curves and surfaces.</summary>
    public int GeometryType => TypeModifier < 0 ? 0 : (TypeModifier & 0xFC) >> 2;

    /// <summary>Whether values may be arcs (circular strings, compound curves, curve polygons, or any geometry).</summary>
    public bool MayHoldCurves => GeometryType is 0 or 7 or >= 8;

    public bool IsText => Type is "text" or "varchar" or "bpchar" or "name" or "citext";

    /// <summary>Types whose binary values Npgsql reads as plain .NET values the feature builder knows.</summary>
    public bool IsPlain => IsText || Type is "int2" or "int4" or "int8" or "float4" or "float8" or "numeric" or "bool";

    /// <summary>Columns a layer never carries as an attribute: other spatial types and raw bytes.</summary>
    public bool IsSkipped => Type is "geography" or "raster" or "bytea" or "box2d" or "box3d" || IsGeometry;
}

/// <summary>
/// Looks names up in the database's catalogue: every table and column a statement names comes from here,
/// so a name in plan.yaml is only ever compared with catalogue names, never put into SQL as written.
/// </summary>
internal static class PostGisCatalog
{
    /// <summary>The relation a plan names: exactly as written, else the one whose name differs only in case (ogr2ogr writes lower case).</summary>
    public static (CatalogTable? Table, IReadOnlyList<string> Candidates) FindTable(NpgsqlConnection db, string? schema, string name)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT c.oid, n.nspname, c.relname, c.relkind::text, has_table_privilege(c.oid, 'SELECT'),
                   coalesce(array_position(current_schemas(false), n.nspname), 1000)
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND lower(c.relname) = lower($1)
              AND ($2::text IS NULL AND n.nspname = ANY (current_schemas(false)) OR lower(n.nspname) = lower($2::text))
            ORDER BY 6, n.nspname, c.relname
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)schema ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var found = new List<CatalogTable>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add(new CatalogTable(reader.GetFieldValue<uint>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)[0], reader.GetBoolean(4)));
            }
        }

        var exact = found.Where(t => t.Name == name && (schema is null || t.Schema == schema)).ToList();
        if (exact.Count >= 1) return (exact[0], []);
        if (schema is null && found.Count >= 1) return (found[0], []);
        if (found.Count == 1) return (found[0], []);
        if (found.Count > 1) return (null, found.Select(t => t.Shown).ToList());
        return (null, TablesIn(db, schema));
    }

    /// <summary>Names of the tables and views that hold a geometry column, for the message that a table was not found.</summary>
    private static IReadOnlyList<string> TablesIn(NpgsqlConnection db, string? schema)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT DISTINCT n.nspname || '.' || c.relname
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND t.typname = 'geometry'
              AND ($1::text IS NULL AND n.nspname = ANY (current_schemas(false)) OR lower(n.nspname) = lower($1::text))
            ORDER BY 1 LIMIT 30
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)schema ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    public static List<CatalogColumn> Columns(NpgsqlConnection db, CatalogTable table)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT a.attname, t.typname, a.atttypmod, has_column_privilege(a.attrelid, a.attnum, 'SELECT')
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = table.Oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
        var columns = new List<CatalogColumn>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) columns.Add(new CatalogColumn(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3)));
        return columns;
    }

    /// <summary>The single-column primary key, whose values serve as ids when no id field is named (ogr2ogr's fid).</summary>
    public static string? PrimaryKey(NpgsqlConnection db, CatalogTable table)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT a.attname FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = $1 AND i.indisprimary AND i.indnatts = 1
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = table.Oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
        return command.ExecuteScalar() as string;
    }

    /// <summary>The column a plan names: exactly as written, else the only one that differs in case.</summary>
    public static CatalogColumn? Find(IReadOnlyList<CatalogColumn> columns, string name) =>
        columns.FirstOrDefault(c => c.Name == name)
        ?? (columns.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: 1 } one ? one[0] : null);

    /// <summary>A double-quoted identifier; only ever applied to names read from the catalogue.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
