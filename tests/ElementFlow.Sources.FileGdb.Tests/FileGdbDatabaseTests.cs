namespace ElementFlow.Sources.FileGdb.Tests;

public class FileGdbDatabaseTests
{
    [Fact]
    public void TableNames_ListsUserTablesInCatalogueOrder()
    {
        var db = FileGdbDatabase.Open(Fixture.Path("plan.gdb"));
        Assert.Equal(["GHYDYH", "STBHHX", "SSD", "DL"], db.TableNames);
    }

    [Fact]
    public void OpenTable_FindsTablesWhateverTheCase()
    {
        using var table = FileGdbDatabase.Open(Fixture.Path("plan.gdb")).OpenTable("stbhhx");
        Assert.Equal("STBHHX", table.Name);
    }

    [Fact]
    public void OpenTable_UnknownName_Throws()
    {
        var db = FileGdbDatabase.Open(Fixture.Path("plan.gdb"));
        Assert.Throws<KeyNotFoundException>(() => db.OpenTable("CZKFBJ"));
    }

    [Fact]
    public void Open_FolderWithoutCatalogue_IsAFormatError()
    {
        var folder = Directory.CreateTempSubdirectory("empty.gdb").FullName;
        var e = Assert.Throws<FileGdbFormatException>(() => FileGdbDatabase.Open(folder));
        Assert.Contains("a00000001.gdbtable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileOf_NamesTheTableFile()
    {
        var db = FileGdbDatabase.Open(Fixture.Path("plan.gdb"));
        Assert.Equal("a00000009.gdbtable", db.FileOf("GHYDYH"));
    }
}
