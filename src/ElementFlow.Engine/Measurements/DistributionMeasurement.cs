using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// Residents per unit (subdistrict): each unit's coverage share or its count of targets at least a
/// floor, and the best and worst units no further apart than a gap (distribution). Observations of
/// category <c>floor</c> (one per unit and series) and <c>gap</c> (one per series).
/// </summary>
/// <param name="column">For coverage, the check's measure name without its unit, naming the table column (see <see cref="CoverageMeasurement"/>); not part of the key.</param>
public sealed class DistributionMeasurement(DistributionCheck check, string? column) : Measurement
{
    public override string Key => check.Of == DistributionMeasure.Coverage
        ? $"distribution:{check.Units.Key}:coverage:{check.Coverage!.Key}"
        : $"distribution:{check.Units.Key}:count:{string.Join("+", check.Counted!.GroupSelectors.Select(s => s.Key))}";

    public override IReadOnlyList<LayerInput> Inputs => check.Of == DistributionMeasure.Coverage
        ? EquityInputs.Optional(check.Coverage!, [LayerInput.Of(check.Units), LayerInput.Of(check.Coverage!.From), LayerInput.Of(check.Coverage.To.Layer)])
        : [LayerInput.Of(check.Units), LayerInput.Of(check.Counted!.Layer)];

    public override MeasureResult Run(PlanScope scope)
    {
        var units = scope.Select(check.Units);
        var role = scope.RoleOf(check.Units.Role);
        var facts = new List<object>();
        var rows = new List<EquityRow>();
        foreach (var (label, text, values, unitName, series) in check.Of == DistributionMeasure.Coverage ? Shares(scope, units) : Counts(scope, units))
        {
            if (series is not null && check.Units.Role == LayerRole.Subdistricts.Name && check.Units.IsWhole)
            {
                var name = $"{CoverageMeasurement.Column(column, series, check.Coverage!)}_{check.Coverage!.DistanceM:0.##}m";
                rows.AddRange(values.Select(v => new EquityRow(scope.Plan.Id, units[v.Unit].Id, units[v.Unit].Text("name"),
                    v.Args.TryGetValue("population", out var p) && p is double d ? d : 0,
                    v.Value is { } share ? new Dictionary<string, double> { [name] = share } : new Dictionary<string, double>())));
            }

            var measured = values.Where(v => v.Value is not null).ToList();
            foreach (var (u, value, args) in measured)
            {
                var fact = scope.FactOf(role, units[u]);
                var arguments = new Dictionary<string, object?>(args)
                {
                    ["unit"] = units[u].Id, ["unit_name"] = units[u].Text("name"), ["kind"] = text, ["layer"] = role.Name, ["id"] = units[u].Id,
                };
                facts.Add(new Observation
                {
                    Key = Key, Plan = scope.PlanFact, Value = value!.Value, Category = "floor", MeasureName = unitName, A = fact,
                    Subjects = [scope.SubjectOf(fact)], Geometry = units[u].Geometry,
                    Related = args.TryGetValue("straight_line_share", out var s) && args.ContainsKey("network_share") && s is double d
                        ? new Dictionary<string, double> { ["straight_line_share"] = d } : null,
                    Arguments = arguments,
                });
            }

            if (measured.Count < 2) continue;
            var best = measured.OrderByDescending(v => v.Value).First();
            var worst = measured.OrderBy(v => v.Value).First();
            var (b, w) = (scope.FactOf(role, units[best.Unit]), scope.FactOf(role, units[worst.Unit]));
            facts.Add(new Observation
            {
                Key = Key, Plan = scope.PlanFact, Value = best.Value!.Value - worst.Value!.Value, Category = "gap",
                MeasureName = MeasureNames.Gap(unitName), A = b, B = w, Subjects = [scope.SubjectOf(b), scope.SubjectOf(w)],
                Geometry = EquityInputs.Collect([units[best.Unit], units[worst.Unit]]),
                Arguments = new Dictionary<string, object?>(worst.Args.Where(a => a.Key is "distance" or "method"))
                {
                    ["kind"] = text, ["best"] = b.Id, ["best_name"] = units[best.Unit].Text("name"), ["best_value"] = best.Value,
                    ["worst"] = w.Id, ["worst_name"] = units[worst.Unit].Text("name"), ["worst_value"] = worst.Value,
                    ["layer"] = role.Name,
                },
            });
        }

        return new MeasureResult(facts) { Equity = rows };
    }

    private IEnumerable<Series> Shares(PlanScope scope, IReadOnlyList<Feature> units)
    {
        var spec = check.Coverage!;
        var homes = EquityInputs.Homes(scope, spec.From, spec.PopulationAttribute);
        var members = EquityInputs.Members(scope, homes, check.Units, units.Count);
        foreach (var series in CoverageSeries.Of(scope, homes, spec))
        {
            var values = members.Select((inside, u) =>
            {
                var population = inside.Sum(i => homes.Population[i]);
                if (population <= 0) return (u, (double?)null, new Dictionary<string, object?>());
                var share = series.Share(inside);
                var straight = series.StraightShare(inside);
                return (u, share, new Dictionary<string, object?>
                {
                    ["share"] = share, ["straight_line_share"] = straight, ["network_share"] = series.IsNetwork ? share : null,
                    ["straight_line_note"] = EquityInputs.StraightLineNote(series.IsNetwork, straight),
                    ["population"] = population, ["distance"] = spec.DistanceM, ["method"] = EquityInputs.MethodText(series.IsNetwork),
                });
            }).ToList();
            if (!series.IsNetwork)
            {
                foreach (var v in values) v.Item3.Remove("network_share");
            }

            yield return new Series(series.Label, series.Text, values, series.Group is null ? "coverage_share" : $"{series.Label}_share", series);
        }
    }

    private IEnumerable<Series> Counts(PlanScope scope, IReadOnlyList<Feature> units)
    {
        var index = scope.Index(check.Units);
        foreach (var group in check.Counted!.GroupSelectors)
        {
            var counts = new int[units.Count];
            var position = new Dictionary<Feature, int>(ReferenceEqualityComparer.Instance);
            for (var u = 0; u < units.Count; u++) position[units[u]] = u;
            foreach (var target in scope.Select(group).Where(t => t.Geometry is { IsEmpty: false }))
            {
                // A polygon counts where its interior point lies, so it counts once.
                var at = target.Geometry is NetTopologySuite.Geometries.Point p ? p : target.Geometry!.InteriorPoint;
                foreach (var unit in index.Candidates(at.EnvelopeInternal).Where(u => u.Geometry.IsPolygonal() && u.Geometry!.Covers(at)))
                {
                    counts[position[unit]]++;
                }
            }

            var label = CoverageTarget.Label(group);
            var values = counts.Select((c, u) => (u, (double?)c, new Dictionary<string, object?> { ["count"] = c })).ToList();
            yield return new Series(label, EquityInputs.Describe(group), values, $"{label}_count", null);
        }
    }

    private sealed record Series(string Label, Core.Text.LocalizedText Text, List<(int Unit, double? Value, Dictionary<string, object?> Args)> Values, string MeasureName, CoverageSeries? Coverage);
}

/// <summary>Measure names derived from another: the gap between units of a share or a count.</summary>
public static class MeasureNames
{
    /// <summary><c>elderly_care_share</c> → <c>elderly_care_gap_share</c>; <c>health_centre_count</c> → <c>health_centre_count_gap</c>.</summary>
    public static string Gap(string name) => name.EndsWith("_share", StringComparison.Ordinal) ? name[..^"_share".Length] + "_gap_share" : name + "_gap";
}
