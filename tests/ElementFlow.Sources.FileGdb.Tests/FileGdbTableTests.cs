using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb.Tests;

public class FileGdbTableTests
{
    [Fact]
    public void Fields_DeclaredTypesAndWidths()
    {
        using var table = FileGdbDatabase.Open(Fixture.Path("plan.gdb")).OpenTable("GHYDYH");
        var fields = table.AttributeFields.ToDictionary(f => f.Name, f => (f.Type, f.Length));
        Assert.Equal((FileGdbFieldType.String, 18), fields["BSM"]);
        Assert.Equal(FileGdbFieldType.Int16, fields["XH"].Type);
        Assert.Equal(FileGdbFieldType.Int32, fields["SL"].Type);
        Assert.Equal(FileGdbFieldType.Float32, fields["RATIO"].Type);
        Assert.Equal(FileGdbFieldType.Float64, fields["TBMJ"].Type);
        Assert.Equal(FileGdbFieldType.DateTime, fields["RQ"].Type);
    }

    [Fact]
    public void GeometryType_IsThePolygonOfTheFeatureClass()
    {
        using var table = FileGdbDatabase.Open(Fixture.Path("plan.gdb")).OpenTable("GHYDYH");
        Assert.Equal(FileGdbGeometryType.Polygon, table.GeometryType);
    }

    [Fact]
    public void SpatialReferenceWkt_IsTheLayersEsriWkt()
    {
        using var table = FileGdbDatabase.Open(Fixture.Path("plan.gdb")).OpenTable("GHYDYH");
        Assert.StartsWith("PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\"", table.SpatialReferenceWkt, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_ReadAsTheirTypes()
    {
        var row = Fixture.Rows("plan.gdb", "GHYDYH")[0];
        using var table = FileGdbDatabase.Open(Fixture.Path("plan.gdb")).OpenTable("GHYDYH");
        var values = table.AttributeFields.Select((f, i) => (f.Name, row.Values[i])).ToDictionary(p => p.Name, p => p.Item2);
        Assert.Equal("330102000000000001", values["BSM"]);
        Assert.Equal((short)1, values["XH"]);
        Assert.Equal(70000, values["SL"]);
        Assert.Equal(0.25f, values["RATIO"]);
        Assert.Equal(9600.5, values["TBMJ"]);
        Assert.Equal("中文备注", values["BZ"]);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 30, 0), values["RQ"]);
    }

    [Fact]
    public void Values_NullFieldsAreNull()
    {
        var row = Fixture.Rows("plan.gdb", "GHYDYH")[2];
        Assert.Equal("330102000000000003", row.Values[0]);
        Assert.Null(row.Values[^1]);
    }

    [Fact]
    public void Rows_ObjectIdsCountFromOne()
    {
        Assert.Equal([1L, 2L, 3L], Fixture.Rows("plan.gdb", "GHYDYH").Select(r => r.ObjectId));
    }

    [Fact]
    public void Rows_SkipObjectIdsThatHaveNoRow()
    {
        var ids = Fixture.Rows("geographic.gdb", "GHFQ").Select(r => r.ObjectId).ToList();
        Assert.Equal(1400, ids.Count);
        Assert.Equal([100L, 1201L], ids.Skip(99).Take(2));
    }

    [Fact]
    public void RowCount_IsTheDeclaredNumberOfRows()
    {
        using var table = FileGdbDatabase.Open(Fixture.Path("geographic.gdb")).OpenTable("GHFQ");
        Assert.Equal(1400, table.RowCount);
    }

    [Fact]
    public void GlobalIdAndGuidFields_ReadAsGuids()
    {
        // GDB_Items, the system table every geodatabase has, keys its items by UUID.
        using var items = FileGdbTable.Open(Path.Combine(Fixture.Path("plan.gdb"), "a00000004.gdbtable"));
        var uuid = items.AttributeFields.ToList().FindIndex(f => f.Name == "UUID");
        Assert.Contains(items.AttributeFields[uuid].Type, new[] { FileGdbFieldType.Guid, FileGdbFieldType.GlobalId });
        Assert.All(items.Rows(Fixture.Factory), r => Assert.IsType<Guid>(r.Values[uuid]));
    }
}
