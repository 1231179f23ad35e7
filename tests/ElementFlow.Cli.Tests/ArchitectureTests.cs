using System.Reflection;

namespace ElementFlow.Cli.Tests;

/// <summary>The dependency boundaries of STYLE.md §2, checked on the built assemblies.</summary>
public class ArchitectureTests
{
    private static IReadOnlySet<string> References(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToHashSet();

    [Theory]
    [InlineData("ElementFlow.Core", "YamlDotNet")]
    [InlineData("ElementFlow.Core", "NRules")]
    [InlineData("ElementFlow.Core", "NRules.RuleModel")]
    [InlineData("ElementFlow.Core", "System.Text.Json")]
    [InlineData("ElementFlow.Core", "ElementFlow.Rules")]
    [InlineData("ElementFlow.Spatial", "NRules")]
    [InlineData("ElementFlow.Spatial", "ElementFlow.Rules")]
    [InlineData("ElementFlow.Spatial", "YamlDotNet")]
    [InlineData("ElementFlow.Rules", "NRules")]
    [InlineData("ElementFlow.Rules", "NRules.RuleModel")]
    [InlineData("ElementFlow.Rules", "ElementFlow.Engine")]
    [InlineData("ElementFlow.Engine", "ElementFlow.IO")]
    [InlineData("ElementFlow.Engine", "System.Console")]
    [InlineData("ElementFlow.IO", "NRules")]
    [InlineData("ElementFlow.Reports", "NRules")]
    [InlineData("ElementFlow.Reports", "ElementFlow.Engine")]
    public void Assembly_DoesNotReference(string assembly, string forbidden)
    {
        Assert.DoesNotContain(forbidden, References(assembly));
    }

    [Theory]
    [InlineData("ElementFlow.Core")]
    [InlineData("ElementFlow.Spatial")]
    [InlineData("ElementFlow.Rules")]
    [InlineData("ElementFlow.Engine")]
    [InlineData("ElementFlow.IO")]
    [InlineData("ElementFlow.Reports")]
    public void Library_DoesNotWriteToTheConsole(string assembly)
    {
        // Only the CLI touches the console: libraries return data.
        Assert.DoesNotContain("System.Console", References(assembly));
    }

    [Fact]
    public void RuleModel_KnowsNoYamlTypes()
    {
        var model = Assembly.Load("ElementFlow.Rules").GetTypes().Where(t => t.Namespace == "ElementFlow.Rules.Model");
        var leaks = model.SelectMany(t => t.GetProperties().Select(p => (t.Name, p.Name, p.PropertyType)))
            .Where(x => x.PropertyType.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Empty(leaks);
        Assert.NotEmpty(model);
    }
}
