using System.Linq.Expressions;
using ElementFlow.Rules.Conditions;
using ElementFlow.Rules.Facts;
using static ElementFlow.Rules.Tests.TestPlans;

namespace ElementFlow.Rules.Tests.Conditions;

public sealed class ConditionCompilerTests
{
    private const string Square100 = "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))";

    private static Func<FeatureFact, bool> Predicate(string text, IReadOnlyDictionary<string, object?>? named = null) =>
        (Func<FeatureFact, bool>)ConditionCompiler.Compile(text, [Expression.Parameter(typeof(FeatureFact), "feature")], typeof(bool), named).Compile();

    private static ConditionException Refused(string text, IReadOnlyDictionary<string, object?>? named = null) =>
        Assert.Throws<ConditionException>(() => ConditionCompiler.Compile(text, [Expression.Parameter(typeof(FeatureFact), "feature")], typeof(bool), named));

    [Theory]
    [InlineData("0701", true)]
    [InlineData("0803", false)]
    public void Compile_ConditionOverFeature_EvaluatesOnTheFact(string code, bool expected)
    {
        var condition = Predicate("feature.Area > 9999 && Codes.Match(feature.Code, \"07\") && feature.GeometryType == \"Polygon\"");

        Assert.Equal(expected, condition(LandUse("L1", Square100, code)));
    }

    [Fact]
    public void Compile_AttributeFunctions_ReadTheFeature()
    {
        var condition = Predicate("feature.Has(\"population\") && feature.Number(\"population\") >= 1200 && feature.Text(\"name\").StartsWith(\"清河\")");

        Assert.True(condition(LandUse("L1", Square100, "0701", ("population", 1200.0), ("name", "清河小区"))));
    }

    [Fact]
    public void Compile_PlanMembersThroughTheFeature_AreAvailable()
    {
        var condition = Predicate("feature.Plan.Level == \"city\" && feature.Plan.Epsg >= 4513 && feature.Layer == \"land_use\"");

        Assert.True(condition(LandUse("L1", Square100, "0701")));
    }

    [Fact]
    public void Compile_MathAndNaNChecks_AreAvailable()
    {
        var condition = Predicate("Math.Abs(feature.Area - 10000) < 1 && double.IsNaN(feature.Number(\"missing\"))");

        Assert.True(condition(LandUse("L1", Square100, "0701")));
    }

    [Theory]
    [InlineData(9999.0, true)]
    [InlineData(10000.0, false)]
    public void Compile_NamedParameter_IsUsableAsBareIdentifier(double minArea, bool expected)
    {
        var condition = Predicate("feature.Area > min_area_m2", new Dictionary<string, object?> { ["min_area_m2"] = minArea });

        Assert.Equal(expected, condition(LandUse("L1", Square100, "0701")));
    }

    [Fact]
    public void Compile_NamedTextParameter_IsUsableAsBareIdentifier()
    {
        var condition = Predicate("Codes.Match(feature.Code, prefix)", new Dictionary<string, object?> { ["prefix"] = "08" });

        Assert.True(condition(LandUse("L1", Square100, "080403")));
    }

    [Fact]
    public void Compile_NumberResult_ReturnsTheValue()
    {
        var lambda = ConditionCompiler.Compile("feature.Area / 10000", [Expression.Parameter(typeof(FeatureFact), "feature")], typeof(double));

        Assert.Equal(1.0, ((Func<FeatureFact, double>)lambda.Compile())(LandUse("L1", Square100, "0701")));
    }

    [Theory]
    [InlineData("feature.GetType() != null")]
    [InlineData("feature.GetType().Name == \"FeatureFact\"")]
    [InlineData("feature.Source != null")]
    [InlineData("feature.Source.Id == \"L1\"")]
    [InlineData("feature.Role.Name == \"land_use\"")]
    [InlineData("feature.Plan.Source.Layers.Count > 0")]
    [InlineData("feature.Plan.Source != null")]
    [InlineData("System.IO.File.Exists(\"x\")")]
    [InlineData("File.Exists(\"x\")")]
    [InlineData("new System.Text.StringBuilder() != null")]
    [InlineData("new StringBuilder() != null")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") != null")]
    [InlineData("Convert.ToString(feature.Area) == \"1\"")]
    [InlineData("DateTime.Now.Year > 2000")]
    [InlineData("Guid.NewGuid() != Guid.Empty")]
    [InlineData("feature.Id.GetHashCode() > 0")]
    [InlineData("feature.Id.Normalize() == \"x\"")]
    [InlineData("feature.Id.Any(c => c == 'x')")]
    [InlineData("feature.Id.Count() > 0")]
    [InlineData("feature is FeatureFact")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("string.Join(\",\", feature.Id) == \"\"")]
    public void Compile_OutsideTheSandbox_IsRefused(string text)
    {
        Refused(text);
    }

    [Fact]
    public void Compile_HiddenMember_NamesItInTheMessage()
    {
        var ex = Refused("feature.Source != null");

        Assert.Contains("Source", ex.Message);
    }

    /// <summary>Found by fuzzing: Dynamic LINQ converts a text compared with another type through a TypeConverter, which threw FormatException past the compiler.</summary>
    [Theory]
    [InlineData("feature.Area > 0 == \"overall\"")]
    [InlineData("feature.Area == \"big\"")]
    [InlineData("feature.Plan.Epsg == \"99999999999999999999\"")]
    public void Compile_TextThatDoesNotConvertToTheOtherSide_IsRefused(string text)
    {
        Refused(text);
    }

    [Fact]
    public void Compile_LongerThanMaxLength_IsRefused()
    {
        var text = string.Concat(Enumerable.Repeat("feature.Area > 1 && ", ConditionCompiler.MaxLength / 20)) + "true";

        var ex = Refused(text);

        Assert.True(text.Length > ConditionCompiler.MaxLength);
        Assert.Equal($"the expression is longer than {ConditionCompiler.MaxLength} characters", ex.Message);
    }

    [Fact]
    public void Compile_ExactlyMaxLength_IsAccepted()
    {
        var text = "true" + new string(' ', ConditionCompiler.MaxLength - 4);

        Assert.True(Predicate(text)(LandUse("L1", Square100, "0701")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Compile_Empty_IsRefused(string text)
    {
        Assert.Equal("the expression is empty", Refused(text).Message);
    }

    [Fact]
    public void Compile_SyntaxError_GivesThePositionInTheMessage()
    {
        var ex = Refused("feature.Area > > 3");

        Assert.EndsWith("(at character 16)", ex.Message);
    }

    [Fact]
    public void Compile_UnknownMember_IsRefusedWithItsName()
    {
        var ex = Refused("feature.Size > 3");

        Assert.Contains("Size", ex.Message);
    }

    [Fact]
    public void Compile_NumberWhereConditionExpected_IsRefused()
    {
        Refused("feature.Area");
    }

    [Fact]
    public void Compile_CaseMatters_LowerCaseMemberIsRefused()
    {
        Refused("feature.area > 3");
    }

    [Fact]
    public void Compile_SameTextAndSignatureTwice_ParsesOnce()
    {
        const string text = "feature.Area > 12345.5";

        var linted = ConditionCompiler.Compile(text, [Expression.Parameter(typeof(FeatureFact), "feature")], typeof(bool));
        var compiled = ConditionCompiler.Compile(text, [Expression.Parameter(typeof(FeatureFact), "feature")], typeof(bool));

        Assert.Same(linted, compiled);
    }

    [Fact]
    public void Compile_SameTextWithOtherNamedConstants_ParsesAnew()
    {
        const string text = "feature.Code == prefix";
        var feature = Expression.Parameter(typeof(FeatureFact), "feature");

        var text07 = ConditionCompiler.Compile(text, [feature], typeof(bool), new Dictionary<string, object?> { ["prefix"] = "0701" });
        var other = ConditionCompiler.Compile(text, [feature], typeof(bool), new Dictionary<string, object?> { ["prefix"] = "0803" });

        Assert.NotSame(text07, other);
        Assert.True(((Func<FeatureFact, bool>)text07.Compile())(LandUse("L1", Square100, "0701")));
        Assert.False(((Func<FeatureFact, bool>)other.Compile())(LandUse("L1", Square100, "0701")));
    }

    [Fact]
    public void Compile_SameTextOverAnotherVariableName_ParsesAnew()
    {
        var asFeature = ConditionCompiler.Compile("true", [Expression.Parameter(typeof(FeatureFact), "feature")], typeof(bool));
        var asParcel = ConditionCompiler.Compile("true", [Expression.Parameter(typeof(FeatureFact), "parcel")], typeof(bool));

        Assert.Equal("parcel", asParcel.Parameters[0].Name);
        Assert.NotSame(asFeature, asParcel);
    }
}
