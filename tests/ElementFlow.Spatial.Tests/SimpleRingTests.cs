using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class SimpleRingTests
{
    [Theory]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")]
    [InlineData("POLYGON ((0 0, 10 0, 10 0, 10 10, 0 10, 0 0))")] // a repeated vertex is allowed
    [InlineData("POLYGON ((0 0, 5 0, 10 0, 10 10, 0 10, 0 0))")] // a straight vertex too
    [InlineData("POLYGON ((0 0, 10 0, 5 8, 0 0))")]
    public void IsCertainlyValid_ASimpleShell_IsDecidedWithoutIsValidOp(string wkt)
    {
        Assert.True(SimpleRing.IsCertainlyValid(Wkt(wkt)));
    }

    [Theory]
    [InlineData("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")] // bow-tie
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 5 0, 0 10, 0 0))")] // touches itself at a vertex
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 10 15, 10 10, 0 10, 0 0))")] // a spike
    [InlineData("POLYGON ((0 0, 10 0, 20 0, 0 0))")] // collapsed onto a line
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 2))")] // holes are IsValidOp's
    public void IsCertainlyValid_AnythingDoubtful_IsLeftToIsValidOp(string wkt)
    {
        Assert.False(SimpleRing.IsCertainlyValid(Wkt(wkt)));
    }

    [Fact]
    public void IsCertainlyValid_NeverAcceptsARingIsValidOpRefuses()
    {
        // Rings on a small grid touch, cross, spike and run back on themselves far more often than real parcels do.
        var random = new Random(12345);
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var accepted = 0;
        for (var n = 0; n < 20000; n++)
        {
            var count = random.Next(3, 9);
            var points = Enumerable.Range(0, count).Select(_ => new Coordinate(random.Next(0, 5), random.Next(0, 5))).ToList();
            points.Add(points[0].Copy());
            var polygon = factory.CreatePolygon(points.ToArray());
            if (!SimpleRing.IsCertainlyValid(polygon)) continue;
            accepted++;
            Assert.True(IsValidOp.CheckValid(polygon), polygon.AsText());
        }

        Assert.True(accepted > 1000, $"only {accepted} rings were decided");
    }
}
