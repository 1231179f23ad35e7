using System.Text.RegularExpressions;
using ElementFlow.Rules.Conditions;

namespace ElementFlow.Rules.Tests.Conditions;

/// <summary>docs/rule-authoring.md lists exactly the functions the sandbox allows, and states its bounds.</summary>
public sealed partial class ConditionDocsTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rule-authoring.md"));

    /// <summary>The "Allowed functions" part of the doc: from its heading to the next heading.</summary>
    private static string FunctionsSection()
    {
        var start = Doc.IndexOf("### Allowed functions", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/rule-authoring.md has no '### Allowed functions' section");
        var end = Doc.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        return Doc[start..(end < 0 ? Doc.Length : end)];
    }

    [GeneratedRegex(@"`(?<name>(?:[A-Za-z]+)?\.[A-Z][A-Za-z0-9]*)`")]
    private static partial Regex CodeName();

    [Fact]
    public void AllowedFunctions_EveryFunctionTheSandboxAllows_IsDocumented()
    {
        var section = FunctionsSection();

        Assert.All(ConditionFunctions.DocumentedNames, name => Assert.Contains($"`{name}`", section));
    }

    [Fact]
    public void AllowedFunctions_TheDocNamesNoFunctionTheSandboxRefuses()
    {
        var documented = CodeName().Matches(FunctionsSection()).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ConditionFunctions.DocumentedNames.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bounds_TheDocStatesTheLimitsTheCompilerApplies()
    {
        var section = Regex.Replace(FunctionsSection(), @"\s+", " ");

        Assert.Contains($"{ConditionCompiler.MaxLength:N0} characters", section);
        Assert.Contains($"{ConditionCompiler.MaxNesting} levels of brackets", section);
        Assert.Contains($"{ConditionCompiler.MaxParts} parts", section);
        Assert.Contains($"{ConditionCompiler.MaxDepth} levels of nested operations", section);
    }
}
