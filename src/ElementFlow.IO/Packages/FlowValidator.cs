using System.Globalization;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Units;
using ElementFlow.Rules.Lint;
using FluentValidation;

namespace ElementFlow.IO.Packages;

/// <summary>
/// Validates one <c>flows:</c> entry as written (DESIGN §2): its shape, kind, direction, region codes,
/// units, year and dates. Whether the flow is complete and approved properly is for the FLOW rules.
/// </summary>
public sealed class FlowValidator : AbstractValidator<FlowDto>
{
    private const string RegionCode = "^[0-9]{2,12}$";

    public FlowValidator()
    {
        RuleFor(f => f.Id).NotEmpty().WithErrorCode("plan.field-required").OverridePropertyName("id").Located(f => f.Line);
        RuleFor(f => f.Kind).NotEmpty().WithErrorCode("plan.field-required").OverridePropertyName("kind").Located(f => f.Line)
            .Must(k => k is null || FlowKinds.TryParse(k, out _)).WithErrorCode("plan.unknown-flow-kind")
            .OverridePropertyName("kind").Located(f => f.LineOf("kind"));
        RuleFor(f => f.Direction).NotEmpty().WithErrorCode("plan.field-required").OverridePropertyName("direction").Located(f => f.Line)
            .Must(d => d is null or "in" or "out").WithErrorCode("plan.field-invalid").WithMessage("use in (the quota, duty or money arrives) or out (it leaves)")
            .OverridePropertyName("direction").Located(f => f.LineOf("direction"));
        RuleFor(f => f.Counterpart).NotEmpty().WithErrorCode("plan.field-required").OverridePropertyName("counterpart").Located(f => f.Line)
            .Matches(RegionCode).WithErrorCode("plan.field-invalid").WithMessage("the other region's administrative division code, 2 to 12 digits, e.g. \"330127\"")
            .OverridePropertyName("counterpart").Located(f => f.LineOf("counterpart"));
        RuleFor(f => f.ApprovedBy).Matches(RegionCode).When(f => f.ApprovedBy is not null).WithErrorCode("plan.field-invalid")
            .WithMessage("the approving government's region code, e.g. \"330100\", or \"000000\" for the State Council")
            .OverridePropertyName("approved_by").Located(f => f.LineOf("approved_by"));
        RuleFor(f => f.Year).Must(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1949 and <= 2100)
            .When(f => f.Year is not null).WithErrorCode("plan.field-invalid").WithMessage("a year, e.g. 2024")
            .OverridePropertyName("year").Located(f => f.LineOf("year"));
        RuleFor(f => f.Expires).Must(BeDate).When(f => f.Expires is not null).WithErrorCode("plan.field-invalid")
            .WithMessage("a date written yyyy-MM-dd, e.g. 2027-12-31").OverridePropertyName("expires").Located(f => f.LineOf("expires"));
        RuleFor(f => f.Grade).Must(g => int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 15)
            .When(f => f.Grade is not null).WithErrorCode("plan.field-invalid").WithMessage("a quality grade (等别) from 1 (best) to 15")
            .OverridePropertyName("grade").Located(f => f.LineOf("grade"));
        RuleFor(f => f.Indicator).Must(k => IndicatorCatalog.Find(k!) is { Direction: IndicatorDirection.Cap })
            .When(f => f.Indicator is not null).WithErrorCode("plan.field-invalid")
            .WithMessage($"a development cap that moves, one of {string.Join(", ", IndicatorCatalog.All.Where(d => d.Direction == IndicatorDirection.Cap).Select(d => d.Key))}")
            .OverridePropertyName("indicator").Located(f => f.LineOf("indicator"));

        RuleFor(f => f.Amount).NotNull().WithErrorCode("plan.field-required").OverridePropertyName("amount").Located(f => f.Line);
        Quantity("amount", f => f.Amount, f => KindOf(f)?.AmountDimension());
        Quantity("paddy", f => f.Paddy, _ => Dimension.Area);
        Quantity("capacity", f => f.Capacity, _ => Dimension.Mass);
        RuleForEach(f => f.Targets).ChildRules(t =>
        {
            t.RuleFor(q => q.Unit).Must(u => Unit.Find(u) is not null).WithErrorCode("plan.unknown-unit")
                .WithMessage(q => $"target.{q.Key}").OverridePropertyName("unit").Located(q => q.Line);
            t.RuleFor(q => q).Must(q => q.Min is not null || q.Max is not null).WithErrorCode("plan.field-required")
                .OverridePropertyName("min or max").Located(q => q.Line);
            t.RuleFor(q => q.Key).Must(k => IndicatorCatalog.Find(k) is not null).WithErrorCode("plan.field-invalid")
                .WithMessage("an indicator key of DOMAIN §2, e.g. ecological_redline_area").OverridePropertyName("target").Located(q => q.Line);
        }).OverridePropertyName("target");
    }

    private void Quantity(string field, Func<FlowDto, QuantityDto?> quantity, Func<FlowDto, Dimension?> dimension)
    {
        RuleFor(f => quantity(f)!.Value).NotNull().When(f => quantity(f) is not null).WithErrorCode("plan.field-required")
            .OverridePropertyName($"{field}.value").Located(f => quantity(f)!.Line);
        RuleFor(f => quantity(f)!.Unit).Must(u => Unit.Find(u) is not null).When(f => quantity(f) is not null)
            .WithErrorCode("plan.unknown-unit").WithMessage(field).OverridePropertyName($"{field}.unit").Located(f => quantity(f)!.Line);
        RuleFor(f => quantity(f)!.Unit)
            .Must((f, u) => dimension(f) is not { } d || Unit.Find(u) is not { } unit || unit.Dimension == d)
            .When(f => quantity(f) is not null)
            .WithErrorCode("plan.field-invalid")
            .WithMessage(f => $"{field} of a {f.Kind} flow is measured in {string.Join(", ", Unit.All.Where(u => u.Dimension == dimension(f)).Select(u => u.Key))}")
            .OverridePropertyName($"{field}.unit").Located(f => quantity(f)!.Line);
    }

    private static FlowKind? KindOf(FlowDto f) => FlowKinds.TryParse(f.Kind, out var k) ? k : null;

    private static bool BeDate(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
