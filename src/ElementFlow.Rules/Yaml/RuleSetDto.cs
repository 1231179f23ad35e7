using ElementFlow.Yaml;

namespace ElementFlow.Rules.Yaml;

/// <summary>A rule set file as written.</summary>
public sealed class RuleSetDto
{
    public required string File { get; init; }
    public string? Id { get; set; }
    public string? Version { get; set; }
    public TextDto? Title { get; set; }
    public List<RuleDto> Rules { get; } = [];
    public int Line { get; set; }

    /// <summary>Rule-set ids (or <c>builtin</c>) whose rules this set adjusts.</summary>
    public IReadOnlyList<string> Extends { get; set; } = [];

    /// <summary>Adjustments by rule id: the keys of a rule to replace, check parameters merged one by one.</summary>
    public Dictionary<string, YamlMap> Overrides { get; } = new(StringComparer.Ordinal);

    /// <summary>The line of each rule id under <c>overrides</c>.</summary>
    public Dictionary<string, int> OverrideLines { get; } = new(StringComparer.Ordinal);
}

/// <summary>One rule as written.</summary>
public sealed class RuleDto
{
    public required string File { get; init; }

    /// <summary>The rule's YAML, kept so that a profile can merge overrides into it.</summary>
    public YamlMap? Map { get; init; }
    public int Line { get; init; }
    public string? Id { get; set; }
    public TextDto? Title { get; set; }
    public string? Severity { get; set; }
    public IReadOnlyList<string>? Levels { get; set; }
    public IReadOnlyList<string>? Types { get; set; }
    public string? Basis { get; set; }
    public TextDto? Fix { get; set; }
    public TextDto? Message { get; set; }
    public List<CheckDto> Checks { get; } = [];
    public List<SeverityWhenDto> SeverityWhen { get; } = [];
    public bool HasBothCheckAndChecks { get; set; }
}

/// <summary>One check as written: its kind and the raw mapping its parameters are read from.</summary>
public sealed class CheckDto
{
    public required YamlMap Map { get; init; }
    public string? Kind { get; set; }
    public TextDto? Message { get; set; }
    public int Line => Map.Line;
}

/// <summary>A severity override as written.</summary>
public sealed record SeverityWhenDto(string? When, string? Severity, TextDto? Message, int Line);
