using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Planning;

namespace ElementFlow.Sources;

/// <summary>What reading one layer produced: the layer (null when unreadable), data issues and diagnostics.</summary>
public sealed record LayerReadResult(Layer? Layer, IReadOnlyList<DataIssue> Issues, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The layer could not be read: <c>layer.unreadable</c> naming the role, where it comes from and why.</summary>
    public static LayerReadResult Unreadable(LayerRequest request, string detail) =>
        Failed(Diagnostic.Error("layer.unreadable", request.ShownPath, null, null,
            ("role", request.Role.Name), ("file", request.ShownPath), ("detail", detail)));

    /// <summary>The layer is refused with one diagnostic (a limit, a missing file, a format nobody reads).</summary>
    public static LayerReadResult Failed(Diagnostic diagnostic) => new(null, [], [diagnostic]);
}

/// <summary>Where a layer comes from and how to read it.</summary>
/// <param name="Role">The role it fills.</param>
/// <param name="File">
/// For a package-file source, the package-relative path (without a <c>#table</c> suffix, which becomes <paramref name="Table"/>).
/// For a source chosen by its own entry key (<see cref="ILayerSource.EntryKey"/>), the value of that key.
/// </param>
/// <param name="Table">Table or layer name inside a multi-layer source (GeoPackage, FileGDB, a database).</param>
/// <param name="Fields">Our field → source field.</param>
/// <param name="ShownPath">The path shown in messages.</param>
/// <param name="PlanCrs">The plan's CRS, which a layer must share.</param>
public sealed record LayerRequest(LayerRole Role, string File, string? Table, IReadOnlyDictionary<string, string> Fields, string ShownPath, CrsInfo PlanCrs)
{
    /// <summary>The attribute text encoding named in plan.yaml (<c>encoding:</c>), for formats that need one (shapefile DBF).</summary>
    public string? Encoding { get; init; }

    /// <summary>The features per layer and vertices per geometry the reader accepts before it refuses the layer.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>The entry key that chose the source (<c>postgis</c>), or null for a package file chosen by its name.</summary>
    public string? EntryKey { get; init; }

    /// <summary>The line of the layer entry in plan.yaml, for diagnostics about the entry itself.</summary>
    public int Line { get; init; }

    /// <summary>
    /// A keyed entry's other keys (besides its <see cref="EntryKey"/>, <c>file</c>, <c>layer</c>, <c>fields</c> and
    /// <c>encoding</c>): PostGIS's <c>filter:</c> and <c>geometry:</c>, or anything written there, for the source to
    /// accept or report on its line. Always empty for a package file, whose entries take no other keys.
    /// </summary>
    public IReadOnlyDictionary<string, LayerOption> Options { get; init; } = NoOptions;

    private static readonly IReadOnlyDictionary<string, LayerOption> NoOptions = new Dictionary<string, LayerOption>();
}

/// <summary>One option of a layer entry as plan.yaml writes it: a scalar <see cref="Value"/>, or a <see cref="Map"/> of further options, with its line.</summary>
/// <remarks>A list, or a scalar where a mapping is expected, reaches the source with neither set, for it to name as invalid.</remarks>
public sealed record LayerOption(string? Value, IReadOnlyDictionary<string, LayerOption>? Map, int Line);
