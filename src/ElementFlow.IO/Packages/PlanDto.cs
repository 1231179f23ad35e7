using ElementFlow.Sources;
using ElementFlow.Yaml;

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

    /// <summary>The database standard named by <c>standard:</c> (a built-in name or a file of the package).</summary>
    public string? Standard { get; set; }
    public List<LayerEntryDto> Layers { get; } = [];
    public List<QuantityDto> Indicators { get; } = [];
    public List<AllocationDto> Allocations { get; } = [];
    public List<ApprovalDto> Approvals { get; } = [];
    public List<FlowDto> Flows { get; } = [];

    /// <summary>The line of each key as written (<c>level</c>, <c>region.code</c>), for messages about its value.</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>The line of a key, or of the document when it is absent.</summary>
    public int LineOf(string key) => Lines.TryGetValue(key, out var line) && line > 0 ? line : Line;
}

/// <summary>A <c>layers:</c> entry: a path, or <c>{ file, layer, fields, encoding }</c>.</summary>
/// <param name="Encoding">The attribute text encoding of a shapefile (e.g. <c>gbk</c>), when the entry names one.</param>
/// <param name="SourceKey">The key of a layer source that claims the entry (<c>postgis</c>) when it names one; File then holds its value.</param>
/// <param name="Options">Such an entry's other keys, for its source to judge.</param>
public sealed record LayerEntryDto(string Role, string? File, string? Table, IReadOnlyDictionary<string, string> Fields, int Line, string? Encoding = null,
    string? SourceKey = null, IReadOnlyDictionary<string, LayerOption>? Options = null);

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

/// <summary>A <c>flows:</c> entry as written; <see cref="Lines"/> holds the line of each key, for located diagnostics.</summary>
public sealed class FlowDto
{
    public int Line { get; init; }
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();
    public string? Id { get; init; }
    public string? Kind { get; init; }
    public string? Direction { get; init; }
    public string? Counterpart { get; init; }
    public QuantityDto? Amount { get; init; }
    public QuantityDto? Paddy { get; init; }
    public QuantityDto? Capacity { get; init; }
    public string? Grade { get; init; }
    public string? Indicator { get; init; }
    public IReadOnlyList<QuantityDto> Targets { get; init; } = [];
    public string? Document { get; init; }
    public string? ApprovedBy { get; init; }
    public string? Year { get; init; }
    public string? Expires { get; init; }

    /// <summary>The line of a key, or of the entry when the key is absent.</summary>
    public int LineOf(string key) => Lines.TryGetValue(key, out var line) ? line : Line;
}
