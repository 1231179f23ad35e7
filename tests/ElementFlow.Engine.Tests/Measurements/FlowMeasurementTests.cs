using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Core.Units;
using static ElementFlow.Engine.Tests.TestPlan;

namespace ElementFlow.Engine.Tests.Measurements;

/// <summary>The flow kinds and what flows change in the balance and transmission kinds.</summary>
public class FlowMeasurementTests
{
    private static Plan City(params (string Region, string Key, double Min)[] floors) => new TestPlan { Level = PlanLevel.City }.Build() with
    {
        Id = "city",
        Region = new Region("330100", "清河市"),
        Allocations = floors.Select(f => new Allocation(f.Region, f.Key, f.Min, null, Unit.Hectare, 1)).ToList(),
    };

    private static IReadOnlyList<Finding> CheckUnderCity(Plan county, Plan city, string yaml)
    {
        var tree = new PlanTree();
        tree.Add(city, isChecked: false);
        tree.Add(county, isChecked: true);
        tree.Link(county, city);
        return new Checker(TestPlan.Rules(yaml)).Check(tree).Single().Findings;
    }

    private const string Floors = """
        ruleset: t
        version: 1.0.0
        title: { zh: 测试, en: Test }
        rules:
          - id: HIER-003
            title: { zh: 测试, en: Test }
            severity: error
            check: { kind: transmission, compare: allocation, direction: floor }
            message: { zh: "{indicator} {value}", en: "{indicator} {value}" }
        """;

    [Fact]
    public void Transmission_ShortfallTheRelocatedBasicFarmlandMakesUp_IsWaivedAsCoveredByFlow007()
    {
        var county = new TestPlan().Indicator("permanent_basic_farmland_area", 99, Unit.Hectare)
            .Flow("FL-02", FlowKind.PbfRelocation, FlowDirection.Out, "330127", 1, approvedBy: "000000").Build();

        var finding = Assert.Single(CheckUnderCity(county, City(("330122", "permanent_basic_farmland_area", 100)), Floors));

        Assert.Equal(new Waiver("FLOW-007 FL-02", "清政函〔2024〕12号"), finding.WaivedBy);
    }

    [Fact]
    public void Transmission_ShortfallBeyondWhatWasRelocated_StaysAnError()
    {
        var county = new TestPlan().Indicator("permanent_basic_farmland_area", 98, Unit.Hectare)
            .Flow("FL-02", FlowKind.PbfRelocation, FlowDirection.Out, "330127", 1, approvedBy: "000000").Build();

        var finding = Assert.Single(CheckUnderCity(county, City(("330122", "permanent_basic_farmland_area", 100)), Floors));

        Assert.Null(finding.WaivedBy);
    }

    [Fact]
    public void Transmission_WithFlows_HoldsTheReceiverToItsAllocationPlusWhatArrives()
    {
        var county = new TestPlan().Indicator("permanent_basic_farmland_area", 100, Unit.Hectare)
            .Flow("FL-02", FlowKind.PbfRelocation, FlowDirection.In, "330127", 1, approvedBy: "000000").Build();
        var yaml = Floors.Replace("direction: floor }", "direction: floor, flows: pbf_relocation }");

        var finding = Assert.Single(CheckUnderCity(county, City(("330122", "permanent_basic_farmland_area", 100)), yaml));

        Assert.Equal(101, finding.Measure!.Limit);
    }

    private const string Linkage = """
        ruleset: t
        version: 1.0.0
        title: { zh: 测试, en: Test }
        rules:
          - id: FLOW-004
            title: { zh: 测试, en: Test }
            severity: warning
            check: { kind: flow-eligibility, flows: [linkage_quota], senders: ["520122"], receivers: ["33"], from-year: 2018, until-year: 2025 }
            message: { zh: "{flow} {sender} {receiver}", en: "{flow} {sender} {receiver}" }
        """;

    [Theory]
    [InlineData("520122", "")]
    [InlineData("510122", "FL-01 510122 330122")]
    public void FlowEligibility_ConfiguredLists_JudgeTheSender(string sender, string expected)
    {
        var county = new TestPlan().Flow("FL-01", FlowKind.LinkageQuota, FlowDirection.In, sender, 5, approvedBy: "000000").Build();

        var findings = new Checker(TestPlan.Rules(Linkage)).Check(county).Findings;

        Assert.Equal(expected, string.Join("; ", findings.Select(f => f.Message(Language.En))));
    }

    [Fact]
    public void FlowEligibility_FlowInsideTheProvince_IsNotApplicable()
    {
        var county = new TestPlan().Flow("FL-01", FlowKind.LinkageQuota, FlowDirection.In, "330127", 5).Build();

        var result = new Checker(TestPlan.Rules(Linkage)).Check(county);

        Assert.Equal((0, 1), (result.RulesRun, result.NotApplicable));
    }

    [Fact]
    public void Indicator_WithoutFlowsOfTheKind_IsNotApplicableToAPlanTradingThem()
    {
        var yaml = """
            ruleset: t
            version: 1.0.0
            title: { zh: 测试, en: Test }
            rules:
              - id: USE-002
                title: { zh: 测试, en: Test }
                severity: error
                check:
                  kind: indicator
                  applies-to: { without-flows: [farmland_quota] }
                  assert: "farmland_compensated >= farmland_occupied"
                message: { zh: "短缺", en: "short" }
            """;
        var county = new TestPlan().Indicator("farmland_occupied", 100, Unit.Hectare).Indicator("farmland_compensated", 70, Unit.Hectare)
            .Flow("FL-01", FlowKind.FarmlandQuota, FlowDirection.In, "330127", 30).Build();

        var result = new Checker(TestPlan.Rules(yaml)).Check(county);

        Assert.Equal((0, 0, 1), (result.Findings.Count, result.RulesRun, result.NotApplicable));
    }
}
