using System.Text.Json.Nodes;
using ElementFlow.Checking;
using ElementFlow.Reports;

namespace ElementFlow.Review;

/// <summary>Runs one task and returns its JSON report (DESIGN §4 over the task's plans). A worker, in process or on a silo, calls one of these.</summary>
public interface ITaskRunner
{
    JsonObject Run(ReviewTask task, CancellationToken cancellation);
}

/// <summary>
/// The runner of every host: a plan task is <see cref="CheckService.Check"/> on the package alone (no parent loaded)
/// with the rules that read one plan; a cross task is the same call on the group's digests (only the layers the
/// cross-plan rules read, one level of parent) with the cross-plan rules.
/// </summary>
public sealed class CheckTaskRunner(CheckRequest template, string toolVersion) : ITaskRunner
{
    private readonly CrossPlanRules _split = CrossPlanRules.Of(template.Rules);
    private readonly Lazy<(CompiledRules Own, CompiledRules Cross)> _compiled = new(() =>
    {
        var split = CrossPlanRules.Of(template.Rules);
        return (CompiledRules.Compile(template.Rules, split.Own, template.Settings.AsOf), CompiledRules.Compile(template.Rules, split.Cross, template.Settings.AsOf));
    });

    public CrossPlanRules Split => _split;

    public JsonObject Run(ReviewTask task, CancellationToken cancellation)
    {
        // The rules are compiled once per runner, not per task: compiling costs more than checking a small plan.
        var (own, cross) = _compiled.Value;
        var request = task.Kind == TaskKind.Plan
            ? template with { Plans = task.Plans, FindPlansBelow = false, Context = [], ParentLevels = 0, OnlyRules = own.Only, Layers = null, Compiled = own }
            : template with { Plans = task.Plans, FindPlansBelow = false, Context = task.Context, ParentLevels = 1, OnlyRules = cross.Only, Layers = _split.Layers, Compiled = cross };
        var outcome = new CheckService().Check(request, cancellation);
        return Json(outcome.Report, outcome.ReportContext(template.Settings.Language, toolVersion, template.Settings.SourceRoot));
    }

    /// <summary>A report as the JSON writer writes it, as a node to merge.</summary>
    public static JsonObject Json(Core.Findings.Report report, ReportContext context)
    {
        using var buffer = new MemoryStream();
        new JsonReportWriter().Write(report, context, buffer);
        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }
}
