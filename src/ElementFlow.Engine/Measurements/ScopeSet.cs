using System.Collections.Concurrent;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Facts;

namespace ElementFlow.Engine.Measurements;

/// <summary>The scopes of every plan of a tree, built parents first so each knows its parent and children.</summary>
public sealed class ScopeSet
{
    private readonly Dictionary<Plan, PlanScope> _scopes = new(ReferenceEqualityComparer.Instance);

    public ScopeSet(PlanTree tree, CheckOptions options, CancellationToken cancellation = default)
    {
        var registry = new ConcurrentDictionary<Feature, FeatureFact>(ReferenceEqualityComparer.Instance);
        foreach (var plan in tree.All.OrderBy(tree.Depth))
        {
            var parent = tree.ParentOf(plan) is { } p ? _scopes.GetValueOrDefault(p) : null;
            _scopes[plan] = new PlanScope(plan, parent, tree.ChildrenOf(plan).Count, registry) { Options = options, Cancellation = cancellation };
        }

        var all = _scopes.Values.ToList();
        foreach (var scope in all) scope.Tree = all;
    }

    public PlanScope this[Plan plan] => _scopes[plan];
}
