using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Yaml;
using FluentValidation;
using ElementFlow.Yaml;

namespace ElementFlow.Rules.Lint;

/// <summary>Validates one rule as written: id, texts in both languages, severity, where it applies.</summary>
public sealed class RuleDtoValidator : AbstractValidator<RuleDto>
{
    public const string IdPattern = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$";

    public RuleDtoValidator()
    {
        RuleFor(r => r.Id).NotEmpty().WithErrorCode("rules.field-required").OverridePropertyName("id").Located(r => r.Line)
            .DependentRules(() => RuleFor(r => r.Id).Matches(IdPattern)
                .WithErrorCode("rules.field-invalid").WithMessage("write it in capitals with a dash, like LINE-001")
                .OverridePropertyName("id").Located(r => r.Line));
        RuleFor(r => r.Title).SetValidator(new TextValidator()!).OverridePropertyName("title").Located(r => r.Title?.Line ?? r.Line)
            .NotNull().WithErrorCode("rules.field-required").OverridePropertyName("title").Located(r => r.Line);
        RuleFor(r => r.Severity).NotEmpty().WithErrorCode("rules.field-required").OverridePropertyName("severity").Located(r => r.Line)
            .Must(s => s is null || Severities.TryParse(s, out _))
            .WithErrorCode("rules.field-invalid").WithMessage("use error, warning or info").OverridePropertyName("severity").Located(r => r.Line);
        RuleFor(r => r.Message).SetValidator(new TextValidator()!).OverridePropertyName("message").Located(r => r.Message?.Line ?? r.Line);
        RuleFor(r => r.Message).NotNull().When(r => r.Checks.Any(c => c.Message is null))
            .WithErrorCode("rules.field-required").OverridePropertyName("message").Located(r => r.Line);
        RuleFor(r => r.Checks).NotEmpty().WithErrorCode("rules.field-required").OverridePropertyName("check").Located(r => r.Line);
        RuleFor(r => r.HasBothCheckAndChecks).Equal(false)
            .WithErrorCode("rules.field-invalid").WithMessage("give either check or checks, not both").OverridePropertyName("check").Located(r => r.Line);
        RuleForEach(r => r.Levels).Must(l => PlanKinds.TryParseLevel(l, out _))
            .WithErrorCode("rules.field-invalid").WithMessage("'{PropertyValue}' is not a level; use national, province, city, county or township")
            .OverridePropertyName("applies-to.levels").Located(r => r.Line);
        RuleForEach(r => r.Types).Must(t => PlanKinds.TryParseType(t, out _))
            .WithErrorCode("rules.field-invalid").WithMessage("'{PropertyValue}' is not a type; use overall, detailed or special")
            .OverridePropertyName("applies-to.types").Located(r => r.Line);
        RuleForEach(r => r.SeverityWhen).ChildRules(s =>
        {
            s.RuleFor(x => x.When).NotEmpty().WithErrorCode("rules.field-required").OverridePropertyName("when").Located(x => x.Line);
            s.RuleFor(x => x.Severity).Must(v => Severities.TryParse(v, out _))
                .WithErrorCode("rules.field-invalid").WithMessage("use error, warning or info")
                .OverridePropertyName("severity").Located(x => x.Line);
        }).OverridePropertyName("severity-when");
    }

    private sealed class TextValidator : AbstractValidator<TextDto>
    {
        public TextValidator()
        {
            // Nested under the parent's property name: the failures read title.zh, message.en.
            RuleFor(t => t.Zh).NotEmpty().WithErrorCode("rules.field-required").OverridePropertyName("zh").Located(t => t.Line);
            RuleFor(t => t.En).NotEmpty().WithErrorCode("rules.field-required").OverridePropertyName("en").Located(t => t.Line);
        }
    }
}
