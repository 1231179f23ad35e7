namespace ElementFlow.Core.Planning;

/// <summary>
/// Plans linked by their <c>parent</c> entries. Plans the user asked to check are <em>checked</em>;
/// parents loaded only so that hierarchy rules can compare against them are <em>context</em>.
/// </summary>
public sealed class PlanTree
{
    private readonly Dictionary<Plan, Plan> _parents = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Plan, List<Plan>> _children = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Plan> _checked = new(ReferenceEqualityComparer.Instance);
    private readonly List<Plan> _all = [];

    public IReadOnlyList<Plan> All => _all;

    /// <summary>The plans to report on, in the order they were given.</summary>
    public IEnumerable<Plan> Checked => _all.Where(_checked.Contains);

    public static PlanTree Single(Plan plan)
    {
        var tree = new PlanTree();
        tree.Add(plan, isChecked: true);
        return tree;
    }

    public void Add(Plan plan, bool isChecked)
    {
        if (_all.Contains(plan)) return;
        _all.Add(plan);
        if (isChecked) _checked.Add(plan);
    }

    public void Link(Plan child, Plan parent)
    {
        _parents[child] = parent;
        (_children.TryGetValue(parent, out var list) ? list : _children[parent] = []).Add(child);
    }

    public void Unlink(Plan child)
    {
        if (_parents.Remove(child, out var parent)) _children[parent].Remove(child);
    }

    public Plan? ParentOf(Plan plan) => _parents.GetValueOrDefault(plan);

    public IReadOnlyList<Plan> ChildrenOf(Plan plan) => _children.TryGetValue(plan, out var list) ? list : [];

    public bool IsChecked(Plan plan) => _checked.Contains(plan);

    /// <summary>How many ancestors a plan has in the tree (0 at a root).</summary>
    public int Depth(Plan plan)
    {
        var depth = 0;
        for (var p = ParentOf(plan); p is not null && depth < _all.Count; p = ParentOf(p)) depth++;
        return depth;
    }
}
