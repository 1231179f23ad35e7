using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Planning;

namespace ElementFlow.IO.Layers;

/// <summary>What reading one layer produced: the layer (null when unreadable), data issues and diagnostics.</summary>
public sealed record LayerReadResult(Layer? Layer, IReadOnlyList<DataIssue> Issues, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Where a layer comes from and how to read it.</summary>
/// <param name="Role">The role it fills.</param>
/// <param name="File">Package-relative path.</param>
/// <param name="Table">Table or layer name inside a multi-layer file (GeoPackage).</param>
/// <param name="Fields">Our field → source field.</param>
/// <param name="ShownPath">The path shown in messages.</param>
/// <param name="PlanCrs">The plan's CRS, which a layer must share.</param>
public sealed record LayerRequest(LayerRole Role, string File, string? Table, IReadOnlyDictionary<string, string> Fields, string ShownPath, CrsInfo PlanCrs)
{
    /// <summary>The attribute text encoding named in plan.yaml (<c>encoding:</c>), for formats that need one (shapefile DBF).</summary>
    public string? Encoding { get; init; }

    /// <summary>The features per layer and vertices per geometry the reader accepts before it refuses the layer.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>The entry key that chose a keyed source (<c>postgis</c>), or null for a package file.</summary>
    public string? EntryKey { get; init; }

    /// <summary>The line of the layer entry in plan.yaml.</summary>
    public int Line { get; init; }

    /// <summary>A keyed entry's other options (<c>filter</c>, <c>geometry</c>, or anything written there), for its source to judge.</summary>
    public IReadOnlyDictionary<string, LayerOption> Options { get; init; } = new Dictionary<string, LayerOption>();
}
