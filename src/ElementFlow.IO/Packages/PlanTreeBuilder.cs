using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;

namespace ElementFlow.IO.Packages;

/// <summary>
/// Links loaded plans by their <c>parent</c> entries into a <see cref="PlanTree"/>. A parent that was
/// not among the plans given is loaded as context (so a county can be checked against its city
/// without checking the city); a parent that does not exist, a loop, or two plans of one kind for
/// one region are diagnostics.
/// </summary>
public static class PlanTreeBuilder
{
    /// <summary>Ancestors further up than this are not loaded; real trees have at most five levels and their detailed plans.</summary>
    private const int MaxDepth = 8;

    /// <param name="parentLevels">How many levels of parents outside <paramref name="plans"/> are loaded as context (a national review's task loads one).</param>
    public static (PlanTree Tree, IReadOnlyList<Diagnostic> Diagnostics) Build(IReadOnlyList<Plan> plans, Func<string, PlanLoadResult> load, int parentLevels = MaxDepth)
    {
        parentLevels = Math.Clamp(parentLevels, 0, MaxDepth);
        var tree = new PlanTree();
        var diagnostics = new List<Diagnostic>();
        var byLocation = new Dictionary<string, Plan>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            if (byLocation.TryAdd(plan.Location, plan)) tree.Add(plan, isChecked: true);
        }

        var pending = new Queue<(Plan Plan, int Depth)>(tree.All.Select(p => (p, 0)));
        while (pending.Count > 0)
        {
            var (plan, depth) = pending.Dequeue();
            if (plan.ParentLocation is not { } location) continue;
            if (!byLocation.TryGetValue(location, out var parent) && depth < parentLevels)
            {
                if (Directory.Exists(location) || File.Exists(location))
                {
                    var loaded = load(location);
                    diagnostics.AddRange(loaded.Diagnostics);
                    if (loaded.Plan is { } context)
                    {
                        parent = context;
                        byLocation[location] = context;
                        tree.Add(context, isChecked: false);
                        pending.Enqueue((context, depth + 1));
                    }
                }
                else
                {
                    diagnostics.Add(Diagnostic.Error("tree.parent-missing", Yaml(plan), plan.ParentLine, null,
                        ("plan", plan.Id), ("parent", plan.Parent)));
                }
            }

            if (parent is not null) tree.Link(plan, parent);
        }

        BreakCycles(tree, diagnostics);
        ReportDuplicates(tree, diagnostics);
        return (tree, diagnostics);
    }

    private static void BreakCycles(PlanTree tree, List<Diagnostic> diagnostics)
    {
        foreach (var plan in tree.All)
        {
            var seen = new List<Plan> { plan };
            for (var p = tree.ParentOf(plan); p is not null; p = tree.ParentOf(p))
            {
                if (!ReferenceEquals(p, plan) && !seen.Contains(p))
                {
                    seen.Add(p);
                    continue;
                }

                if (ReferenceEquals(p, plan))
                {
                    diagnostics.Add(Diagnostic.Error("tree.cycle", Yaml(plan), plan.ParentLine, null,
                        ("plan", plan.Id), ("chain", string.Join(" → ", seen.Select(s => s.Id).Append(plan.Id)))));
                    tree.Unlink(plan);
                }

                break;
            }
        }
    }

    private static void ReportDuplicates(PlanTree tree, List<Diagnostic> diagnostics)
    {
        foreach (var group in tree.All.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            var list = group.ToList();
            diagnostics.Add(Diagnostic.Error("tree.duplicate-id", Yaml(list[1]), null, null,
                ("plan", group.Key), ("first", list[0].Path), ("second", list[1].Path)));
        }

        foreach (var group in tree.All.Where(p => p.Type == PlanType.Overall).GroupBy(p => (p.Level, p.Region.Code)).Where(g => g.Count() > 1))
        {
            var list = group.ToList();
            diagnostics.Add(Diagnostic.Error("tree.duplicate-region", Yaml(list[1]), null, null,
                ("region", group.Key.Code),
                ("kind", new Core.Text.LocalizedText(
                    PlanKinds.Describe(group.Key.Level, PlanType.Overall, Core.Text.Language.Zh),
                    PlanKinds.Describe(group.Key.Level, PlanType.Overall, Core.Text.Language.En))),
                ("first", list[0].Path), ("second", list[1].Path)));
        }
    }

    private static string Yaml(Plan plan) => $"{plan.Path.TrimEnd('/', '\\')}/plan.yaml";
}
