using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Core.Diagnostics;

/// <summary>
/// A problem with the input itself (a file that cannot be read, a YAML error, an unknown unit),
/// located as precisely as the input allows. Diagnostics are data: a code, a severity, where, and a
/// message template from <see cref="DiagnosticCatalog"/> with its arguments.
/// </summary>
public sealed record Diagnostic
{
    public required string Code { get; init; }
    public required Severity Severity { get; init; }

    /// <summary>The file, as the user would open it (package-relative where possible).</summary>
    public required string File { get; init; }

    public int? Line { get; init; }
    public string? FeatureId { get; init; }
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = new Dictionary<string, object?>();

    public string Message(Language language) => MessageTemplate.Render(
        DiagnosticCatalog.Template(Code)[language],
        Arguments.ToDictionary(kv => kv.Key, kv => kv.Value is LocalizedText t ? t[language] : kv.Value));

    /// <summary><c>file:line: message</c>, or with the feature id, the way compilers print errors.</summary>
    public string Format(Language language)
    {
        var where = File + (Line is { } l ? $":{l}" : "") + (FeatureId is { } f ? $" [{f}]" : "");
        return $"{where}: {Severity.Name()} {Code}: {Message(language)}";
    }

    public static Diagnostic Error(string code, string file, int? line = null, string? featureId = null, params (string Name, object? Value)[] args) =>
        Create(Severity.Error, code, file, line, featureId, args);

    public static Diagnostic Warning(string code, string file, int? line = null, string? featureId = null, params (string Name, object? Value)[] args) =>
        Create(Severity.Warning, code, file, line, featureId, args);

    private static Diagnostic Create(Severity severity, string code, string file, int? line, string? featureId, (string Name, object? Value)[] args) => new()
    {
        Code = code,
        Severity = severity,
        File = file,
        Line = line,
        FeatureId = featureId,
        Arguments = args.ToDictionary(a => a.Name, a => a.Value),
    };
}
