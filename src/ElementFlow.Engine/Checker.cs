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

    public Checker(IEnumerable<RuleSpec> rules, CheckOptions? options = null)
    {
        var list = rules.ToList();
        _checks = list.SelectMany(r => r.Checks.Select((c, i) => Decisions.RuleCompiler.Compile(r, i, c))).ToList();
        _options = (options ?? CheckOptions.Today) is var o && o.KnownRules is null
            ? o with { KnownRules = list.Select(r => r.Id).ToHashSet(StringComparer.Ordinal) }
            : o;
        var set = new NRules.RuleModel.RuleSet("elementflow");
        set.Add(_checks.Select(c => c.Definition).Append(WaiverRule.Build()));
        _factory = new NRules.RuleCompiler().Compile([set]);
    }

    public IReadOnlyList<CompiledCheck> Checks => _checks;

    /// <summary>Checks one plan on its own (no parent or children to compare with).</summary>
    public PlanResult Check(Plan plan) => Check(PlanTree.Single(plan)).Single();

    /// <summary>Checks every checked plan of a tree; context plans (parents loaded for comparison) are measured only as far as their children need.</summary>
    public IReadOnlyList<PlanResult> Check(PlanTree tree)
    {
        var scopes = new ScopeSet(tree, _options);
        return tree.Checked.Select(p => Check(scopes[p])).ToList();
    }

    private PlanResult Check(PlanScope scope)
    {
        var plan = scope.Plan;
        var approvals = new FactsMeasurement(Rules.Model.FactSource.Approval, null);
        var skipped = new List<SkippedRule>();
        var ruleStatus = new Dictionary<string, RuleStatus>(StringComparer.Ordinal);
        var needed = new Dictionary<string, Measurement>(StringComparer.Ordinal);
        var usedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var checksOf = new Dictionary<string, List<CompiledCheck>>(StringComparer.Ordinal);

        foreach (var check in _checks)
        {
            var id = check.Rule.Id;
            if (!ruleStatus.ContainsKey(id)) ruleStatus[id] = RuleStatus.NotApplicable;
            if (!check.Rule.AppliesToPlan(plan)) continue;
            foreach (var m in check.Measurements)
            {
                if (check.Check.AppliesTo is { } narrower && !narrower.Matches(plan)) continue;
                switch (Readiness(scope, m))
                {
                    case (true, _):
                        needed.TryAdd(m.Key, m);
                        (usedBy.TryGetValue(m.Key, out var list) ? list : usedBy[m.Key] = []).Add(id);
                        (checksOf.TryGetValue(m.Key, out var checks) ? checks : checksOf[m.Key] = []).Add(check);
                        if (ruleStatus[id] != RuleStatus.Skipped) ruleStatus[id] = RuleStatus.Ran;
                        break;
                    case (false, { } broken):
                        ruleStatus[id] = RuleStatus.Skipped;
                        skipped.Add(new SkippedRule(id, plan.Id, broken));
                        break;
                }
            }
        }

        var measureClock = Stopwatch.StartNew();
        var results = new ConcurrentDictionary<string, (MeasureResult Result, TimeSpan Time)>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<(string Key, string Why)>();
        // Measurements run one after another, each spread over all cores inside: nesting parallel loops
        // while shared indexes are built lazily starves the thread pool (measured: half the cores idle).
        foreach (var m in needed.Values.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var clock = Stopwatch.StartNew();
            try
            {
                results[m.Key] = (m.Run(scope), clock.Elapsed);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One measurement failing must not take the others' findings with it.
                failures.Add((m.Key, $"{e.GetType().Name}: {e.Message}"));
            }
        }
        measureClock.Stop();

        foreach (var (key, why) in failures)
        {
            foreach (var rule in usedBy[key].Distinct())
            {
                ruleStatus[rule] = RuleStatus.Skipped;
                skipped.Add(new SkippedRule(rule, plan.Id, $"measurement {key} failed: {why}"));
            }
        }

        foreach (var (key, (result, _)) in results)
        {
            if (result.NotApplicable is null) continue;
            foreach (var rule in usedBy[key].Distinct().Where(r => ruleStatus[r] == RuleStatus.Ran))
            {
                // A rule with several measurements stays applicable while any of them ran.
                if (usedBy.Where(u => u.Value.Contains(rule)).All(u => results.TryGetValue(u.Key, out var r) && r.Result.NotApplicable is not null))
                {
                    ruleStatus[rule] = RuleStatus.NotApplicable;
                }
            }
        }

        var decideClock = Stopwatch.StartNew();
        var facts = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (key, (result, _)) in results.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var f in Worth(needed[key], checksOf[key], result.Facts)) facts.Add(f);
        }

        // Approvals are always facts: they waive findings even when no rule reviews them.
        if (!results.ContainsKey(approvals.Key))
        {
            foreach (var f in approvals.Run(scope).Facts) facts.Add(f);
        }

        var session = _factory.CreateSession();
        var decisionErrors = new List<(string Rule, string Why)>();
        session.Events.LhsExpressionFailedEvent += (_, e) => { e.IsHandled = true; decisionErrors.Add((e.Rules.FirstOrDefault()?.Name ?? "?", e.Exception?.Message ?? "")); };
        session.Events.RhsExpressionFailedEvent += (_, e) => { e.IsHandled = true; decisionErrors.Add((e.Match?.Rule.Name ?? "?", e.Exception?.Message ?? "")); };
        session.InsertAll(facts);
        session.Fire();
        var findings = session.Query<FindingFact>().Select(f => f.Finding)
            .Where(f => ruleStatus.GetValueOrDefault(f.Rule) == RuleStatus.Ran)
            .ToList();
        decideClock.Stop();

        foreach (var (rule, why) in decisionErrors.Distinct())
        {
            var id = rule.Split('#')[0];
            skipped.Add(new SkippedRule(id, plan.Id, $"a condition failed: {why}"));
        }

        var ruleTimes = usedBy
            .SelectMany(u => u.Value.Distinct().Select(r => (Rule: r, Time: results.TryGetValue(u.Key, out var x) ? x.Time : TimeSpan.Zero)))
            .GroupBy(x => x.Rule)
            .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (t, x) => t + x.Time), StringComparer.Ordinal);

        return new PlanResult(
            plan.Id,
            findings,
            ruleStatus.Count(s => s.Value == RuleStatus.Ran),
            ruleStatus.Count(s => s.Value == RuleStatus.NotApplicable),
            skipped,
            ruleTimes,
            measureClock.Elapsed,
            decideClock.Elapsed)
        {
            Equity = EquityRow.Merge(results.Values.SelectMany(r => r.Result.Equity)),
            Flows = FlowFacts.Of(scope).Select(f => new FlowRow(plan.Id, f.Id, f.Kind, f.Direction, f.Counterpart, f.Amount, f.Unit,
                f.CounterpartInTree ? f.CounterpartPlan : null, f.MirrorFound ? f.MirrorId : null)).ToList(),
        };
    }

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
    private static (bool Ready, string? Broken) Readiness(PlanScope scope, Measurement m)
    {
        var plan = scope.Plan;
        if (m.Requires is { } needed && !scope.Related(needed).Any()) return (false, null);
        foreach (var input in m.Inputs)
        {
            var related = scope.Related(input.Plan).ToList();
            var broken = related.Where(r => r.Plan.BrokenLayers.Contains(input.Role)).ToList();
            if (broken.Count > 0)
            {
                var whose = input.Plan == Rules.Model.PlanRelation.Self ? "" : $" of {string.Join(", ", broken.Select(b => b.Plan.Id))}";
                return (false, $"layer {input.Role}{whose} could not be read");
            }

            if (!related.Any(r => r.HasLayer(input.Role))) return (false, null);
        }

        if (m.Indicators.Any(k => !plan.Indicators.ContainsKey(k))) return (false, null);
        if (m is FactsMeasurement { LayerFilter: { } filter } && !filter.Any(plan.Layers.ContainsKey))
        {
            return filter.Any(plan.BrokenLayers.Contains) ? (false, $"layer {string.Join(", ", filter.Where(plan.BrokenLayers.Contains))} could not be read") : (false, null);
        }

        return (true, null);
    }

    private enum RuleStatus
    {
        NotApplicable,
        Ran,
        Skipped,
    }
}
