using System.Security.Cryptography;
using System.Text;
using ElementFlow.Checking;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Findings;

namespace ElementFlow.Review;

/// <summary>
/// The plans of a review and its tasks. The tree is built by <see cref="CheckService"/> itself, over digests that hold
/// no layer at all (plan.yaml: ids, parents, regions, flows), so it is the tree <c>check</c> builds, with the same
/// tree diagnostics; then every checked plan gets a task of its own, and every plan with children a cross-plan task.
/// </summary>
public sealed class ReviewIndex
{
    /// <summary>The index check: the plans' entries in tree order, the rule sets, and the catalogue and tree diagnostics, with no finding.</summary>
    public required Report Skeleton { get; init; }

    public required IReadOnlyList<ReviewTask> PlanTasks { get; init; }

    public required IReadOnlyList<ReviewTask> CrossTasks { get; init; }

    /// <summary>The paths of the packages found, each once.</summary>
    public required IReadOnlyList<string> Packages { get; init; }

    public IEnumerable<ReviewTask> Tasks => PlanTasks.Concat(CrossTasks);

    /// <param name="inputs">Folders holding packages, packages, or manifests: text files naming one package or folder a line (relative to the file; # starts a comment).</param>
    public static ReviewIndex Build(IReadOnlyList<string> inputs, CheckRequest template, CancellationToken cancellation)
    {
        var expanded = inputs.SelectMany(Expand).ToList();
        var outcome = new CheckService().Check(template with
        {
            Plans = expanded,
            FindPlansBelow = true,
            OnlyRules = new HashSet<string>(),
            Layers = new HashSet<string>(),
        }, cancellation);
        var skeleton = outcome.Report with
        {
            Findings = [],
            Skipped = [],
            RulesRun = 0,
            NotApplicable = 0,
            Equity = [],
            Flows = [],
            Diagnostics = outcome.Catalog.Diagnostics.Concat(outcome.TreeDiagnostics).ToList(),
        };

        var plans = outcome.Plans;
        var paths = expanded.SelectMany(IO.Packages.PlanDiscovery.Find).Distinct().ToList();
        var repeated = plans.GroupBy(p => p.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        string Name(Plan p) => repeated.Contains(p.Id) ? $"{Safe(p.Id)}-{Hash(p.Location)}" : Safe(p.Id);

        var planTasks = new List<ReviewTask>();
        foreach (var plan in plans) planTasks.Add(new ReviewTask($"plan-{Name(plan)}", TaskKind.Plan, [plan.Path], [plan.Id], []));

        // Packages that did not load keep a task: its check reports why, as check does.
        for (var i = 0; i < outcome.Loaded.Count; i++)
        {
            if (outcome.Loaded[i].Plan is null && i < paths.Count) planTasks.Add(new ReviewTask($"plan-refused-{Hash(paths[i])}", TaskKind.Plan, [paths[i]], [], []));
        }

        return new ReviewIndex { Skeleton = skeleton, PlanTasks = planTasks, CrossTasks = GroupTasks(plans, Name), Packages = paths };
    }

    /// <summary>
    /// Groups for the cross-plan rules: a plan with children checks itself with its children that have none (one
    /// level of parent loaded, children heading groups of their own read as context); a plan whose parent heads a
    /// group is checked there; any other plan alone, with its parent when that exists outside the review. Each
    /// checked plan is in exactly one group, and each group holds every plan its members' cross rules read.
    /// </summary>
    private static List<ReviewTask> GroupTasks(IReadOnlyList<Plan> plans, Func<Plan, string> name)
    {
        var byLocation = plans.GroupBy(p => p.Location, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var children = plans.Where(p => p.ParentLocation is { } l && byLocation.ContainsKey(l))
            .GroupBy(p => p.ParentLocation!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        bool HeadsGroup(Plan p) => children.ContainsKey(p.Location);
        var byRegion = plans.GroupBy(p => Region.SignificantPrefix(p.Region.Code), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var tasks = new List<ReviewTask>();
        foreach (var plan in plans)
        {
            List<Plan> members;
            var context = new List<Plan>();
            if (HeadsGroup(plan))
            {
                var kids = children[plan.Location];
                members = [plan, .. kids.Where(k => !HeadsGroup(k))];
                context.AddRange(kids.Where(HeadsGroup));
            }
            else if (plan.ParentLocation is { } parent && byLocation.ContainsKey(parent))
            {
                continue;
            }
            else
            {
                members = [plan];
            }

            // The plans the members' flows name: the flow rules look for the mirror entry in the counterpart's plan.
            foreach (var flow in members.SelectMany(m => m.Flows))
            {
                if (byRegion.TryGetValue(Region.SignificantPrefix(flow.Counterpart), out var others)) context.AddRange(others);
            }

            var memberSet = members.ToHashSet(ReferenceEqualityComparer.Instance);
            tasks.Add(new ReviewTask($"cross-{name(plan)}", TaskKind.Cross,
                members.Select(m => m.Path).ToList(), members.Select(m => m.Id).ToList(),
                context.Where(c => !memberSet.Contains(c)).Select(c => c.Path).Distinct().ToList()));
        }

        return tasks;
    }

    /// <summary>Folders and packages as they are; a manifest file becomes the paths it lists.</summary>
    private static IEnumerable<string> Expand(string input)
    {
        if (!File.Exists(input) || input.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(input) == "plan.yaml") return [input];
        var folder = Path.GetDirectoryName(Path.GetFullPath(input))!;
        return File.ReadAllLines(input)
            .Select(l => l.Split('#')[0].Trim())
            .Where(l => l.Length > 0)
            .Select(l => Path.IsPathRooted(l) ? l : Path.Combine(folder, l))
            .ToList();
    }

    internal static string Safe(string id)
    {
        var text = new StringBuilder(id.Length);
        foreach (var c in id) text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        var safe = text.ToString().TrimStart('.');
        return safe.Length == 0 || safe != id ? $"{safe}-{Hash(id)}" : safe;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
