namespace ElementFlow.Core.Findings;

/// <summary>
/// One subdistrict's line of the life-circle table a report shows beside the findings: its residents
/// and, for each coverage the rules measured, the share of them within reach.
/// </summary>
/// <param name="Plan">The plan.</param>
/// <param name="Subdistrict">The subdistrict's feature id.</param>
/// <param name="Name">Its <c>name</c> attribute, if any.</param>
/// <param name="Population">Residents counted in it (the residential layer's population, not the subdistrict's own attribute).</param>
/// <param name="Coverage">Share (0–1) by column, e.g. <c>kindergarten_300m</c>; a column is missing where the subdistrict has no residents.</param>
public sealed record EquityRow(string Plan, string Subdistrict, string? Name, double Population, IReadOnlyDictionary<string, double> Coverage)
{
    /// <summary>Joins the partial rows of several measurements into one row per plan and subdistrict, columns in name order.</summary>
    public static IReadOnlyList<EquityRow> Merge(IEnumerable<EquityRow> rows) => rows
        .GroupBy(r => (r.Plan, r.Subdistrict))
        .Select(g => g.First() with
        {
            Coverage = new SortedDictionary<string, double>(
                g.SelectMany(r => r.Coverage).GroupBy(kv => kv.Key).ToDictionary(c => c.Key, c => c.First().Value),
                StringComparer.Ordinal),
        })
        .OrderBy(r => r.Plan, StringComparer.Ordinal)
        .ThenBy(r => r.Subdistrict, Comparer<string>.Create(Subject.NaturalCompare))
        .ToList();
}
