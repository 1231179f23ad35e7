using System.Text.Json.Nodes;
using ElementFlow.Core.Findings;
using ElementFlow.Review.Ledger;

namespace ElementFlow.Review;

/// <summary>
/// Merges the tasks' JSON reports into the report of DESIGN §4 over all plans: each task contributes the findings,
/// skipped rules and counts of the plans it owns, so each plan is in the report once; plan entries, rule sets and
/// the tree's diagnostics come from the index. Findings are in <c>check</c>'s order (plan, rule, subjects, value).
/// </summary>
public static class ReportMerger
{
    /// <param name="skeleton">The index's report (plans, rule sets, catalogue then tree diagnostics, no findings).</param>
    /// <param name="catalogDiagnostics">How many of the skeleton's diagnostics are the catalogue's (they lead every task's report too).</param>
    /// <param name="plans">The plans to report (null: all); a plan's report uses the same merge.</param>
    public static JsonObject Merge(JsonObject skeleton, int catalogDiagnostics, IReadOnlyList<TaskRecord> records, IReadOnlySet<string>? plans = null)
    {
        bool Wanted(string? plan) => plan is not null && (plans is null || plans.Contains(plan));
        IEnumerable<JsonObject> Items(TaskRecord r, string section) => (r.Report[section] as JsonArray ?? [])
            .OfType<JsonObject>().Where(o => Wanted((string?)o["plan"]) && r.PlanIds.Contains((string)o["plan"]!));

        var findings = records.SelectMany(r => Items(r, "findings")).OrderBy(f => f, FindingOrder.Instance).ToList();
        var planRecords = records.Where(r => r.Kind == TaskKind.Plan).ToList();
        var owning = records.Where(r => plans is null || r.PlanIds.Any(plans.Contains)).ToList();

        var skeletonDiagnostics = (skeleton["diagnostics"] as JsonArray ?? []).ToList();
        var diagnostics = plans is null ? skeletonDiagnostics.Take(catalogDiagnostics).ToList() : [];
        diagnostics.AddRange(planRecords.Where(r => plans is null || r.PlanIds.Any(plans.Contains))
            .SelectMany(r => (r.Report["diagnostics"] as JsonArray ?? []).Skip(catalogDiagnostics)));
        if (plans is null) diagnostics.AddRange(skeletonDiagnostics.Skip(catalogDiagnostics));

        var counts = Count(findings);
        var byPlan = findings.GroupBy(f => (string?)f["plan"] ?? "").ToDictionary(g => g.Key, g => Count(g), StringComparer.Ordinal);
        var merged = new JsonObject
        {
            ["schema"] = skeleton["schema"]?.DeepClone(),
            ["tool"] = skeleton["tool"]?.DeepClone(),
            ["language"] = skeleton["language"]?.DeepClone(),
            ["plans"] = new JsonArray((skeleton["plans"] as JsonArray ?? []).OfType<JsonObject>().Where(p => Wanted((string?)p["id"])).Select(p =>
            {
                var entry = p.DeepClone().AsObject();
                var c = byPlan.GetValueOrDefault((string?)p["id"] ?? "") ?? new SeverityCounts(0, 0, 0, 0);
                entry["error"] = c.Error;
                entry["warning"] = c.Warning;
                entry["info"] = c.Info;
                return (JsonNode)entry;
            }).ToArray()),
            ["rulesets"] = skeleton["rulesets"]?.DeepClone(),
            ["findings"] = new JsonArray(findings.Select(f => f.DeepClone()).ToArray()),
            ["equity"] = new JsonArray(planRecords.SelectMany(r => Items(r, "equity")).Select(o => o.DeepClone()).ToArray()),
        };
        var flows = records.Where(r => r.Kind == TaskKind.Cross).SelectMany(r => Items(r, "flows")).Select(o => o.DeepClone()).ToArray();
        if (flows.Length > 0) merged["flows"] = new JsonArray(flows);
        merged["summary"] = new JsonObject
        {
            ["error"] = counts.Error,
            ["warning"] = counts.Warning,
            ["info"] = counts.Info,
            ["waived"] = counts.Waived,
            ["rules_run"] = owning.Sum(r => Summary(r, "rules_run")),
            ["not_applicable"] = owning.Sum(r => Summary(r, "not_applicable")),
        };
        merged["skipped"] = new JsonArray(records.SelectMany(r => Items(r, "skipped")).Select(o => o.DeepClone()).ToArray());
        merged["diagnostics"] = new JsonArray(diagnostics.Select(d => d?.DeepClone()).ToArray());
        return merged;
    }

    /// <summary>Error, warning, info and waived counts, as <see cref="SeverityCounts"/> counts them.</summary>
    public static SeverityCounts Count(IEnumerable<JsonObject> findings)
    {
        int error = 0, warning = 0, info = 0, waived = 0;
        foreach (var f in findings)
        {
            if (f["waived_by"] is JsonObject) waived++;
            else if ((string?)f["severity"] == "error") error++;
            else if ((string?)f["severity"] == "warning") warning++;
            else info++;
        }

        return new(error, warning, info, waived);
    }

    private static int Summary(TaskRecord r, string name) => r.Report["summary"]?[name] is JsonValue v ? (int)v : 0;

    /// <summary>
    /// <see cref="Report.Sort"/> on JSON findings. The sort is stable and records come in task order (never in the
    /// order tasks finished), and all findings of one rule on one plan come from one task in the engine's order, so
    /// ties fall as they fall in <c>check</c>.
    /// </summary>
    private sealed class FindingOrder : IComparer<JsonObject>
    {
        public static readonly FindingOrder Instance = new();

        public int Compare(JsonObject? x, JsonObject? y)
        {
            if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
            var c = string.CompareOrdinal((string?)x["plan"], (string?)y["plan"]);
            if (c != 0) return c;
            c = string.CompareOrdinal((string?)x["rule"], (string?)y["rule"]);
            if (c != 0) return c;
            var a = Subjects(x);
            var b = Subjects(y);
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                c = a[i].CompareTo(b[i]);
                if (c != 0) return c;
            }

            c = a.Count.CompareTo(b.Count);
            if (c != 0) return c;
            return Value(x).CompareTo(Value(y));
        }

        private static List<Subject> Subjects(JsonObject f) => (f["subjects"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => new Subject((string?)s["layer"] ?? "", (string?)s["id"] ?? "")).ToList();

        private static double Value(JsonObject f) => f["measure"]?["value"] is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0;
    }
}
