namespace ElementFlow.Sources.FileGdb;

/// <summary>
/// A File Geodatabase folder (<c>name.gdb</c>): its catalogue <c>a00000001.gdbtable</c> lists every table
/// by name, and the table in catalogue row <i>n</i> lives in <c>a{n:x8}.gdbtable</c>.
/// </summary>
public sealed class FileGdbDatabase
{
    private const string CatalogFile = "a00000001.gdbtable";

    private readonly string _folder;
    private readonly Dictionary<string, long> _tables;

    private FileGdbDatabase(string folder, Dictionary<string, long> tables)
    {
        _folder = folder;
        _tables = tables;
    }

    /// <summary>The tables users made (feature classes and plain tables), without the <c>GDB_</c> system tables, in catalogue order.</summary>
    public IReadOnlyList<string> TableNames =>
        _tables.OrderBy(t => t.Value).Select(t => t.Key).Where(n => !n.StartsWith("GDB_", StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Opens a <c>.gdb</c> folder by reading its catalogue.</summary>
    /// <exception cref="FileGdbFormatException">The folder has no readable catalogue.</exception>
    public static FileGdbDatabase Open(string folder)
    {
        var catalogPath = Path.Combine(folder, CatalogFile);
        if (!File.Exists(catalogPath)) throw new FileGdbFormatException($"{Path.GetFileName(folder.TrimEnd('/', '\\'))}: no {CatalogFile} (the catalogue of a File Geodatabase)");
        using var catalog = FileGdbTable.Open(catalogPath, "GDB_SystemCatalog");
        var nameIndex = IndexOf(catalog, "Name");
        if (nameIndex < 0 || catalog.AttributeFields[nameIndex].Type != FileGdbFieldType.String) throw new FileGdbFormatException($"{CatalogFile}: the catalogue has no Name field");
        var tables = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in catalog.Rows(NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory()))
        {
            if (row.Values[nameIndex] is string name && name.Length > 0) tables.TryAdd(name, row.ObjectId);
        }

        return new FileGdbDatabase(folder, tables);
    }

    /// <summary>True when the catalogue lists a table of that name (case-insensitive, as ArcGIS treats names).</summary>
    public bool Contains(string name) => _tables.ContainsKey(name);

    /// <summary>The name as the catalogue spells it, or null.</summary>
    public string? Find(string name) => _tables.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The table file of a named table, for messages: <c>a00000009.gdbtable</c>.</summary>
    public string FileOf(string name) => _tables.TryGetValue(name, out var id) ? $"a{id:x8}.gdbtable" : throw new KeyNotFoundException(name);

    /// <summary>Opens a table by name.</summary>
    /// <exception cref="KeyNotFoundException">No table of that name.</exception>
    /// <exception cref="FileGdbFormatException">The table's files are missing or corrupt.</exception>
    public FileGdbTable OpenTable(string name)
    {
        var file = Path.Combine(_folder, FileOf(name));
        if (!File.Exists(file)) throw new FileGdbFormatException($"{FileOf(name)}: the table file of {name} is missing");
        return FileGdbTable.Open(file, Find(name));
    }

    private static int IndexOf(FileGdbTable table, string field)
    {
        for (var i = 0; i < table.AttributeFields.Count; i++)
        {
            if (string.Equals(table.AttributeFields[i].Name, field, StringComparison.OrdinalIgnoreCase)) return i;
        }

        return -1;
    }
}
