using ElementFlow.Core.Planning;

namespace ElementFlow.Rules.Conditions;

/// <summary>Code-list functions rule expressions may call: <c>Codes.Match(feature.Code, "07")</c>.</summary>
public static class Codes
{
    /// <summary>Prefix match of a land-use code ("08" matches "080403").</summary>
    public static bool Match(string? code, string prefix) => CodeLists.Match(code, prefix);

    /// <summary>True when the value is a known code for that layer role's classifying attribute.</summary>
    public static bool IsKnown(string layer, string? value) => value is not null && CodeLists.IsKnown(layer, value);
}
