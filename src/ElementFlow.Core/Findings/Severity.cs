namespace ElementFlow.Core.Findings;

/// <summary>How serious a finding is; ordered so that a higher value is worse.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}

public static class Severities
{
    public static string Name(this Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>The severity as a reader of that language names it: 错误, 警告, 提示 or error, warning, info.</summary>
    public static string Label(this Severity severity, Text.Language language) => language == Text.Language.Zh
        ? severity switch { Severity.Error => "错误", Severity.Warning => "警告", _ => "提示" }
        : severity.Name();

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "info": severity = Severity.Info; return true;
            default: severity = default; return false;
        }
    }
}
