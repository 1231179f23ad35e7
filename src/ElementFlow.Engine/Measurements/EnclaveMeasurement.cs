using System.Text.RegularExpressions;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Facts;
using ElementFlow.Spatial;
using NetTopologySuite.Geometries;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// Enclaves counted once (enclaves). For each enclave of the plan's own <c>enclaves</c> layer: attributes that do
/// not name this plan's region as host or home; as host, the part outside its boundary, whether the home's plan
/// (in the tree) declares it too, and the land use and UDB the plan that does not count it draws over it; as
/// home, whether the host's plan declares it. A plan whose region contains the other's (a city's enclave in its
/// county) aggregates its children's land, so it is not held to "counted once".
/// </summary>
public sealed partial class EnclaveMeasurement : Measurement
{
    private static readonly string[] Counted = [LayerRole.LandUse.Name, LayerRole.UrbanDevelopmentBoundary.Name];

    public override string Key => "enclaves";
    public override IReadOnlyList<LayerInput> Inputs => [LayerInput.Own(LayerRole.Enclaves.Name)];

    public override MeasureResult Run(PlanScope scope)
    {
        var facts = new List<object>();
        var own = scope.Plan.Region.Code;
        foreach (var enclave in scope.Facts(LayerRole.Enclaves.Name))
        {
            var e = enclave.Source;
            var host = e.Text("host") ?? "";
            var home = e.Text("home") ?? "";
            var countedBy = e.Text("counted_by") ?? "host";
            var args = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["enclave"] = e.Id, ["host"] = host, ["home"] = home, ["counted_by"] = countedBy, ["layer"] = LayerRole.Enclaves.Name, ["id"] = e.Id,
            };
            var problem = !Code().IsMatch(host) || !Code().IsMatch(home) ? "host and home must be region codes"
                : countedBy is not ("host" or "home") ? "counted_by must be host or home"
                : !Same(own, host) && !Same(own, home) ? $"neither host nor home is this plan's region {own}"
                : Same(host, home) ? "host and home are one region"
                : null;
            if (problem is not null || e.Geometry is not { IsEmpty: false } geometry)
            {
                facts.Add(Observe(scope, enclave, "attributes", 1, null, args, ("problem", problem ?? "no geometry")));
                continue;
            }

            var isHost = Same(own, host);
            var other = scope.OfRegion(isHost ? home : host).FirstOrDefault();
            if (other is not null && !other.Facts(LayerRole.Enclaves.Name).Any(f => f.Id == e.Id))
            {
                facts.Add(Observe(scope, enclave, "undeclared", 1, null, args, ("other", isHost ? home : host), ("other_plan", other.Plan.Id)));
            }

            if (!isHost) continue;
            var boundary = scope.Select(Rules.Model.LayerSelector.Whole(LayerRole.Boundary.Name)).Where(f => f.Geometry.IsPolygonal()).Select(f => f.Geometry!).ToList();
            if (boundary.Count > 0)
            {
                var outside = Overlaps.Difference(geometry, Overlaps.Union(boundary));
                if (outside.Area > 0) facts.Add(Observe(scope, enclave, "outside-host", outside.Area, outside, args));
            }

            // The plan that does not count the enclave keeps its land use and UDB off it (unless it is the other's ancestor).
            var notCounting = countedBy == "host" ? other : scope;
            var counting = countedBy == "host" ? scope : other;
            if (notCounting is null || (counting is not null && notCounting.Plan.Region.Contains(counting.Plan.Region.Code)))
            {
                continue;
            }

            foreach (var role in Counted)
            {
                var drawn = notCounting.Index(Rules.Model.LayerSelector.Whole(role)).Candidates(geometry.EnvelopeInternal)
                    .Where(f => f.Geometry.IsPolygonal() && f.Geometry!.Intersects(geometry)).Select(f => f.Geometry!).ToList();
                if (drawn.Count == 0) continue;
                var overlap = Overlaps.Intersection(geometry, Overlaps.Union(drawn));
                if (overlap.Area > 0)
                {
                    facts.Add(Observe(scope, enclave, "double-counted", overlap.Area, overlap, args,
                        ("other_plan", notCounting.Plan.Id), ("layer_name", role), ("other", notCounting.Plan.Region.Code)));
                }
            }
        }

        return new MeasureResult(facts);
    }

    private static bool Same(string a, string b) => a.Length > 0 && Region.SignificantPrefix(a) == Region.SignificantPrefix(b);

    private Observation Observe(PlanScope scope, FeatureFact enclave, string category, double value, Geometry? geometry, Dictionary<string, object?> args, params (string Name, object? Value)[] more)
    {
        var all = new Dictionary<string, object?>(args, StringComparer.Ordinal);
        foreach (var (k, v) in more) all[k] = v;
        foreach (var name in new[] { "other", "other_plan", "layer_name", "problem" }) all.TryAdd(name, "");
        return new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = value,
            Category = category,
            A = enclave,
            Subjects = [new Subject(LayerRole.Enclaves.Name, enclave.Id)],
            Geometry = geometry ?? enclave.Source.Geometry,
            Arguments = all,
        };
    }

    [GeneratedRegex("^[0-9]{2,12}$")]
    private static partial Regex Code();
}
