namespace ElementFlow.Cli.Tests.Commands;

/// <summary>
/// Conditions that reach outside the sandbox fail <c>rules lint</c> with exit 2 and one message naming
/// the file, the YAML line of the condition, the rule and what is not allowed.
/// </summary>
public sealed class SandboxLintTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ef-sandbox-").FullName;

    /// <summary>Lints a rule set whose one rule has <paramref name="when"/> as its condition, on line 9.</summary>
    private (int Exit, string Err) Lint(string when)
    {
        File.WriteAllText(Path.Combine(_folder, "set.yaml"), $"""
            ruleset: local
            version: 1.0.0
            title: {"{"} zh: 本地, en: Local {"}"}
            rules:
              - id: SBX-001
                title: {"{"} zh: 测试, en: Test {"}"}
                severity: warning
                check:
                  when: '{when.Replace("'", "''", StringComparison.Ordinal)}'
                  kind: expression
                  facts: feature
                message: {"{"} zh: "x", en: "x" {"}"}
            """);
        var (exit, _, stderr) = Repo.Cli("rules", "lint", _folder, "--lang", "en");
        return (exit, stderr);
    }

    [Theory]
    [InlineData("feature.GetType().Assembly != null", "GetType")]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"", "System")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null", "System")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") != null", "Environment")]
    [InlineData("new System.Net.WebClient() != null", "creating objects is not allowed")]
    [InlineData("np(feature.Plan.Parent.Id) == null", "np(...) is not available")]
    [InlineData("it.Area > 0", "'it'")]
    [InlineData("string.Concat(feature.Id, feature.Id).Length > 0", "Concat")]
    [InlineData("Enumerable.Range(0, 2147483647).Count() > 0", "Enumerable")]
    public void RulesLint_ConditionOutsideTheSandbox_FailsNamingFileLineRuleAndWhat(string when, string what)
    {
        var (exit, stderr) = Lint(when);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("set.yaml:9: error rules.condition: Rule SBX-001: the when expression does not parse: ", stderr);
        Assert.Contains(what, stderr);
        Assert.DoesNotMatch(@"\n\s+at [A-Z][\w.]+\(", stderr);
    }

    [Fact]
    public void RulesLint_DeeplyNestedCondition_FailsWithoutCrashing()
    {
        var (exit, stderr) = Lint(new string('(', 900) + "true" + new string(')', 900));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("set.yaml:9: error rules.condition: Rule SBX-001", stderr);
        Assert.Contains("nests brackets more than", stderr);
    }

    [Fact]
    public void RulesLint_ConditionInsideTheSandbox_LintsClean()
    {
        var (exit, stderr) = Lint("feature.Area > 100 && Codes.Match(feature.Code, \"07\") && Math.Abs(feature.Number(\"x\")) >= 0");

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Empty(stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
