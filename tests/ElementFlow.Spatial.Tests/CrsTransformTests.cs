using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial.Tests;

public sealed class CrsTransformTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Apply_GeographicToZone_AgreesWithProj()
    {
        var point = (Point)CrsTransform.Apply(Factory.CreatePoint(new Coordinate(118.4, 45.2)), 4490, 4527);
        Assert.Equal(39610000.8094, point.X, 0.001);
        Assert.Equal(5008124.8209, point.Y, 0.001);
    }

    [Fact]
    public void Apply_PrefixedToUnprefixed_OnlyShiftsTheEasting()
    {
        var point = (Point)CrsTransform.Apply(Factory.CreatePoint(new Coordinate(39_500_123.25, 3_320_000)), 4527, 4548);
        Assert.Equal(500_123.25, point.X, 1e-6);
        Assert.Equal(3_320_000, point.Y, 1e-6);
    }

    [Fact]
    public void Apply_SwapXY_ReadsNorthingFirstData()
    {
        var point = (Point)CrsTransform.Apply(Factory.CreatePoint(new Coordinate(3_320_000, 500_000)), 4548, 4548, swapXY: true);
        Assert.Equal(500_000, point.X);
        Assert.Equal(3_320_000, point.Y);
    }

    [Fact]
    public void Apply_LeavesTheInputUntouched()
    {
        var original = Factory.CreatePoint(new Coordinate(117, 30));
        _ = CrsTransform.Apply(original, 4490, 4548);
        Assert.Equal(117, original.X);
    }

    [Fact]
    public void Apply_ZoneToNeighbouringZone_KeepsTheGeodeticPosition()
    {
        var inZone39 = (Point)CrsTransform.Apply(Factory.CreatePoint(new Coordinate(118.4, 31)), 4490, 4548);
        var inZone40 = (Point)CrsTransform.Apply(inZone39, 4548, 4549);
        var back = (Point)CrsTransform.Apply(inZone40, 4549, 4490);
        Assert.Equal(118.4, back.X, 1e-9);
        Assert.Equal(31, back.Y, 1e-9);
    }
}
