using ElementFlow.Core.Planning;
using ElementFlow.Rules.Model;

namespace ElementFlow.Rules.Tests.Model;

public sealed class AppliesToTests
{
    private static readonly AppliesTo CityCountyOverall = new(
        new HashSet<PlanLevel> { PlanLevel.City, PlanLevel.County },
        new HashSet<PlanType> { PlanType.Overall });

    [Theory]
    [InlineData(PlanLevel.City, PlanType.Overall, true)]
    [InlineData(PlanLevel.County, PlanType.Overall, true)]
    [InlineData(PlanLevel.Province, PlanType.Overall, false)]
    [InlineData(PlanLevel.City, PlanType.Detailed, false)]
    public void Matches_LevelsAndTypes_BothMustMatch(PlanLevel level, PlanType type, bool expected)
    {
        Assert.Equal(expected, CityCountyOverall.Matches(level, type));
    }

    [Theory]
    [InlineData(PlanLevel.National, PlanType.Special)]
    [InlineData(PlanLevel.Township, PlanType.Detailed)]
    public void Matches_Everywhere_MatchesAnyPlan(PlanLevel level, PlanType type)
    {
        Assert.True(AppliesTo.Everywhere.Matches(level, type));
    }

    [Fact]
    public void Matches_OnlyTypesGiven_MatchesEveryLevel()
    {
        var detailed = new AppliesTo(new HashSet<PlanLevel>(), new HashSet<PlanType> { PlanType.Detailed });

        Assert.True(detailed.Matches(PlanLevel.Township, PlanType.Detailed));
        Assert.False(detailed.Matches(PlanLevel.Township, PlanType.Overall));
    }

    [Fact]
    public void ToString_EmptySets_SayAll()
    {
        Assert.Equal("all levels; all types", AppliesTo.Everywhere.ToString());
    }

    [Fact]
    public void AppliesToPlan_Rule_UsesThePlansLevelAndType()
    {
        var rule = new RuleSpec
        {
            Id = "TEST-001",
            Title = Core.Text.LocalizedText.Same("t"),
            Severity = Core.Findings.Severity.Error,
            AppliesTo = CityCountyOverall,
            Message = Core.Text.LocalizedText.Same("m"),
            Checks = [],
            RuleSet = "test",
            Source = new SourceLocation("test.yaml", 5),
        };

        Assert.True(rule.AppliesToPlan(TestPlans.Plan(PlanLevel.County, PlanType.Overall)));
        Assert.False(rule.AppliesToPlan(TestPlans.Plan(PlanLevel.Township, PlanType.Overall)));
    }
}
