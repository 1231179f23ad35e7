namespace ElementFlow.Sources.FileGdb.Tests;

public class CorruptTableTests
{
    [Fact]
    public void TruncatedTable_IsAFormatErrorNamingTheFile()
    {
        var gdb = Fixture.Copy("plan.gdb");
        var file = Path.Combine(gdb, "a00000009.gdbtable");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length - 40)]);
        var e = Assert.Throws<FileGdbFormatException>(() =>
        {
            using var table = FileGdbDatabase.Open(gdb).OpenTable("GHYDYH");
            _ = table.Rows(Fixture.Factory).ToList();
        });
        Assert.Contains("a00000009.gdbtable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownVersion_IsAFormatError()
    {
        var gdb = Fixture.Copy("plan.gdb");
        var file = Path.Combine(gdb, "a00000009.gdbtable");
        var bytes = File.ReadAllBytes(file);
        bytes[0] = 9;
        File.WriteAllBytes(file, bytes);
        var e = Assert.Throws<FileGdbFormatException>(() => FileGdbDatabase.Open(gdb).OpenTable("GHYDYH"));
        Assert.Contains("version 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRowIndex_IsAFormatError()
    {
        var gdb = Fixture.Copy("plan.gdb");
        File.Delete(Path.Combine(gdb, "a00000009.gdbtablx"));
        Assert.Throws<FileGdbFormatException>(() => FileGdbDatabase.Open(gdb).OpenTable("GHYDYH"));
    }

    [Fact]
    public void ScrambledRows_NeverThrowAnythingButFormatErrors()
    {
        var gdb = Fixture.Copy("plan.gdb");
        var file = Path.Combine(gdb, "a00000009.gdbtable");
        var original = File.ReadAllBytes(file);
        var random = new Random(13);
        for (var round = 0; round < 200; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = 0; k < 8; k++) bytes[random.Next(40, bytes.Length)] = (byte)random.Next(256);
            File.WriteAllBytes(file, bytes);
            try
            {
                using var table = FileGdbDatabase.Open(gdb).OpenTable("GHYDYH");
                _ = table.Rows(Fixture.Factory).ToList();
            }
            catch (FileGdbFormatException)
            {
            }
        }

        Assert.True(File.Exists(file));
    }
}
