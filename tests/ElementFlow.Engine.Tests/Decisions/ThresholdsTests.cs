using System.Linq.Expressions;
using ElementFlow.Engine.Decisions;

namespace ElementFlow.Engine.Tests.Decisions;

public class ThresholdsTests
{
    private static bool Below(double value, double limit) => Test(v => Thresholds.Below(v, limit), value);

    private static bool Above(double value, double limit) => Test(v => Thresholds.Above(v, limit), value);

    private static bool Test(Func<ParameterExpression, Expression> build, double value)
    {
        var v = Expression.Parameter(typeof(double), "v");
        return Expression.Lambda<Func<double, bool>>(build(v), v).Compile()(value);
    }

    [Theory]
    [InlineData(0.9, 0.8999999999)]
    [InlineData(-2, -2.000000001)]
    [InlineData(0, 0)]
    public void Below_ValueWithinTheSlackUnderTheLimit_IsNotBelow(double limit, double value)
    {
        Assert.False(Below(value, limit));
    }

    [Theory]
    [InlineData(0.9, 0.89)]
    [InlineData(-2, -2.1)]
    [InlineData(0, -1e-12)]
    public void Below_ValueClearlyUnderTheLimit_IsBelow(double limit, double value)
    {
        Assert.True(Below(value, limit));
    }

    [Theory]
    [InlineData(1.3, 1.3000000000000003)]
    [InlineData(-2, -1.999999999)]
    public void Above_ValueWithinTheSlackOverTheLimit_IsNotAbove(double limit, double value)
    {
        Assert.False(Above(value, limit));
    }

    [Fact]
    public void Below_NegativeMinimumOfAnAreaRatio_AllowsTheSlackOnTheAllowedSide()
    {
        // Was value < min * (1 - slack): for min = -2 that flagged -1.9999999999, which is above the minimum.
        Assert.False(Below(-1.9999999999, -2));
    }
}
