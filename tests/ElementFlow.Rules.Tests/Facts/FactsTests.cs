using System.Linq.Expressions;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Units;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;
using static ElementFlow.Rules.Tests.TestPlans;

namespace ElementFlow.Rules.Tests.Facts;

public sealed class FactsTests
{
    [Fact]
    public void FeatureFact_LandUse_ReadsCodeAreaAndType()
    {
        var fact = LandUse("L-1", "POLYGON ((0 0, 30 0, 30 20, 0 20, 0 0))", "0701");

        Assert.Equal(("land_use/L-1", "0701", 600.0, 100.0, "Polygon"), (fact.ToString(), fact.Code, fact.Area, fact.Length, fact.GeometryType));
    }

    [Fact]
    public void FeatureFact_RoleWithoutClassifyingAttribute_HasNoCode()
    {
        var feature = new Feature("E1", null, new Dictionary<string, object?> { ["code"] = "0701" }, 1);

        var fact = new FeatureFact(new PlanFact(Plan()), LayerRole.EcologicalRedLine, feature);

        Assert.Null(fact.Code);
        Assert.Equal(("None", 0.0), (fact.GeometryType, fact.Area));
    }

    [Fact]
    public void PlanFact_Plan_ExposesNamesAndCrs()
    {
        var fact = new PlanFact(Plan(PlanLevel.Township, PlanType.Detailed, 4549));

        Assert.Equal(("township", "detailed", "330100", 4549, "EPSG:4549", false), (fact.Level, fact.Type, fact.RegionCode, fact.Epsg, fact.Crs, fact.HasParent));
    }

    [Fact]
    public void IndicatorFact_AreaInSquareKilometres_IsInHectares()
    {
        var fact = new IndicatorFact(new PlanFact(Plan()), new Indicator("urban_development_boundary_area", new Quantity(12.5, Unit.SquareKilometre), 20));

        Assert.Equal((1250.0, "ha"), (fact.Value, fact.Unit));
    }

    [Fact]
    public void IndicatorFact_Percent_IsAFraction()
    {
        var fact = new IndicatorFact(new PlanFact(Plan()), new Indicator("urbanization_rate", new Quantity(65, Unit.Percent), 21));

        Assert.Equal((0.65, "%"), (fact.Value, fact.Unit));
    }

    [Fact]
    public void IndicatorSet_Get_ConvertsAndMissingIsNaN()
    {
        var plan = Plan() with
        {
            Indicators = new Dictionary<string, Indicator>
            {
                ["farmland_retention"] = new("farmland_retention", new Quantity(1.5, Unit.TenThousandMu), 12),
            },
        };
        var set = new IndicatorSet(new PlanFact(plan));

        Assert.True(set.Has("farmland_retention"));
        Assert.Equal(1000, set.Get("farmland_retention"), 9);
        Assert.False(set.Has("wetland_area"));
        Assert.True(double.IsNaN(set.Get("wetland_area")));
    }

    [Fact]
    public void Observation_InSeverityWhen_ValueAndFeaturesAreVisible()
    {
        var lambda = ConditionCompiler.Compile("o.Value > 100 && o.A.Code == \"0701\" && o.B == null", [Expression.Parameter(typeof(Observation), "o")], typeof(bool));
        var observation = new Observation
        {
            Key = "k",
            Plan = new PlanFact(Plan()),
            Value = 150,
            A = LandUse("L-1", "POINT (0 0)", "0701"),
        };

        Assert.True(((Func<Observation, bool>)lambda.Compile())(observation));
    }

    [Theory]
    [InlineData("o.Geometry != null")]
    [InlineData("o.Subjects.Count > 0")]
    [InlineData("o.MeasureName == \"x\"")]
    [InlineData("o.Arguments.Count > 0")]
    [InlineData("o.Plan.Source.Id == \"x\"")]
    public void Observation_HiddenMembers_AreRefused(string text)
    {
        Assert.Throws<ConditionException>(() => ConditionCompiler.Compile(text, [Expression.Parameter(typeof(Observation), "o")], typeof(bool)));
    }
}
