using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using static ElementFlow.Engine.Tests.TestPlan;

namespace ElementFlow.Engine.Tests;

public sealed class UseMeasurementTests
{
    private static readonly UsePermittedCheck Check = (UsePermittedCheck)OneRule("""
              kind: use-permitted
              uses: land_use
              zones: zoning
              tolerance-m2: 1
              matrix:
                ecological_protection: { deny: ["10"] }
        """).Single().Checks.Single();

    [Fact]
    public void Run_MeasuresOnlyParcelsInZonesThatDenyTheirUse()
    {
        // Codes without a leading zero: the test plan reads attributes that look like numbers as numbers.
        var plan = new TestPlan()
            .Layer("zoning", ("Z1", Square(0, 0, 1000), "zone=ecological_protection"), ("Z2", Square(1000, 0, 1000), "zone=rural_development"))
            .Layer("land_use",
                ("INDUSTRY", Rect(900, 0, 1100, 100), "code=1001"),
                ("PARK", Square(100, 100, 100), "code=1401"))
            .Build();

        var facts = new UseMeasurement(Check.Uses, Check.Zones, Check.Matrix).Run(new PlanScope(plan)).Facts;

        var observation = Assert.IsType<Observation>(Assert.Single(facts));
        Assert.Equal(("INDUSTRY", "Z1", 10_000.0), (observation.A!.Id, observation.B!.Id, Math.Round(observation.Value, 6)));
    }
}
