using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// The population-weighted share of homes within the walking distance of each target group, or of all
/// groups together (coverage). One observation per group (or one for the bundle): value the share
/// (along the roads where the plan has them, else by straight line), subjects the homes out of reach.
/// Also adds the per-subdistrict shares to the report's life-circle table.
/// </summary>
/// <param name="declared">An indicator a check compares the share with; only so the check is not applicable without it.</param>
/// <param name="column">The check's measure name without its unit, naming the table column (else the group's name, or <c>all</c> for a bundle); not part of the key.</param>
public sealed class CoverageMeasurement(CoverageSpec spec, string? declared, string? column) : Measurement
{
    private static readonly LayerSelector Subdistricts = LayerSelector.Whole(LayerRole.Subdistricts.Name);

    public override string Key => $"coverage:{spec.Key}";
    public override IReadOnlyList<LayerInput> Inputs => EquityInputs.Optional(spec, [LayerInput.Of(spec.From), LayerInput.Of(spec.To.Layer), LayerInput.Maybe(Subdistricts.Role)]);
    public override IReadOnlyList<string> Indicators => declared is null ? [] : [declared];

    public override MeasureResult Run(PlanScope scope)
    {
        var homes = EquityInputs.Homes(scope, spec.From, spec.PopulationAttribute);
        if (homes.Total <= 0) return MeasureResult.Missing($"no {spec.From} feature has a {spec.PopulationAttribute}");
        var facts = new List<object>();
        var rows = new List<EquityRow>();
        foreach (var series in CoverageSeries.Of(scope, homes, spec))
        {
            facts.Add(Observe(scope, homes, series));
            if (scope.HasLayer(Subdistricts.Role)) rows.AddRange(Rows(scope, homes, series));
        }

        return new MeasureResult(facts) { Equity = rows };
    }

    private Observation Observe(PlanScope scope, Residents homes, CoverageSeries series)
    {
        var uncovered = Enumerable.Range(0, homes.Features.Count).Where(i => !series.Covered(i)).ToList();
        var straight = series.StraightShare(Enumerable.Range(0, homes.Features.Count));
        var share = series.Share(Enumerable.Range(0, homes.Features.Count));
        return new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = share,
            Category = series.Label,
            MeasureName = series.Group is null ? null : $"{series.Label}_share",
            Subjects = uncovered.Select(i => scope.SubjectOf(scope.FactOf(homes.Role, homes.Features[i]))).ToList(),
            Geometry = EquityInputs.Collect(uncovered.Select(i => homes.Features[i])),
            Related = series.IsNetwork ? new Dictionary<string, double> { ["straight_line_share"] = straight } : null,
            Arguments = new Dictionary<string, object?>
            {
                ["kind"] = series.Text, ["distance"] = spec.DistanceM, ["share"] = share,
                ["straight_line_share"] = straight, ["network_share"] = series.IsNetwork ? share : null,
                ["straight_line_note"] = EquityInputs.StraightLineNote(series.IsNetwork, straight),
                ["method"] = EquityInputs.MethodText(series.IsNetwork), ["population"] = homes.Total,
                ["uncovered_population"] = uncovered.Sum(i => homes.Population[i]), ["uncovered"] = uncovered.Count,
                ["layer"] = homes.Role.Name,
            },
        };
    }

    /// <summary>A table column: the check's measure name, the group's name, or <c>all</c>; both names when the check has several groups.</summary>
    internal static string Column(string? stem, CoverageSeries series, CoverageSpec spec) => (stem, series.Group) switch
    {
        (null, null) => "all",
        (null, _) => series.Label,
        (_, null) => stem,
        _ => spec.To.GroupSelectors.Count == 1 ? stem : $"{stem}_{series.Label}",
    };

    private IEnumerable<EquityRow> Rows(PlanScope scope, Residents homes, CoverageSeries series)
    {
        var units = scope.Select(Subdistricts);
        var members = EquityInputs.Members(scope, homes, Subdistricts, units.Count);
        var name = $"{Column(column, series, spec)}_{spec.DistanceM:0.##}m";
        for (var u = 0; u < units.Count; u++)
        {
            var inside = members[u];
            var population = inside.Sum(i => homes.Population[i]);
            var coverage = new Dictionary<string, double>(StringComparer.Ordinal);
            if (population > 0) coverage[name] = series.Share(inside);
            yield return new EquityRow(scope.Plan.Id, units[u].Id, units[u].Text("name"), population, coverage);
        }
    }
}
