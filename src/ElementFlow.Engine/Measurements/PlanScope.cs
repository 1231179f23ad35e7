using System.Collections.Concurrent;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// Everything measurements of one plan share, built lazily and once: feature facts per layer,
/// selections, and spatial indexes. Safe to use from several measurements at the same time.
/// </summary>
public sealed class PlanScope(Plan plan)
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<FeatureFact>>> _facts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<Feature>>> _selections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<FeatureIndex>> _indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Feature, FeatureFact> _factOf = new(ReferenceEqualityComparer.Instance);

    public Plan Plan { get; } = plan;
    public PlanFact PlanFact { get; } = new(plan);

    public bool HasLayer(string role) => Plan.Layers.ContainsKey(role);

    public bool IsBroken(string role) => Plan.BrokenLayers.Contains(role);

    /// <summary>The feature facts of a layer (empty when the plan lacks it).</summary>
    public IReadOnlyList<FeatureFact> Facts(string role) => _facts.GetOrAdd(role, r => new Lazy<IReadOnlyList<FeatureFact>>(() =>
    {
        if (Plan.Layer(r) is not { } layer) return [];
        var facts = layer.Features.Select(f => new FeatureFact(PlanFact, layer.Role, f)).ToList();
        foreach (var fact in facts) _factOf[fact.Source] = fact;
        return facts;
    })).Value;

    public FeatureFact FactOf(LayerRole role, Feature feature)
    {
        if (_factOf.TryGetValue(feature, out var fact)) return fact;
        Facts(role.Name);
        return _factOf.TryGetValue(feature, out fact) ? fact : new FeatureFact(PlanFact, role, feature);
    }

    /// <summary>The features a selector picks.</summary>
    public IReadOnlyList<Feature> Select(LayerSelector selector) => _selections.GetOrAdd(selector.Key, _ => new Lazy<IReadOnlyList<Feature>>(() =>
    {
        var facts = Facts(selector.Role);
        if (selector.IsWhole) return facts.Select(f => f.Source).ToList();
        var where = selector.Where is null ? null : CompiledConditions.FeatureFilter(selector.Where);
        return facts
            .Where(f => selector.Codes.Count == 0 || selector.Codes.Any(c => Codes.Match(f.Code, c)))
            .Where(f => !selector.ExceptCodes.Any(c => Codes.Match(f.Code, c)))
            .Where(f => where is null || where(f))
            .Select(f => f.Source)
            .ToList();
    })).Value;

    /// <summary>A spatial index over what a selector picks, built once per plan and selection.</summary>
    public FeatureIndex Index(LayerSelector selector) =>
        _indexes.GetOrAdd(selector.Key, _ => new Lazy<FeatureIndex>(() => new FeatureIndex(Select(selector)))).Value;

    public LayerRole RoleOf(string role) => Plan.Layer(role)?.Role ?? LayerRole.Find(role)!;
}
