using System.Collections.Concurrent;
using System.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Engine.Decisions;
using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Model;
using NRules;
using NRules.Diagnostics;
using NRules.RuleModel;

namespace ElementFlow.Engine;

/// <summary>
/// Runs a set of rules on plans: compiles the rules to one NRules session factory once, then per plan
/// measures what the applicable rules need (each distinct measurement once, in parallel) and lets
/// an NRules session decide which observations are findings.
/// </summary>
public sealed class Checker
{
    private readonly IReadOnlyList<CompiledCheck> _checks;
    private readonly ISessionFactory _factory;
    private readonly CheckOptions _options;

    /// <summary>The rule id of each compiled NRules rule, by the rule's name (<c>ID#index</c>).</summary>
    private readonly Dictionary<string, string> _ruleOfDefinition;

    public Checker(IEnumerable<RuleSpec> rules, CheckOptions? options = null)
    {
        var list = rules.ToList();
        _checks = list.SelectMany(r => r.Checks.Select((c, i) => Decisions.RuleCompiler.Compile(r, i, c))).ToList();
        _options = (options ?? CheckOptions.Today) is var o && o.KnownRules is null
            ? o with { KnownRules = list.Select(r => r.Id).ToHashSet(StringComparer.Ordinal) }
            : o;
        _ruleOfDefinition = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in _checks) _ruleOfDefinition.TryAdd(c.Definition.Name, c.Rule.Id);
        var set = new NRules.RuleModel.RuleSet("elementflow");
        set.Add(_checks.Select(c => c.Definition).Append(WaiverRule.Build()));
        _factory = new NRules.RuleCompiler().Compile([set]);
    }

    public IReadOnlyList<CompiledCheck> Checks => _checks;

    /// <summary>Checks one plan on its own (no parent or children to compare with).</summary>
    public PlanResult Check(Plan plan) => Check(PlanTree.Single(plan)).Single();

    /// <summary>Checks every checked plan of a tree; context plans (parents loaded for comparison) are measured only as far as their children need.</summary>
    /// <param name="progress">Told before each measurement and before each plan's decision; called on the checking thread.</param>
    /// <param name="cancellation">Stops the check between measurements and inside long ones, with <see cref="OperationCanceledException"/>.</param>
    public IReadOnlyList<PlanResult> Check(PlanTree tree, Action<CheckStep>? progress = null, CancellationToken cancellation = default)
    {
        var scopes = new ScopeSet(tree, _options, cancellation);
        var plans = tree.Checked.ToList();
        return plans.Select((p, i) => Check(scopes[p], step => progress?.Invoke(step with { PlanIndex = i, PlanCount = plans.Count }), cancellation)).ToList();
    }

    private PlanResult Check(PlanScope scope, Action<CheckStep> progress, CancellationToken cancellation)
    {
        var run = Plan(scope);
        var measureClock = Stopwatch.StartNew();
        Measure(run, progress, cancellation);
        measureClock.Stop();
        Settle(run);

        cancellation.ThrowIfCancellationRequested();
        progress(new CheckStep(CheckStep.Decide, scope.Plan.Id, null, [], run.Needed.Count, run.Needed.Count));
        var decideClock = Stopwatch.StartNew();
        var findings = Decide(run);
        decideClock.Stop();

        return new PlanResult(
            scope.Plan.Id,
            findings,
            run.Status.Count(s => s.Value == RuleStatus.Ran),
            run.Status.Count(s => s.Value == RuleStatus.NotApplicable),
            run.Skipped,
            RuleTimes(run),
            measureClock.Elapsed,
            decideClock.Elapsed)
        {
            Equity = EquityRow.Merge(run.Results.Values.SelectMany(r => r.Result.Equity)),
            Flows = FlowRows(scope),
        };
    }

    /// <summary>Which rules apply to the plan, which measurements they need, and which are skipped or not applicable before anything runs.</summary>
    private PlanRun Plan(PlanScope scope)
    {
        var plan = scope.Plan;
        var run = new PlanRun(scope);
        foreach (var check in _checks)
        {
            var id = check.Rule.Id;
            if (!run.Status.ContainsKey(id)) run.Status[id] = RuleStatus.NotApplicable;
            if (!check.Rule.AppliesToPlan(plan)) continue;
            foreach (var m in check.Measurements)
            {
                if (check.Check.AppliesTo is { } narrower && !narrower.Matches(plan)) continue;
                switch (Readiness(scope, m))
                {
                    case (true, _):
                        run.Needed.TryAdd(m.Key, m);
                        (run.UsedBy.TryGetValue(m.Key, out var list) ? list : run.UsedBy[m.Key] = []).Add(id);
                        (run.ChecksOf.TryGetValue(m.Key, out var checks) ? checks : run.ChecksOf[m.Key] = []).Add(check);
                        if (run.Status[id] != RuleStatus.Skipped) run.Status[id] = RuleStatus.Ran;
                        break;
                    case (false, { } broken):
                        run.Status[id] = RuleStatus.Skipped;
                        run.Skipped.Add(new SkippedRule(id, plan.Id, broken.En) { Text = broken });
                        break;
                }
            }
        }

        return run;
    }

    /// <summary>
    /// Runs each needed measurement once. They run one after another, each spread over all cores inside:
    /// nesting parallel loops while shared indexes are built lazily starves the thread pool (measured: half
    /// the cores idle). One measurement failing must not take the others' findings with it.
    /// </summary>
    private static void Measure(PlanRun run, Action<CheckStep> progress, CancellationToken cancellation)
    {
        var order = run.Needed.Values.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        for (var done = 0; done < order.Count; done++)
        {
            var m = order[done];
            cancellation.ThrowIfCancellationRequested();
            progress(new CheckStep(CheckStep.Measure, run.Scope.Plan.Id, m.Key, run.UsedBy[m.Key].Distinct().ToList(), done, order.Count));
            var clock = Stopwatch.StartNew();
            try
            {
                var result = m.Run(run.Scope);
                run.Results[m.Key] = (result, clock.Elapsed + (m is ValidityMeasurement ? run.Scope.RepairTime : TimeSpan.Zero));
            }
            catch (Exception e) when (cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException("the check was cancelled", e, cancellation);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                run.Failures.Add((m.Key, $"{e.GetType().Name}: {e.Message}"));
            }
        }
    }

    /// <summary>Rules whose measurement failed are skipped; rules all of whose measurements found their inputs missing are not applicable.</summary>
    private static void Settle(PlanRun run)
    {
        foreach (var (key, why) in run.Failures)
        {
            foreach (var rule in run.UsedBy[key].Distinct())
            {
                run.Status[rule] = RuleStatus.Skipped;
                run.Skipped.Add(new SkippedRule(rule, run.Scope.Plan.Id, $"measurement {key} failed: {why}") { Text = new($"测量 {key} 出错：{why}", $"measurement {key} failed: {why}") });
            }
        }

        foreach (var (key, (result, _)) in run.Results)
        {
            if (result.NotApplicable is null) continue;
            foreach (var rule in run.UsedBy[key].Distinct().Where(r => run.Status[r] == RuleStatus.Ran))
            {
                // A rule with several measurements stays applicable while any of them ran.
                if (run.UsedBy.Where(u => u.Value.Contains(rule)).All(u => run.Results.TryGetValue(u.Key, out var r) && r.Result.NotApplicable is not null))
                {
                    run.Status[rule] = RuleStatus.NotApplicable;
                }
            }
        }
    }

    /// <summary>Hands the facts worth deciding on to an NRules session and returns the findings of the rules that ran.</summary>
    private List<Finding> Decide(PlanRun run)
    {
        var facts = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (key, (result, _)) in run.Results.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var f in Worth(run.Needed[key], run.ChecksOf[key], result.Facts)) facts.Add(f);
        }

        // Approvals are always facts: they waive findings even when no rule reviews them.
        var approvals = new FactsMeasurement(Rules.Model.FactSource.Approval, null);
        if (!run.Results.ContainsKey(approvals.Key))
        {
            foreach (var f in approvals.Run(run.Scope).Facts) facts.Add(f);
        }

        var session = _factory.CreateSession();
        var decisionErrors = new List<(string Rule, string Why)>();
        session.Events.LhsExpressionFailedEvent += (_, e) => { e.IsHandled = true; decisionErrors.Add((e.Rules.FirstOrDefault()?.Name ?? "?", e.Exception?.Message ?? "")); };
        session.Events.RhsExpressionFailedEvent += (_, e) => { e.IsHandled = true; decisionErrors.Add((e.Match?.Rule.Name ?? "?", e.Exception?.Message ?? "")); };
        session.InsertAll(facts);
        session.Fire();
        var findings = session.Query<FindingFact>().Select(f => f.Finding)
            .Where(f => run.Status.GetValueOrDefault(f.Rule) == RuleStatus.Ran)
            .ToList();

        foreach (var (rule, why) in decisionErrors.Distinct())
        {
            run.Skipped.Add(new SkippedRule(_ruleOfDefinition.GetValueOrDefault(rule, rule), run.Scope.Plan.Id, $"a condition failed: {why}") { Text = new($"条件表达式求值出错：{why}", $"a condition failed: {why}") });
        }

        return findings;
    }

    /// <summary>The plan's flows for the report, each with the counterpart's plan and mirror entry when the check holds them.</summary>
    private static List<FlowRow> FlowRows(PlanScope scope) =>
        FlowFacts.Of(scope).Select(f => new FlowRow(scope.Plan.Id, f.Id, f.Kind, f.Direction, f.Counterpart, f.Amount, f.Unit,
            f.CounterpartInTree ? f.CounterpartPlan : null, f.MirrorFound ? f.MirrorId : null)).ToList();

    /// <summary>Measurement time per rule; a shared measurement counts for each rule that uses it.</summary>
    private static Dictionary<string, TimeSpan> RuleTimes(PlanRun run) => run.UsedBy
        .SelectMany(u => u.Value.Distinct().Select(r => (Rule: r, Time: run.Results.TryGetValue(u.Key, out var x) ? x.Time : TimeSpan.Zero)))
        .GroupBy(x => x.Rule)
        .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (t, x) => t + x.Time), StringComparer.Ordinal);

    /// <summary>
    /// The facts of a measurement that some rule using it could match. A large plan yields a fact per
    /// feature for expression rules (DATA-007 slivers) and one per parcel and zone for USE-001, nearly all
    /// of which no rule matches, and the engine's alpha network costs far more per fact than the rules' own
    /// tests; so each fact is tested here first, on all cores, and only those some rule accepts go in.
    /// Approvals always go in (the waiver rule joins them with findings), and a test that throws keeps its
    /// fact, so the engine reports the failure.
    /// </summary>
    private static IEnumerable<object> Worth(Measurement measurement, IReadOnlyList<CompiledCheck> checks, IReadOnlyList<object> facts)
    {
        if (facts.Count < 64 || measurement is FactsMeasurement { Source: Rules.Model.FactSource.Approval }) return facts;
        var keep = new bool[facts.Count];
        Parallel.For(0, facts.Count, i =>
        {
            foreach (var check in checks)
            {
                try
                {
                    if (!check.Accepts(facts[i])) continue;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Kept for the engine, whose failure event names the rule.
                }

                keep[i] = true;
                break;
            }
        });
        return facts.Where((_, i) => keep[i]);
    }

    /// <summary>Whether a measurement can run on this plan: (true, null); not applicable: (false, null); inputs broken: (false, why).</summary>
    internal static (bool Ready, Core.Text.LocalizedText? Broken) Readiness(PlanScope scope, Measurement m)
    {
        var plan = scope.Plan;
        if (m.Requires is { } needed && !scope.Related(needed).Any()) return (false, null);
        foreach (var input in m.Inputs)
        {
            var related = scope.Related(input.Plan).ToList();
            var broken = related.Where(r => r.Plan.BrokenLayers.Contains(input.Role)).ToList();
            if (broken.Count > 0)
            {
                var plans = string.Join(", ", broken.Select(b => b.Plan.Id));
                var self = input.Plan == Rules.Model.PlanRelation.Self;
                var name = Core.Planning.Terms.Zh(input.Role) ?? input.Role;
                return (false, new(
                    self ? $"图层 {name} 无法读取" : $"规划 {plans} 的图层 {name} 无法读取",
                    self ? $"layer {input.Role} could not be read" : $"layer {input.Role} of {plans} could not be read"));
            }

            if (!input.Optional && !related.Any(r => r.HasLayer(input.Role))) return (false, null);
        }

        if (m.Indicators.Any(k => !plan.Indicators.ContainsKey(k))) return (false, null);
        if (m is FactsMeasurement { LayerFilter: { } filter })
        {
            // A rule over the features of several layers does not run on what is left when one of them could not be read.
            var unread = filter.Where(plan.BrokenLayers.Contains).ToList();
            if (unread.Count > 0) return (false, new($"图层 {string.Join("、", unread.Select(r => Core.Planning.Terms.Zh(r) ?? r))} 无法读取", $"layer {string.Join(", ", unread)} could not be read"));
            if (!filter.Any(plan.Layers.ContainsKey)) return (false, null);
        }

        return (true, null);
    }

    private enum RuleStatus
    {
        NotApplicable,
        Ran,
        Skipped,
    }

    /// <summary>What checking one plan gathers on its way: the measurements needed, who uses them, their results, and each rule's status.</summary>
    private sealed class PlanRun(PlanScope scope)
    {
        public PlanScope Scope { get; } = scope;
        public List<SkippedRule> Skipped { get; } = [];
        public Dictionary<string, RuleStatus> Status { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Measurement> Needed { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<string>> UsedBy { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<CompiledCheck>> ChecksOf { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, (MeasureResult Result, TimeSpan Time)> Results { get; } = new(StringComparer.Ordinal);
        public ConcurrentBag<(string Key, string Why)> Failures { get; } = [];
    }
}
