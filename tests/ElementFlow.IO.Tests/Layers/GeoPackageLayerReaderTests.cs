using ElementFlow.Generator;
using ElementFlow.IO.Layers;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace ElementFlow.IO.Tests.Layers;

public sealed class GeoPackageLayerReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ef-gpkg-" + Guid.NewGuid().ToString("N"));

    public GeoPackageLayerReaderTests() => PlanPackageWriter.Write(new SyntheticPlan(400, seed: 5), "gpkg", _folder);

    private string Gpkg => Path.Combine(_folder, "plan.gpkg");

    [Fact]
    public void Read_StandardTableName_IsFoundForItsRoleWithoutLayerKey()
    {
        var result = GeoPackageLayerReader.Read(Gpkg, Requests.For("land_use", "plan.gpkg"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(400, result.Layer!.Features.Count); // one cell left as a gap, one parcel duplicated
        Assert.Equal(("L1", true), (result.Layer.Features[0].Id, result.Layer.Features[0].Has("code")));
    }

    [Fact]
    public void Read_NamedTable_IsRead()
    {
        var result = GeoPackageLayerReader.Read(Gpkg, Requests.For("zoning", "plan.gpkg", table: "ghfq"));

        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Layer!.Features);
        Assert.All(result.Layer.Features, f => Assert.True(f.Has("zone")));
    }

    [Fact]
    public void Read_SeveralTablesAndNoneForTheRole_IsUnreadableListingThem()
    {
        var d = Assert.Single(GeoPackageLayerReader.Read(Gpkg, Requests.For("subdistricts", "plan.gpkg")).Diagnostics);

        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains("GHYDYH", d.Message(Core.Text.Language.En));
        Assert.Contains("layer:", d.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Read_UnknownTable_IsUnreadable()
    {
        var d = Assert.Single(GeoPackageLayerReader.Read(Gpkg, Requests.For("land_use", "plan.gpkg", table: "NOPE")).Diagnostics);

        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains("NOPE", d.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Read_TableInAnotherSrs_IsACrsMismatch()
    {
        Execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('CGCS2000', 4490, 'EPSG', 4490, 'GEOGCS[\"China Geodetic Coordinate System 2000\"]', NULL);"
                + "UPDATE gpkg_geometry_columns SET srs_id = 4490 WHERE table_name = 'GHYDYH'");

        var d = Assert.Single(GeoPackageLayerReader.Read(Gpkg, Requests.For("land_use", "plan.gpkg")).Diagnostics);

        Assert.Equal("layer.crs-mismatch", d.Code);
        Assert.Contains("EPSG:4490", d.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Read_NotADatabase_IsUnreadableNamingTheFile()
    {
        var path = Path.Combine(_folder, "broken.gpkg");
        File.WriteAllText(path, "this is not a GeoPackage, just text long enough to have a header and then some more");

        var d = Assert.Single(GeoPackageLayerReader.Read(path, Requests.For("land_use", "broken.gpkg")).Diagnostics);

        Assert.Equal(("layer.unreadable", "pkg/broken.gpkg"), (d.Code, d.File));
    }

    [Fact]
    public void Read_SqliteWithoutGeoPackageTables_IsUnreadable()
    {
        var path = Path.Combine(_folder, "plain.gpkg");
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var c = db.CreateCommand();
            c.CommandText = "CREATE TABLE t (x INTEGER)";
            c.ExecuteNonQuery();
        }

        var d = Assert.Single(GeoPackageLayerReader.Read(path, Requests.For("land_use", "plain.gpkg")).Diagnostics);

        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains("gpkg_geometry_columns", d.Message(Core.Text.Language.En));
    }

    [Fact]
    public void Read_CorruptGeometryBlob_IsUnreadable()
    {
        Execute("UPDATE GHYDYH SET geom = X'0102030405' WHERE fid = 3");

        var d = Assert.Single(GeoPackageLayerReader.Read(Gpkg, Requests.For("land_use", "plan.gpkg")).Diagnostics);

        Assert.Equal("layer.unreadable", d.Code);
    }

    [Fact]
    public void Read_NonFiniteCoordinates_DropTheGeometryWithAWarning()
    {
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        var blob = new NetTopologySuite.IO.GeoPackageGeoWriter().Write(factory.CreatePolygon(
            [new(0, 0), new(double.NaN, 0), new(10, 10), new(0, 10), new(0, 0)]));
        SetGeometry(fid: 2, blob);

        var result = GeoPackageLayerReader.Read(Gpkg, Requests.For("land_use", "plan.gpkg"));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("layer.bad-coordinates", "L2"), (d.Code, d.FeatureId));
        Assert.Null(result.Layer!.Features[1].Geometry);
    }

    [Fact]
    public void Read_ZmGeometries_KeepXAndYOnly()
    {
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        var zm = factory.CreatePolygon(factory.CoordinateSequenceFactory.Create(
            [new CoordinateZM(0, 0, 5, 1), new CoordinateZM(10, 0, 5, 2), new CoordinateZM(10, 10, 5, 3), new CoordinateZM(0, 0, 5, 4)]));
        var blob = new NetTopologySuite.IO.GeoPackageGeoWriter { HandleOrdinates = Ordinates.XYZM }.Write(zm);
        SetGeometry(fid: 2, blob);

        var sequence = ((Polygon)GeoPackageLayerReader.Read(Gpkg, Requests.For("land_use", "plan.gpkg")).Layer!.Features[1].Geometry!).ExteriorRing.CoordinateSequence;

        Assert.Equal((2, 0), (sequence.Dimension, sequence.Measures));
        Assert.Equal((10.0, 10.0), (sequence.GetX(2), sequence.GetY(2)));
    }

    private void SetGeometry(int fid, byte[] blob)
    {
        using var db = new SqliteConnection($"Data Source={Gpkg};Pooling=False");
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = "UPDATE GHYDYH SET geom = $g WHERE fid = $fid";
        c.Parameters.AddWithValue("$g", blob);
        c.Parameters.AddWithValue("$fid", fid);
        c.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var db = new SqliteConnection($"Data Source={Gpkg};Pooling=False");
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
