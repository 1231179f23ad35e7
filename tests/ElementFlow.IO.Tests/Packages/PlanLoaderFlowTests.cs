using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Core.Units;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Tests.Packages;

/// <summary>The <c>flows:</c> section of plan.yaml: read into the plan, every problem a located diagnostic.</summary>
public class PlanLoaderFlowTests
{
    private const string Quota = """

        flows:
          - id: FL-01
            kind: farmland_quota
            direction: out
            counterpart: "330127"
            amount: { value: 20, unit: ha }
            paddy: { value: 5, unit: ha }
            capacity: { value: 150000, unit: kg }
            document: 清政函〔2024〕12号
            approved_by: "330100"
            year: 2024
            expires: 2027-12-31
        """;

    private static PlanLoadResult Load(string flows)
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + flows);
        return PlanLoader.Load(p.Folder);
    }

    private static Diagnostic Only(PlanLoadResult result, string code) =>
        Assert.Single(result.Diagnostics, d => d.Code == code);

    [Fact]
    public void Load_CompleteFlow_ReadsEveryField()
    {
        var result = Load(Quota);

        Assert.Empty(result.Diagnostics);
        var flow = Assert.Single(result.Plan!.Flows);
        Assert.Equal(("FL-01", FlowKind.FarmlandQuota, FlowDirection.Out, "330127"), (flow.Id, flow.Kind, flow.Direction, flow.Counterpart));
        Assert.Equal((20.0, 5.0, 150000.0), (flow.Amount.Canonical, flow.Paddy!.Value.Canonical, flow.Capacity!.Value.Value));
        Assert.Equal(("清政函〔2024〕12号", "330100", 2024, new DateOnly(2027, 12, 31)), (flow.Document, flow.ApprovedBy, flow.Year, flow.Expires));
    }

    [Fact]
    public void Load_AmountInMu_ConvertsToHectares()
    {
        var result = Load(Quota.Replace("{ value: 20, unit: ha }", "{ value: 300, unit: mu }"));

        Assert.Equal(20.0, result.Plan!.Flows[0].Amount.Canonical, 9);
    }

    [Fact]
    public void Load_UnknownKind_IsLocatedAndListsTheKinds()
    {
        var result = Load(Quota.Replace("kind: farmland_quota", "kind: water_quota"));

        var d = Only(result, "plan.unknown-flow-kind");
        Assert.Equal(11, d.Line);
        Assert.Contains("linkage_quota", d.Message(Language.En));
        Assert.Empty(result.Plan!.Flows);
    }

    [Fact]
    public void Load_UnknownUnit_IsAnError()
    {
        var result = Load(Quota.Replace("{ value: 20, unit: ha }", "{ value: 20, unit: acre }"));

        Assert.Equal(14, Only(result, "plan.unknown-unit").Line);
    }

    [Fact]
    public void Load_AreaQuotaInMoney_IsAnErrorNamingTheUnitsOfTheKind()
    {
        var result = Load(Quota.Replace("{ value: 20, unit: ha }", "{ value: 20, unit: 10k_yuan }"));

        var d = Only(result, "plan.field-invalid");
        Assert.Contains("amount.unit", d.Message(Language.En));
        Assert.Contains("10k_mu", d.Message(Language.En));
    }

    [Fact]
    public void Load_CounterpartNotARegionCode_IsLocatedOnItsLine()
    {
        var result = Load(Quota.Replace("counterpart: \"330127\"", "counterpart: 东平县"));

        var d = Only(result, "plan.field-invalid");
        Assert.Equal(13, d.Line);
        Assert.Contains("counterpart", d.Message(Language.En));
    }

    [Fact]
    public void Load_ExpiryNotADate_IsLocatedOnItsLine()
    {
        var result = Load(Quota.Replace("expires: 2027-12-31", "expires: end of 2027"));

        var d = Only(result, "plan.field-invalid");
        Assert.Equal(20, d.Line);
        Assert.Contains("yyyy-MM-dd", d.Message(Language.En));
    }

    [Fact]
    public void Load_DirectionOtherThanInOrOut_IsAnError()
    {
        var result = Load(Quota.Replace("direction: out", "direction: sideways"));

        Assert.Contains("direction", Only(result, "plan.field-invalid").Message(Language.En));
    }

    [Fact]
    public void Load_TwoFlowsWithOneId_IsAnErrorOnTheSecond()
    {
        var second = Quota.Replace("flows:\n", "");
        var result = Load(Quota + second);

        var d = Only(result, "plan.field-invalid");
        Assert.Equal(21, d.Line);
        Assert.Contains("FL-01", d.Message(Language.En));
    }

    [Fact]
    public void Load_UnknownFlowKey_IsAnError()
    {
        var result = Load(Quota.Replace("year: 2024", "year: 2024\n    price: 30"));

        Assert.Equal("flows[0].price", Only(result, "yaml.unknown-key").Arguments["key"]);
    }

    [Fact]
    public void Load_EnclavesLayer_IsARole()
    {
        Assert.Equal("飞地", LayerRole.Find("enclaves")!.Zh);
        Assert.Equal(Dimension.Money, Unit.Find("10k_yuan")!.Dimension);
    }
}
