using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb.Tests;

/// <summary>The committed fixtures (Fixtures/make-fixtures.sh) and a geometry factory to read them with.</summary>
internal static class Fixture
{
    public static GeometryFactory Factory { get; } = new();

    public static string Path(string gdb) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", gdb);

    public static List<FileGdbRow> Rows(string gdb, string table)
    {
        using var t = FileGdbDatabase.Open(Path(gdb)).OpenTable(table);
        return t.Rows(Factory).ToList();
    }

    /// <summary>A private copy of a fixture, to damage.</summary>
    public static string Copy(string gdb)
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "filegdb-test-" + Guid.NewGuid().ToString("N"), gdb);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path(gdb))) File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        return target;
    }
}
