using ElementFlow.Core.Text;

namespace ElementFlow.Yaml;

/// <summary>A zh/en text as written in a YAML file (a plan's name, a rule's title), before validation.</summary>
public sealed record TextDto(string? Zh, string? En, int Line)
{
    /// <summary>The text as read; a missing language is empty (validation reports it).</summary>
    public LocalizedText ToText() => new(Zh ?? "", En ?? "");
}
