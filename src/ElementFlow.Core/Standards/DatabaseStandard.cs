using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;

namespace ElementFlow.Core.Standards;

/// <summary>
/// A plan database standard (数据库规范) as data: its layers, their feature codes (YSDM) and fields. Read from
/// <c>rules/standards/*.yaml</c> or a province's file that extends one; rules DATA-013..017 check a plan against it.
/// </summary>
/// <param name="Id">The name a plan's <c>standard:</c> gives (<c>city</c>, <c>county</c>, or a province's own).</param>
/// <param name="File">Where it was read, as messages show it (the extending file when it extends another).</param>
/// <param name="BsmPattern">The regular expression a well-formed 标识码 matches, or null when the standard sets none.</param>
public sealed record DatabaseStandard(string Id, string Version, LocalizedText Title, string File, IReadOnlyList<StandardLayer> Layers, string? BsmPattern)
{
    /// <summary>The standard layer a plan layer stands for: the one named by its source table, else the first of its role.</summary>
    public StandardLayer? LayerFor(Layer layer) =>
        Layers.FirstOrDefault(l => l.Role == layer.Role.Name && NamesTable(layer.Source, l.Name))
        ?? Layers.FirstOrDefault(l => l.Role == layer.Role.Name);

    public StandardLayer? Find(string name) => Layers.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a layer's source (<c>plan.gdb#GHYDYH</c>, <c>layers/GHYDYH.shp</c>) ends with the table name.</summary>
    private static bool NamesTable(string source, string name)
    {
        var tail = source.Replace('\\', '/');
        var cut = Math.Max(Math.Max(tail.LastIndexOf('#'), tail.LastIndexOf('/')), tail.LastIndexOf(':'));
        tail = tail[(cut + 1)..];
        var dot = tail.LastIndexOf('.');
        if (dot > 0) tail = tail[..dot];
        return string.Equals(tail, name, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>One layer of a standard.</summary>
/// <param name="Name">The layer (table) name, e.g. <c>GHFQ</c>.</param>
/// <param name="Role">Our layer role it is read as, or null for a layer no rule reads yet (the city lines).</param>
/// <param name="Ysdm">The feature code every feature of the layer carries, or null when the standard fixes none.</param>
/// <param name="Inferred">What of this entry was not read in the standard's own text (<c>ysdm</c>, <c>fields</c>, <c>codes</c>).</param>
/// <param name="Line">The line of the layer in the file that last set it.</param>
public sealed record StandardLayer(
    string Name, LocalizedText Title, string? Role, GeometryKinds Geometry, string? Ysdm, bool Required,
    IReadOnlyList<StandardField> Fields, IReadOnlyList<string> Inferred, string File, int Line);

/// <summary>The value types of a standard's fields.</summary>
public enum FieldType
{
    Text,
    Integer,
    Double,
    Date,
}

/// <summary>One field of a standard layer.</summary>
/// <param name="Name">The field name in the database (<c>BSM</c>, <c>GHFQDM</c>).</param>
/// <param name="Attribute">The attribute the loader stores it as (BSM is the feature id <c>id</c>, GHFQDM the <c>zone</c>, ...).</param>
/// <param name="Length">The text width, for text fields.</param>
/// <param name="Codes">The values it may take, or null when it has no code list.</param>
public sealed record StandardField(
    string Name, string Attribute, LocalizedText Title, FieldType Type, int? Length, bool Required,
    IReadOnlyList<string>? Codes, string File, int Line);
