namespace ElementFlow.Spatial.Tests;

/// <summary>Reference values from PROJ 9.1 (<c>cs2cs EPSG:4490 EPSG:4527</c>, PROJ's exact transverse Mercator), independent of our series.</summary>
public sealed class GaussKrugerTests
{
    [Theory]
    [InlineData(117.0, 30.0, 39500000.0000, 3320113.3978)]
    [InlineData(118.4, 45.2, 39610000.8094, 5008124.8209)]
    [InlineData(115.6, 22.7, 39356143.0985, 2511993.3417)]
    [InlineData(116.2, 53.1, 39446414.8816, 5886048.2630)]
    [InlineData(118.49, 31.2345678, 39641959.2877, 3457938.4923)]
    public void Forward_Zone39_AgreesWithProjToAMillimetre(double longitude, double latitude, double easting, double northing)
    {
        var (e, n) = GaussKruger.ForEpsg(4527).Forward(longitude, latitude);
        Assert.Equal(easting, e, 0.001);
        Assert.Equal(northing, n, 0.001);
    }

    [Fact]
    public void Forward_UnprefixedZone_DiffersOnlyByTheFalseEasting()
    {
        var (e, n) = GaussKruger.ForEpsg(4548).Forward(118.4, 45.2);
        Assert.Equal(610000.8094, e, 0.001);
        Assert.Equal(5008124.8209, n, 0.001);
    }

    [Theory]
    [InlineData(39500000.0, 3320113.3978, 117.0, 30.0)]
    [InlineData(39641959.2877, 3457938.4923, 118.49, 31.2345678)]
    [InlineData(39356143.0985, 2511993.3417, 115.6, 22.7)]
    public void Inverse_Zone39_AgreesWithProjToAMicrodegree(double easting, double northing, double longitude, double latitude)
    {
        var (l, b) = GaussKruger.ForEpsg(4527).Inverse(easting, northing);
        Assert.Equal(longitude, l, 1e-8);
        Assert.Equal(latitude, b, 1e-8);
    }

    [Fact]
    public void Inverse_UndoesForward()
    {
        var projection = GaussKruger.ForEpsg(4545);
        var (e, n) = projection.Forward(109.3, 19.8);
        var (l, b) = projection.Inverse(e, n);
        Assert.Equal(109.3, l, 1e-10);
        Assert.Equal(19.8, b, 1e-10);
    }
}
