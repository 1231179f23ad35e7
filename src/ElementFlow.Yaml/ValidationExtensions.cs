using ElementFlow.Core.Diagnostics;
using FluentValidation;
using FluentValidation.Results;

namespace ElementFlow.Yaml;

/// <summary>Carries YAML lines through FluentValidation and turns its failures into our diagnostics.</summary>
public static class ValidationExtensions
{
    /// <summary>Records the YAML line of the validated object with the failure.</summary>
    public static IRuleBuilderOptions<T, TProperty> Located<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, int> line) =>
        rule.WithState(x => (object)line(x));

    /// <summary>One diagnostic per failure: the error code picks the message (<paramref name="fallbackCode"/> when the validator gave none), the state gives the line.</summary>
    public static IEnumerable<Diagnostic> ToDiagnostics(this ValidationResult result, string file, string fallbackCode, params (string Name, object? Value)[] context) =>
        result.Errors.Select(f => new Diagnostic
        {
            Code = string.IsNullOrEmpty(f.ErrorCode) || !f.ErrorCode.Contains('.') ? fallbackCode : f.ErrorCode,
            Severity = f.Severity == FluentValidation.Severity.Error ? Core.Findings.Severity.Error : Core.Findings.Severity.Warning,
            File = file,
            Line = f.CustomState as int?,
            Arguments = context.ToDictionary(c => c.Name, c => c.Value)
                .Concat(new Dictionary<string, object?>
                {
                    ["field"] = f.PropertyName,
                    ["value"] = f.AttemptedValue,
                    ["detail"] = f.ErrorMessage,
                })
                .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value),
        });
}
