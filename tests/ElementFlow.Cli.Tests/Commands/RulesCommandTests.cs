namespace ElementFlow.Cli.Tests.Commands;

public class RulesCommandTests
{
    [Fact]
    public void Lint_BuiltInRules_ExitsZero()
    {
        var (exit, stdout, stderr) = Repo.Cli("rules", "lint", Repo.Rules, "--lang", "en");

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Equal("", stderr);
        Assert.Matches(@"^\d+ rule sets, \d+ rules, 0 errors", stdout);
    }

    [Fact]
    public void Lint_MissingFolder_ExitsTwo()
    {
        var (exit, _, stderr) = Repo.Cli("rules", "lint", "no-such-rules", "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no-such-rules", stderr);
    }

    [Fact]
    public void Test_BuiltInRules_PrintsARunnerSummaryLine()
    {
        var (exit, stdout, _) = Repo.Cli("rules", "test", Repo.Rules);

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Matches(@"\n\d+ passed, 0 failed\n?$", stdout.Replace("\r", ""));
    }

    [Fact]
    public void List_ShowsEveryCatalogueRuleWithSeverity()
    {
        var (exit, stdout, _) = Repo.Cli("rules", "list", "--rules", Repo.Rules, "--lang", "en");

        Assert.Equal(ExitCodes.Clean, exit);
        foreach (var id in Enumerable.Range(1, 10).Select(i => $"DATA-{i:000}").Concat(Enumerable.Range(1, 8).Select(i => $"LINE-{i:000}")))
        {
            Assert.Contains(id, stdout);
        }

        Assert.Matches(@"LINE-001\s+error\s+province,city,county,township; overall", stdout);
    }

    [Fact]
    public void Explain_KnownRule_MatchesTheApprovedSnapshot()
    {
        var (exit, stdout, _) = Repo.Cli("explain", "LINE-007", "--rules", Repo.Rules, "--lang", "en");

        Assert.Equal(ExitCodes.Clean, exit);
        Approver.Verify("explain-LINE-007.en", System.Text.RegularExpressions.Regex.Replace(stdout, @"(\.\./)+rules/", "rules/"));
    }

    [Fact]
    public void Explain_UnknownRule_ExitsTwoPointingAtRulesList()
    {
        var (exit, _, stderr) = Repo.Cli("explain", "LINE-999", "--rules", Repo.Rules, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("rules list", stderr);
    }
}
