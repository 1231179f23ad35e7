namespace ElementFlow.Sources.PostGis;

/// <summary>
/// A <c>layers:</c> entry that reads a PostGIS table:
/// <c>{ postgis: schema.table, filter: { COLUMN: value | { prefix: "…" } }, fields: { … }, geometry: column }</c>.
/// Nothing here is SQL: the table and every column are names, checked against the database's catalogue
/// before any statement uses them, and filter values travel as parameters.
/// </summary>
/// <param name="Table">As written: <c>schema.table</c>, or <c>table</c> for the first match on the search path.</param>
/// <param name="Filter">The rows this plan reads, by column.</param>
/// <param name="GeometryColumn">The geometry column, when the table has more than one.</param>
/// <param name="PlanYaml">plan.yaml as messages show it.</param>
/// <param name="Line">The entry's line in plan.yaml.</param>
public sealed record PostGisLayerSpec(string Table, IReadOnlyList<PostGisFilter> Filter, string? GeometryColumn, string PlanYaml, int Line)
{
    /// <summary>The schema and the table name as written; no schema when only a table is named.</summary>
    public (string? Schema, string Name)? Split()
    {
        var parts = Table.Split('.');
        return parts.Length switch
        {
            1 when parts[0].Length > 0 => (null, parts[0]),
            2 when parts[0].Length > 0 && parts[1].Length > 0 => (parts[0], parts[1]),
            _ => null,
        };
    }
}

/// <summary>One <c>filter:</c> entry: the column equals <see cref="Value"/>, or starts with <see cref="Prefix"/>.</summary>
public sealed record PostGisFilter(string Column, string? Value, string? Prefix, int Line);
