using ElementFlow.Core.Text;
using static ElementFlow.Engine.Tests.TestPlan;

namespace ElementFlow.Engine.Tests;

public sealed class EmptyInputTests
{
    private static readonly IReadOnlyList<Rules.Model.RuleSpec> BoundaryRequired = OneRule("""
              kind: required
              layers:
                "*/*": [boundary]
              attributes:
                residential: [population]
        """, "{what}: {item} ({count})");

    private static readonly IReadOnlyList<Rules.Model.RuleSpec> InsideBoundary = OneRule("""
              kind: within
              a: land_use
              b: boundary
              tolerance-m2: 1
        """);

    [Fact]
    public void Required_LayerListedButEmpty_IsReportedAsEmpty()
    {
        var plan = new TestPlan().Layer("boundary").Build();

        var finding = Assert.Single(new Checker(BoundaryRequired).Check(plan).Findings);

        Assert.Equal("layer (listed but holds no features): boundary (1)", finding.Message(Language.En));
    }

    [Fact]
    public void Required_PopulationThatIsNoNumber_IsReportedPerFeature()
    {
        var plan = new TestPlan()
            .Layer("boundary", ("B1", Square(0, 0, 1000), ""))
            .Layer("residential", ("R1", "POINT (10 10)", "population=many"), ("R2", "POINT (20 20)", "population=120"))
            .Build();

        var finding = Assert.Single(new Checker(BoundaryRequired).Check(plan).Findings);

        Assert.Equal("numeric attribute (value is not a number): residential.population (1)", finding.Message(Language.En));
        Assert.Equal("R1", Assert.Single(finding.Subjects).Id);
    }

    [Fact]
    public void Within_EmptyContainer_IsNotApplicableInsteadOfEverythingOutside()
    {
        var plan = new TestPlan()
            .Layer("boundary")
            .Layer("land_use", ("L1", Square(0, 0, 100), "code=0701"))
            .Build();

        var result = new Checker(InsideBoundary).Check(plan);

        Assert.Empty(result.Findings);
        Assert.Equal(0, result.RulesRun);
    }

    [Fact]
    public void Within_SelectionThatKeepsNoFeature_PutsEverythingOutside()
    {
        var rules = OneRule("""
              kind: within
              a: land_use
              b: { layer: zoning, codes: [rural_development] }
              tolerance-m2: 1
        """);
        var plan = new TestPlan()
            .Layer("zoning", ("Z1", Square(0, 0, 1000), "zone=urban_development"))
            .Layer("land_use", ("L1", Square(0, 0, 100), "code=1601"))
            .Build();

        Assert.Single(new Checker(rules).Check(plan).Findings);
    }
}
