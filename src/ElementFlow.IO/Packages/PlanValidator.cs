using ElementFlow.Core.Planning;
using ElementFlow.Core.Units;
using ElementFlow.Rules.Lint;
using FluentValidation;

namespace ElementFlow.IO.Packages;

/// <summary>Validates plan.yaml as written (DESIGN §2); each failure carries its YAML line.</summary>
public sealed partial class PlanValidator : AbstractValidator<PlanDto>
{
    public const string Schema = "elementflow/plan/v1";

    public PlanValidator()
    {
        RuleFor(p => p.Schema).Equal(Schema).WithErrorCode("plan.field-invalid")
            .WithMessage($"write schema: {Schema}").OverridePropertyName("schema").Located(p => p.LineOf("schema"));
        RuleFor(p => p.Id).NotEmpty().WithErrorCode("plan.field-required").OverridePropertyName("id").Located(p => p.LineOf("id"))
            .Matches("^[a-z0-9-]+$").WithErrorCode("plan.field-invalid").WithMessage("use lower-case letters, digits and -")
            .OverridePropertyName("id").Located(p => p.LineOf("id"));
        RuleFor(p => p.Name).NotNull().WithErrorCode("plan.field-required").OverridePropertyName("name").Located(p => p.LineOf("name"));
        RuleFor(p => p.Level).NotEmpty().WithErrorCode("plan.field-required").OverridePropertyName("level").Located(p => p.LineOf("level"))
            .Must(l => l is null || PlanKinds.TryParseLevel(l, out _)).WithErrorCode("plan.unknown-level").OverridePropertyName("level").Located(p => p.LineOf("level"));
        RuleFor(p => p.Type).NotEmpty().WithErrorCode("plan.field-required").OverridePropertyName("type").Located(p => p.LineOf("type"))
            .Must(t => t is null || PlanKinds.TryParseType(t, out _)).WithErrorCode("plan.unknown-type").OverridePropertyName("type").Located(p => p.LineOf("type"));
        RuleFor(p => p.RegionCode).NotEmpty().WithErrorCode("plan.field-required").OverridePropertyName("region.code").Located(p => p.LineOf(p.Lines.ContainsKey("region.code") ? "region.code" : "region"))
            .Matches("^[0-9]{2,12}$").WithErrorCode("plan.field-invalid").WithMessage("an administrative division code is 2 to 12 digits, e.g. \"330100\"")
            .OverridePropertyName("region.code").Located(p => p.LineOf("region.code"));
        RuleFor(p => p.Crs).NotEmpty().WithErrorCode("plan.field-required").OverridePropertyName("crs").Located(p => p.LineOf("crs"))
            .Matches("^(?i)EPSG:[0-9]+$").WithErrorCode("plan.crs-unparsed").OverridePropertyName("crs").Located(p => p.LineOf("crs"));
        RuleFor(p => p.BaseYear).Must(BeYear).When(p => p.BaseYear is not null).WithErrorCode("plan.field-invalid")
            .WithMessage("a year, e.g. 2020").OverridePropertyName("period.base").Located(p => p.LineOf("period.base"));
        RuleFor(p => p.TargetYear).Must(BeYear).When(p => p.TargetYear is not null).WithErrorCode("plan.field-invalid")
            .WithMessage("a year, e.g. 2035").OverridePropertyName("period.target").Located(p => p.LineOf("period.target"));
        RuleForEach(p => p.Layers).ChildRules(layer =>
        {
            layer.RuleFor(l => l.Role).Must(r => LayerRole.Find(r) is not null).WithErrorCode("plan.unknown-role")
                .OverridePropertyName("role").Located(l => l.Line);
            layer.RuleFor(l => l.File).NotEmpty().WithErrorCode("plan.field-required")
                .OverridePropertyName("file").Located(l => l.Line);
        }).OverridePropertyName("layers");
        // Indicator and allocation values and units are checked by PlanLoader, which knows which indicator each belongs to.
        RuleForEach(p => p.Allocations).ChildRules(a =>
        {
            a.RuleFor(x => x.RegionCode).Matches("^[0-9]{2,12}$").WithErrorCode("plan.field-invalid")
                .WithMessage("allocations are keyed by the child's region code").OverridePropertyName("region").Located(x => x.Line);
            a.RuleForEach(x => x.Targets).ChildRules(q =>
            {
                q.RuleFor(i => i).Must(i => i.Min is not null || i.Max is not null || i.Value is not null).When(i => !i.Reported)
                    .WithErrorCode("plan.field-required").OverridePropertyName("min or max").Located(i => i.Line);
            });
        }).OverridePropertyName("allocations");
        RuleForEach(p => p.Flows).SetValidator(new FlowValidator()).OverridePropertyName("flows");
        RuleForEach(p => RepeatedFlowIds(p)).Must(_ => false)
            .WithErrorCode("plan.field-invalid").WithMessage("another flow of this plan has the same id; ids are unique in a plan")
            .OverridePropertyName("flows.id").WithState((_, id) => (object)id.Line);
    }

    /// <summary>Each flow id after its first use in the plan.</summary>
    private static IEnumerable<RepeatedId> RepeatedFlowIds(PlanDto plan) =>
        plan.Flows.Where(f => f.Id is not null).GroupBy(f => f.Id!).SelectMany(g => g.Skip(1)).Select(f => new RepeatedId(f.Id!, f.LineOf("id")));

    private sealed record RepeatedId(string Id, int Line)
    {
        public override string ToString() => Id;
    }

    private static bool BeYear(string? text) => int.TryParse(text, out var y) && y is >= 1949 and <= 2100;
}
