using ElementFlow.Cli.Testing;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Rules;

namespace ElementFlow.Cli.Tests.Testing;

/// <summary>Every built-in rule's fixtures, one theory case each (the same runner as <c>elementflow rules test</c>).</summary>
public class RuleFixtureTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.Load([Repo.Rules]);
    private static readonly IReadOnlyList<RuleTestCase> Cases = RuleTestRunner.Discover(Repo.Rules, new List<Diagnostic>());

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add($"{c.Rule}/{c.Name}");
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Fixture_Passes(string name)
    {
        var testCase = Cases.Single(c => $"{c.Rule}/{c.Name}" == name);

        var result = RuleTestRunner.Run(Catalog, testCase);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public void BuiltInRules_EachHaveAMustFireAndAMustNotFireCase()
    {
        var uncovered = RuleTestRunner.Uncovered(Catalog.Rules, Cases).ToList();

        Assert.Empty(uncovered);
        Assert.NotEmpty(Catalog.Rules);
    }

    [Fact]
    public void Discover_FixturesReadWithoutProblems()
    {
        var diagnostics = new List<Diagnostic>();

        RuleTestRunner.Discover(Repo.Rules, diagnostics);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Run_CaseExpectingAFindingThatIsNotThere_Fails()
    {
        var passes = Cases.First(c => c.Rule == "LINE-001" && c.Silent);
        var expectingMore = passes with { Silent = false, Fires = [new ExpectedFinding(["ecological_redline/E1"], null, null, 1)] };

        var result = RuleTestRunner.Run(Catalog, expectingMore);

        Assert.False(result.Passed);
        Assert.Contains(result.Problems, p => p.En.Contains("expected a finding [ecological_redline/E1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_SilentCaseWhereTheRuleFires_Fails()
    {
        var fires = Cases.First(c => c.Rule == "LINE-001" && c.IsMustFire);
        var silent = fires with { Silent = true, Fires = [] };

        var result = RuleTestRunner.Run(Catalog, silent);

        Assert.False(result.Passed);
        Assert.Contains(result.Problems, p => p.En.StartsWith("expected no finding", StringComparison.Ordinal));
    }
}
