using ElementFlow.Rules.Yaml;

namespace ElementFlow.IO.Packages;

/// <summary>plan.yaml as written, before validation.</summary>
public sealed class PlanDto
{
    public int Line { get; set; }
    public string? Schema { get; set; }
    public string? Id { get; set; }
    public TextDto? Name { get; set; }
    public string? Level { get; set; }
    public string? Type { get; set; }
    public string? RegionCode { get; set; }
    public string? RegionName { get; set; }
    public int RegionLine { get; set; }
    public string? BaseYear { get; set; }
    public string? TargetYear { get; set; }
    public string? Parent { get; set; }
    public int ParentLine { get; set; }
    public string? Crs { get; set; }
    public List<LayerEntryDto> Layers { get; } = [];
    public List<QuantityDto> Indicators { get; } = [];
    public List<AllocationDto> Allocations { get; } = [];
    public List<ApprovalDto> Approvals { get; } = [];

    /// <summary>The line of each key as written (<c>level</c>, <c>region.code</c>), for messages about its value.</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>The line of a key, or of the document when it is absent.</summary>
    public int LineOf(string key) => Lines.TryGetValue(key, out var line) && line > 0 ? line : Line;
}

/// <summary>A <c>layers:</c> entry: a path, or <c>{ file, layer, fields, encoding }</c>.</summary>
/// <param name="Encoding">The attribute text encoding of a shapefile (e.g. <c>gbk</c>), when the entry names one.</param>
public sealed record LayerEntryDto(string Role, string? File, string? Table, IReadOnlyDictionary<string, string> Fields, int Line, string? Encoding = null);

/// <summary>An indicator or allocation value with its unit.</summary>
public sealed record QuantityDto(string Key, double? Value, double? Min, double? Max, string? Unit, int Line)
{
    /// <summary>The line of <c>unit:</c>, or of the entry when it has none.</summary>
    public int UnitLine { get; init; }

    /// <summary>True when reading it already reported a problem (a value of the wrong shape, a misspelt key).</summary>
    public bool Reported { get; init; }
}

/// <summary>The targets handed to one child region.</summary>
public sealed record AllocationDto(string RegionCode, IReadOnlyList<QuantityDto> Targets, int Line);

/// <summary>An approval as written.</summary>
public sealed record ApprovalDto(string? Id, string? Document, string? Rule, IReadOnlyDictionary<string, IReadOnlyList<string>> Features, string? Expires, int Line);
