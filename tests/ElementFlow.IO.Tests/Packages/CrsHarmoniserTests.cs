using System.Globalization;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Tests.Packages;

/// <summary>Every layer of a CGCS2000 plan ends up in one CRS in metres, and what was wrong is said once.</summary>
public sealed class CrsHarmoniserTests
{
    private static string Plan(string crs, params string[] roles) =>
        TempPackage.MinimalPlan.Replace("crs: EPSG:4527", $"crs: {crs}", StringComparison.Ordinal)
        + "\nlayers:\n" + string.Concat(roles.Select(r => $"  {r}: layers/{r}.geojson\n"));

    /// <summary>A GeoJSON square with corner (x, y) and side s, optionally with a legacy crs member.</summary>
    private static string Square(double x, double y, double s, string? crs = null)
    {
        string P(double px, double py) => string.Create(CultureInfo.InvariantCulture, $"[{px},{py}]");
        var ring = string.Join(",", P(x, y), P(x + s, y), P(x + s, y + s), P(x, y + s), P(x, y));
        var crsMember = crs is null ? "" : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs + "\"}},";
        return "{\"type\":\"FeatureCollection\"," + crsMember + "\"features\":[{\"type\":\"Feature\",\"id\":\"A\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}]}";
    }

    [Fact]
    public void Load_ZonePrefixUnderUnprefixedPlan_ReadsAsPrefixedAndSaysSoOnceForAllLayers()
    {
        using var p = new TempPackage(Plan("EPSG:4548", "boundary", "land_use"),
            ("layers/boundary.geojson", Square(39_500_000, 3_320_000, 1000)),
            ("layers/land_use.geojson", Square(39_500_100, 3_320_100, 100)));
        var loaded = PlanLoader.Load(p.Folder);

        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal("layer.crs-detected", d.Code);
        Assert.StartsWith("Layers boundary, land_use declare EPSG:4548, but their coordinates (X 39500000–39501000", d.Message(Language.En), StringComparison.Ordinal);
        Assert.Equal(500_100, loaded.Plan!.Layers["land_use"].Features[0].Geometry!.EnvelopeInternal.MinX, 1e-6);
    }

    [Fact]
    public void Load_NorthingsInX_AreSwappedBack()
    {
        using var p = new TempPackage(Plan("EPSG:4548", "boundary"), ("layers/boundary.geojson", Square(3_320_000, 500_000, 1000)));
        var loaded = PlanLoader.Load(p.Folder);

        Assert.Contains("X and Y swapped", Assert.Single(loaded.Diagnostics).Message(Language.En), StringComparison.Ordinal);
        var extent = loaded.Plan!.Layers["boundary"].Features[0].Geometry!.EnvelopeInternal;
        Assert.Equal((500_000.0, 3_320_000.0), (extent.MinX, extent.MinY));
    }

    [Fact]
    public void Load_LayerInAnotherCgcs2000Crs_IsReprojectedWithAnInfo()
    {
        using var p = new TempPackage(Plan("EPSG:4527", "boundary"), ("layers/boundary.geojson", Square(117.0, 30.0, 0.01, "urn:ogc:def:crs:EPSG::4490")));
        var loaded = PlanLoader.Load(p.Folder);

        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal(("layer.reprojected", Severity.Info), (d.Code, d.Severity));
        Assert.Equal(39_500_000, loaded.Plan!.Layers["boundary"].Features[0].Geometry!.EnvelopeInternal.MinX, 0.001);
    }

    [Fact]
    public void Load_GeographicPlan_IsMeasuredInTheZoneOfItsBoundary()
    {
        using var p = new TempPackage(Plan("EPSG:4490", "boundary"), ("layers/boundary.geojson", Square(120.2, 30.0, 0.01)));
        var loaded = PlanLoader.Load(p.Folder);

        Assert.Equal("plan.measured-in-zone", Assert.Single(loaded.Diagnostics).Code);
        Assert.Equal((4549, 4490), (loaded.Plan!.Crs.Epsg, loaded.Plan.Crs.DeclaredEpsg));
        Assert.InRange(loaded.Plan.Layers["boundary"].Features[0].Geometry!.Area, 1.0e6, 1.1e6);
    }

    [Fact]
    public void Load_LayerInWgs84_StaysACrsMismatch()
    {
        using var p = new TempPackage(Plan("EPSG:4527", "boundary"), ("layers/boundary.geojson", Square(117.0, 30.0, 0.01, "urn:ogc:def:crs:EPSG::4326")));
        Assert.Equal("layer.crs-mismatch", Assert.Single(PlanLoader.Load(p.Folder).Diagnostics).Code);
    }
}
