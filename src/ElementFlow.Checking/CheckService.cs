using System.Diagnostics;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Engine;
using ElementFlow.IO.Packages;

namespace ElementFlow.Checking;

/// <summary>
/// The one way to check plans, whatever the host: loads the packages, links them into a tree, runs the
/// rules and returns the report. Holds no state between checks and touches nothing process-wide; one
/// instance may run several checks at once.
/// </summary>
public sealed class CheckService
{
    /// <summary>
    /// Raised as the check moves on: per package loaded, per measurement, per plan decided. Handlers run on the
    /// checking threads, one at a time, and should return quickly.
    /// </summary>
    public event EventHandler<CheckProgress>? Progress;

    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; the check stops within a moment, inside long measurements too.</exception>
    public CheckOutcome Check(CheckRequest request, CancellationToken cancellation = default)
    {
        var catalog = request.Rules;
        if (catalog.HasErrors)
        {
            return new CheckOutcome { Report = new Report { Plans = [], RuleSets = [], Findings = [], Diagnostics = catalog.Diagnostics }, Catalog = catalog, RulesRejected = true };
        }

        var settings = request.Settings;
        if (request.Layers is { } roles) settings = settings with { Sources = LayerDigest.Of(settings.Sources, roles) };
        var checkedAt = DateTimeOffset.Now;
        var phases = new List<(string, TimeSpan)>();
        var gate = new object();
        void Raise(CheckProgress p)
        {
            if (Progress is not { } handler) return;
            lock (gate) handler(this, p);
        }

        // The rules compile (NRules builds its network: 0.4 s for the built-in sets) while the packages load;
        // the compile phase then times only the wait for it.
        var compiling = request.Compiled is { } given && given.Serves(request)
            ? Task.FromResult(given.Checker)
            : Task.Run(() => CompiledRules.Build(catalog, request.OnlyRules, settings.AsOf), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var loaded = LoadPlans(request, settings, Raise, cancellation);
        phases.Add((CheckProgress.LoadPlans, clock.Elapsed));

        clock.Restart();
        Raise(new CheckProgress(CheckProgress.PlanTree, null, [], 0));
        PlanLoadResult Load(string path) => PlanLoader.Load(path, settings.Limits, settings.Sources, cancellation);
        var (tree, treeDiagnostics) = PlanTreeBuilder.Build(loaded.Where(l => l.Plan is not null).Select(l => l.Plan!).ToList(), Load, request.ParentLevels);
        var contextDiagnostics = AddContext(tree, request.Context, Load);
        phases.Add((CheckProgress.PlanTree, clock.Elapsed));

        clock.Restart();
        cancellation.ThrowIfCancellationRequested();
        Raise(new CheckProgress(CheckProgress.CompileRules, null, [], 0));
        var checker = compiling.GetAwaiter().GetResult();
        phases.Add((CheckProgress.CompileRules, clock.Elapsed));

        var results = checker.Check(tree, step => Raise(ToProgress(step)), cancellation);
        phases.Add((CheckProgress.Measure, TimeSpan.FromTicks(results.Sum(r => r.MeasureTime.Ticks))));
        phases.Add((CheckProgress.Decide, TimeSpan.FromTicks(results.Sum(r => r.DecideTime.Ticks))));

        var findings = Report.Sort(results.SelectMany(r => r.Findings));
        BaselineSummary? compared = null;
        if (settings.Baseline is { } previous) (findings, compared) = Baseline.Compare(findings, previous);
        var report = new Report
        {
            Plans = PlanOrder.TreeOrder(tree).Select(p => new PlanEntry(p.Id, p.Level, p.Type, p.Path, p.Region.Code, tree.ParentOf(p)?.Id) { Crs = p.Crs.Text }).ToList(),
            RuleSets = catalog.RuleSets.Select(s => new RuleSetEntry(s.Id, s.Version)).ToList(),
            Findings = findings,
            Baseline = compared,
            Diagnostics = catalog.Diagnostics.Concat(loaded.SelectMany(l => l.Diagnostics)).Concat(treeDiagnostics).Concat(contextDiagnostics).ToList(),
            Skipped = results.SelectMany(r => r.Skipped).ToList(),
            RulesRun = results.Sum(r => r.RulesRun),
            NotApplicable = results.Sum(r => r.NotApplicable),
            Equity = results.SelectMany(r => r.Equity).ToList(),
            Flows = results.SelectMany(r => r.Flows).ToList(),
        };
        Raise(new CheckProgress(CheckProgress.Done, null, [], 1));
        return new CheckOutcome
        {
            Report = report,
            Catalog = catalog,
            Loaded = loaded,
            TreeDiagnostics = treeDiagnostics,
            Plans = tree.Checked.ToList(),
            Results = results,
            Phases = phases,
            AsOf = settings.AsOf,
            CheckedAt = checkedAt,
        };
    }

    private static PlanLoadResult[] LoadPlans(CheckRequest request, CheckSettings settings, Action<CheckProgress> raise, CancellationToken cancellation)
    {
        var packages = (request.FindPlansBelow ? request.Plans.SelectMany(PlanDiscovery.Find) : request.Plans).Distinct().ToList();
        var loaded = new PlanLoadResult[packages.Count];
        var done = 0;
        raise(new CheckProgress(CheckProgress.LoadPlans, null, [], 0));
        Parallel.For(0, packages.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            loaded[i] = PlanLoader.Load(packages[i], settings.Limits, settings.Sources, cancellation);
            raise(new CheckProgress(CheckProgress.LoadPlans, packages[i], [], (double)Interlocked.Increment(ref done) / packages.Count));
        });
        return loaded;
    }

    /// <summary>Adds context packages not already in the tree, each linked to its parent when that is in the tree.</summary>
    private static List<Diagnostic> AddContext(PlanTree tree, IReadOnlyList<string> context, Func<string, PlanLoadResult> load)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var result in context.Select(load))
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Plan is not { } plan || tree.All.Any(p => p.Location == plan.Location)) continue;
            tree.Add(plan, isChecked: false);
            if (tree.All.FirstOrDefault(p => p.Location == plan.ParentLocation) is { } parent) tree.Link(plan, parent);
        }

        return diagnostics;
    }

    private static CheckProgress ToProgress(CheckStep step) => step.Phase == CheckStep.Decide
        ? new CheckProgress(CheckProgress.Decide, step.Plan, [], step.Fraction)
        : new CheckProgress(CheckProgress.Measure, step.Plan, step.Rules, step.Fraction) { Measurement = step.Measurement };
}

/// <summary>The order a report lists plans in.</summary>
internal static class PlanOrder
{
    /// <summary>Checked plans parents first, each followed by its children, so the report reads as the tree.</summary>
    public static IEnumerable<Plan> TreeOrder(PlanTree tree)
    {
        var done = new HashSet<Plan>(ReferenceEqualityComparer.Instance);
        IEnumerable<Plan> Visit(Plan plan)
        {
            if (!done.Add(plan)) yield break;
            if (tree.IsChecked(plan)) yield return plan;
            foreach (var child in tree.ChildrenOf(plan).OrderBy(c => c.Level).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                foreach (var p in Visit(child)) yield return p;
            }
        }

        var roots = tree.All.Where(p => tree.ParentOf(p) is null).OrderBy(p => p.Level).ThenBy(p => p.Id, StringComparer.Ordinal);
        return roots.SelectMany(Visit).Concat(tree.Checked.Where(p => !done.Contains(p))).ToList();
    }
}
