using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb.Tests;

public class CurveTests
{
    private static FileGdbRow Row(string table, int index) => Fixture.Rows("curves.gdb", table)[index];

    [Fact]
    public void Circle_IsDensifiedToWithinOneHundredthOfAPercentOfItsArea()
    {
        var circle = Row("QX", 0).Geometry!;
        Assert.Equal(Math.PI * 100 * 100, circle.Area, Math.PI * 100 * 100 * 1e-4);
    }

    [Fact]
    public void CurvedFeature_CountsItsCurveSegments()
    {
        Assert.True(Row("QX", 0).CurveSegments > 0);
    }

    [Fact]
    public void StraightFeature_HasNoCurveSegments()
    {
        Assert.Equal(0, Row("QX", 2).CurveSegments);
    }

    [Fact]
    public void ArcSide_BulgesOutwardByHalfACircle()
    {
        var expected = 100 * 100 + Math.PI * 50 * 50 / 2;
        Assert.Equal(expected, Row("QX", 1).Geometry!.Area, expected * 1e-4);
    }

    [Fact]
    public void ArcInALine_FollowsTheCircle()
    {
        var line = Row("QXX", 0).Geometry!;
        var expected = 100 + Math.PI * 50;
        Assert.Equal(expected, line.Length, expected * 1e-4);
    }

    [Fact]
    public void DensifiedPolygon_IsValid()
    {
        Assert.True(Row("QX", 1).Geometry!.IsValid);
    }
}
