using System.Collections.Concurrent;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// Everything measurements of one plan share, built lazily and once: feature facts per layer,
/// selections and spatial indexes, and the scopes of its parent and children so that cross-plan
/// measurements reuse their indexes. Safe to use from several measurements at the same time.
/// </summary>
public sealed class PlanScope
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<FeatureFact>>> _facts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<Feature>>> _selections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<FeatureIndex>> _indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Feature, FeatureFact> _registry;
    private readonly ConcurrentDictionary<string, Lazy<object>> _shared = new(StringComparer.Ordinal);
    private readonly List<PlanScope> _children = [];

    /// <param name="registry">Feature facts of every plan in the check, so a parent's feature keeps one fact.</param>
    public PlanScope(Plan plan, PlanScope? parent, int childCount, ConcurrentDictionary<Feature, FeatureFact> registry)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (plan, Repairs) = PlanRepair.Repair(plan);
        RepairTime = clock.Elapsed;
        Plan = plan;
        Parent = parent;
        _registry = registry;
        PlanFact = new PlanFact(plan, parent?.PlanFact, childCount);
        parent?._children.Add(this);
    }

    /// <summary>A scope for a plan checked on its own.</summary>
    public PlanScope(Plan plan)
        : this(plan, null, 0, new ConcurrentDictionary<Feature, FeatureFact>(ReferenceEqualityComparer.Instance))
    {
    }

    /// <summary>The plan as measured: invalid geometry repaired (<see cref="PlanRepair"/>).</summary>
    public Plan Plan { get; }

    /// <summary>The features of <see cref="Plan"/> that were repaired, with their geometry as submitted and its problem (DATA-003).</summary>
    public IReadOnlyDictionary<Feature, Repaired> Repairs { get; }

    /// <summary>How long testing and repairing the plan's geometry took (reported as part of the validity measurement, which uses its result).</summary>
    public TimeSpan RepairTime { get; }
    public PlanFact PlanFact { get; }

    /// <summary>The as-of date and known rules approvals are judged by.</summary>
    public CheckOptions Options { get; init; } = CheckOptions.Today;

    /// <summary>Cancels the check; long measurements look at it between features.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Options for a measurement's parallel loop over features: all cores, stopping when the check is cancelled.</summary>
    public ParallelOptions Parallelism => new() { CancellationToken = Cancellation };
    public PlanScope? Parent { get; }

    /// <summary>The overall plans of the next subdivision: the children whose boundaries tile this plan's region.</summary>
    public IEnumerable<PlanScope> OverallChildren => _children.Where(c => c.Plan.Type == PlanType.Overall);

    /// <summary>The scopes of every plan of the check (this one alone when it is checked on its own).</summary>
    public IReadOnlyList<PlanScope> Tree { get; internal set; } = [];

    /// <summary>The scopes a relation names.</summary>
    public IEnumerable<PlanScope> Related(PlanRelation relation) => relation switch
    {
        PlanRelation.Self => [this],
        PlanRelation.Parent => Parent is null ? [] : [Parent],
        PlanRelation.Counterpart => Plan.Flows.Select(f => f.Counterpart).Distinct(StringComparer.Ordinal).SelectMany(OfRegion),
        _ => OverallChildren,
    };

    /// <summary>
    /// Told of every layer a measurement asks this scope for (the scope and the role), on the asking thread's
    /// async flow; a test sets it to check that measurements read only the layers they declare as inputs.
    /// </summary>
    public static readonly AsyncLocal<Action<PlanScope, string>?> Reading = new();

    private void Read(string role) => Reading.Value?.Invoke(this, role);

    /// <summary>
    /// The other plans of the check that plan a region (its overall plan first), for the flow rules: a region's code
    /// matches by its significant digits, so "330100" and "3301" name one city.
    /// </summary>
    public IEnumerable<PlanScope> OfRegion(string code)
    {
        var wanted = Region.SignificantPrefix(code);
        return Tree.Where(s => !ReferenceEquals(s, this) && Region.SignificantPrefix(s.Plan.Region.Code) == wanted)
            .OrderBy(s => s.Plan.Type == PlanType.Overall ? 0 : 1);
    }

    public bool HasLayer(string role)
    {
        Read(role);
        return Plan.Layers.ContainsKey(role);
    }

    /// <summary>The feature facts of a layer (empty when the plan lacks it).</summary>
    public IReadOnlyList<FeatureFact> Facts(string role)
    {
        Read(role);
        return _facts.GetOrAdd(role, r => new Lazy<IReadOnlyList<FeatureFact>>(() =>
        {
            if (Plan.Layer(r) is not { } layer) return [];
            return layer.Features.Select(f => _registry.GetOrAdd(f, feature => new FeatureFact(PlanFact, layer.Role, feature))).ToList();
        })).Value;
    }

    /// <summary>The fact of a feature of this plan or a related one.</summary>
    public FeatureFact FactOf(LayerRole role, Feature feature) =>
        _registry.TryGetValue(feature, out var fact) ? fact : _registry.GetOrAdd(feature, f => new FeatureFact(PlanFact, role, f));

    /// <summary>The features a selector picks, from this plan or the related plans it names.</summary>
    public IReadOnlyList<Feature> Select(LayerSelector selector)
    {
        if (selector.Plan == PlanRelation.Parent) return Parent?.Select(selector.Own) ?? [];
        if (selector.Plan == PlanRelation.Self) Read(selector.Role);
        else foreach (var child in OverallChildren) child.Read(selector.Role);
        return _selections.GetOrAdd(selector.Key, _ => new Lazy<IReadOnlyList<Feature>>(() =>
        {
            if (selector.Plan == PlanRelation.Children) return OverallChildren.SelectMany(c => c.Select(selector.Own)).ToList();
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
    }

    /// <summary>A spatial index over what a selector picks, built once per plan and selection (a parent's index is shared by its children).</summary>
    public FeatureIndex Index(LayerSelector selector) => selector.Plan == PlanRelation.Parent && Parent is not null
        ? Parent.Index(selector.Own)
        : ReadFor(selector)._indexes.GetOrAdd(selector.Key, _ => new Lazy<FeatureIndex>(() => new FeatureIndex(Select(selector)))).Value;

    /// <summary>The subject naming a feature; a feature of another plan of the tree carries that plan's id.</summary>
    public Core.Findings.Subject SubjectOf(FeatureFact fact) => ReferenceEquals(fact.Plan, PlanFact)
        ? new(fact.Layer, fact.Id)
        : new(fact.Layer, fact.Id) { Plan = fact.Plan.Id };

    /// <summary>An index over the union of several selections (one selection: its own shared index).</summary>
    public FeatureIndex Index(IReadOnlyList<LayerSelector> selectors) => selectors.Count == 1
        ? Index(selectors[0])
        : _indexes.GetOrAdd(string.Join("|", selectors.Select(s => s.Key)), _ => new Lazy<FeatureIndex>(() =>
            new FeatureIndex(selectors.SelectMany(Select)))).Value;

    private PlanScope ReadFor(LayerSelector selector)
    {
        if (selector.Plan == PlanRelation.Self) Read(selector.Role);
        else if (selector.Plan == PlanRelation.Children) foreach (var child in OverallChildren) child.Read(selector.Role);
        return this;
    }

    public LayerRole RoleOf(string role) => Plan.Layer(role)?.Role ?? LayerRole.Find(role)!;

    /// <summary>
    /// A value several measurements of this plan need (a road network; the plan's layer, indicator, issue and
    /// approval facts), built once by the first that asks, by key; the others wait for it. Facts made once hand
    /// the rule engine the same objects from every measurement, never duplicates.
    /// </summary>
    public T Shared<T>(string key, Func<T> build)
        where T : class => (T)_shared.GetOrAdd(key, _ => new Lazy<object>(build)).Value;
}
