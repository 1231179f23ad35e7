using System.Buffers.Binary;
using ElementFlow.Core.Text;
using ElementFlow.Generator;
using ElementFlow.IO.Layers;
using Microsoft.Data.Sqlite;
using ElementFlow.Sources;

namespace ElementFlow.IO.Tests.Layers;

/// <summary>A GeoPackage geometry nesting collections past the limit is an unreadable layer, not a stack overflow.</summary>
public sealed class WkbNestingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ef-wkb-" + Guid.NewGuid().ToString("N"));

    public WkbNestingTests() => PlanPackageWriter.Write(new SyntheticPlan(400, seed: 5), "gpkg", _folder);

    private string Gpkg => Path.Combine(_folder, "plan.gpkg");

    /// <summary>A GeoPackage blob of a point inside <paramref name="depth"/> nested GeometryCollections.</summary>
    private static byte[] NestedCollections(int depth)
    {
        var blob = new List<byte> { (byte)'G', (byte)'P', 0, 1, 0x9F, 0x11, 0, 0 }; // little-endian, no envelope, srs 4511
        var part = new byte[9];
        for (var i = 0; i < depth; i++)
        {
            part[0] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(part.AsSpan(1), 7);
            BinaryPrimitives.WriteUInt32LittleEndian(part.AsSpan(5), 1);
            blob.AddRange(part);
        }

        var point = new byte[21];
        point[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(point.AsSpan(1), 1);
        BinaryPrimitives.WriteDoubleLittleEndian(point.AsSpan(5), 39_500_000);
        BinaryPrimitives.WriteDoubleLittleEndian(point.AsSpan(13), 3_300_000);
        blob.AddRange(point);
        return [.. blob];
    }

    private LayerReadResult ReadWithFirstGeometry(byte[] blob)
    {
        using (var db = new SqliteConnection($"Data Source={Gpkg};Pooling=False"))
        {
            db.Open();
            using var c = db.CreateCommand();
            c.CommandText = "UPDATE GHYDYH SET geom = $blob WHERE fid = (SELECT MIN(fid) FROM GHYDYH)";
            c.Parameters.AddWithValue("$blob", blob);
            c.ExecuteNonQuery();
        }

        return GeoPackageLayerReader.Read(Gpkg, Requests.For("land_use", "plan.gpkg"));
    }

    [Fact]
    public void Read_GeometryNestingAHundredThousandCollections_IsAnUnreadableLayer()
    {
        var d = Assert.Single(ReadWithFirstGeometry(NestedCollections(100_000)).Diagnostics);

        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains($"a geometry nests collections more than {WkbNesting.MaxDepth} deep", d.Message(Language.En));
    }

    [Fact]
    public void Read_GeometryNestingCollectionsToTheLimit_IsRead()
    {
        var result = ReadWithFirstGeometry(NestedCollections(WkbNesting.MaxDepth));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "layer.unreadable");
        Assert.NotNull(result.Layer);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
