using System.IO.Compression;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.IO.Layers;
using ElementFlow.IO.Packages;
using ElementFlow.Sources;
using ElementFlow.Sources.FileGdb;

namespace ElementFlow.IO.Tests.Layers;

/// <summary>FileGDB as a layer source of packages: <see cref="FileGdbSource"/> through the seam, in a folder and a zip.</summary>
public sealed class FileGdbSourceTests : IDisposable
{
    private static readonly LayerSources Sources = PackageFormats.Sources.With(new FileGdbSource());

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ef-gdb-" + Guid.NewGuid().ToString("N"));

    public FileGdbSourceTests()
    {
        // A package folder holding plan.gdb and curves.gdb (the reader's own fixtures, written by GDAL).
        foreach (var gdb in new[] { "plan.gdb", "curves.gdb" })
        {
            var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "gdb", gdb);
            var target = Directory.CreateDirectory(Path.Combine(_folder, gdb)).FullName;
            foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    private LayerReadResult Read(string role, string file, string? table = null)
    {
        using var files = new FolderPackage(_folder) { DisplayPath = _folder };
        return Sources.Read(files, Requests.For(role, file, table));
    }

    [Fact]
    public void Read_NamedTable_ReadsItsFeaturesWithBsmAsId()
    {
        var result = Read("land_use", "plan.gdb", "GHYDYH");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["330102000000000001", "330102000000000002", "330102000000000003"], result.Layer!.Features.Select(f => f.Id));
    }

    [Fact]
    public void Read_StandardTableName_IsFoundForItsRoleWithoutLayerKey()
    {
        var result = Read("ecological_redline", "plan.gdb");
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Layer!.Features);
    }

    [Fact]
    public void Read_Numbers_AreDoubles()
    {
        var feature = Read("land_use", "plan.gdb", "GHYDYH").Layer!.Features[0];
        Assert.Equal(1.0, feature.Attributes["XH"]);
        Assert.Equal(9600.5, feature.Attributes["TBMJ"]);
    }

    [Fact]
    public void Read_Dates_AreIsoText()
    {
        Assert.Equal("2024-05-01 10:30:00", Read("land_use", "plan.gdb", "GHYDYH").Layer!.Features[0].Attributes["RQ"]);
    }

    [Fact]
    public void Read_UnknownTable_IsUnreadableListingTheTables()
    {
        var d = Assert.Single(Read("land_use", "plan.gdb", "ZXCQGHYDYH").Diagnostics);
        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains("GHYDYH, STBHHX, SSD, DL", d.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorruptTable_IsUnreadableNamingTheTable()
    {
        var file = Path.Combine(_folder, "plan.gdb", "a00000009.gdbtable");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^40]);
        var d = Assert.Single(Read("land_use", "plan.gdb", "GHYDYH").Diagnostics);
        Assert.Equal("layer.unreadable", d.Code);
        Assert.Contains("table GHYDYH (a00000009.gdbtable)", d.Message(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingGeodatabase_IsFileMissing()
    {
        Assert.Equal("layer.file-missing", Assert.Single(Read("land_use", "other.gdb").Diagnostics).Code);
    }

    [Fact]
    public void Read_CurvedFeatures_AreDataIssuesNamingEachFeature()
    {
        var result = Read("land_use", "curves.gdb", "QX");
        Assert.Equal(2, result.Issues.Count(i => i.Code == DataIssue.CurvedSegments));
        Assert.DoesNotContain(result.Issues, i => i.FeatureId == "3");
    }

    [Fact]
    public void Read_GeodatabaseInsideAZipPackage_IsRead()
    {
        File.WriteAllText(Path.Combine(_folder, "plan.yaml"), "x");
        var zip = _folder + ".zip";
        ZipFile.CreateFromDirectory(_folder, zip);
        try
        {
            using var files = new ZipPackage(zip) { DisplayPath = zip };
            var result = Sources.Read(files, Requests.For("land_use", "plan.gdb", "GHYDYH"));
            Assert.Empty(result.Diagnostics);
            Assert.Equal(3, result.Layer!.Features.Count);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void Read_ZippedGeodatabaseFile_IsRead()
    {
        ZipFile.CreateFromDirectory(Path.Combine(_folder, "plan.gdb"), Path.Combine(_folder, "plan.gdb.zip"), CompressionLevel.Fastest, includeBaseDirectory: true);
        var result = Read("land_use", "plan.gdb.zip", "GHYDYH");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Layer!.Features.Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
