using System.Collections.Concurrent;
using ElementFlow.Core.Planning;
using ElementFlow.Spatial;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// Repairs a plan's invalid geometry once, before anything is measured, so that every rule measures the
/// same repaired feature (docs/rule-authoring.md, "Invalid geometry"): a bow-tie is two triangles to
/// every overlap, gap, containment and area, whatever its vertex order. The validity test run here is
/// the one DATA-003 reports from, with the problem located in the geometry as submitted.
/// </summary>
public static class PlanRepair
{
    /// <summary>The plan with each invalid feature replaced by its repair (same id, attributes and ordinal), and the problem of each replaced feature.</summary>
    public static (Plan Plan, IReadOnlyDictionary<Feature, Repaired> Repairs) Repair(Plan plan)
    {
        var repairs = new ConcurrentDictionary<Feature, Repaired>(ReferenceEqualityComparer.Instance);
        Dictionary<string, Layer>? layers = null;
        foreach (var (role, layer) in plan.Layers)
        {
            var features = layer.Features;
            Feature[]? replaced = null;
            var gate = new object();
            Parallel.For(0, features.Count, () => 0, (i, _, n) =>
            {
                var f = features[i];
                if (GeometryRepair.Repair(f.Geometry, layer.Role.Geometry) is not { } fix) return n;
                var repaired = f with { Geometry = fix.Repaired };
                repairs[repaired] = new Repaired(f.Geometry!, fix.Problem);
                lock (gate) (replaced ??= [.. features])[i] = repaired;
                return n + 1;
            }, _ => { });
            if (replaced is null) continue;
            layers ??= new Dictionary<string, Layer>(plan.Layers, StringComparer.Ordinal);
            layers[role] = layer with { Features = replaced };
        }

        return (layers is null ? plan : plan with { Layers = layers }, repairs);
    }
}

/// <summary>A feature measured as repaired: its geometry as submitted, and what was wrong with it.</summary>
public sealed record Repaired(NetTopologySuite.Geometries.Geometry Submitted, GeometryProblem Problem);
