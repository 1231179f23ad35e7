namespace ElementFlow.Sources;

/// <summary>
/// A source of layers: one format of package files (GeoJSON, GeoPackage, shapefile; FileGDB next) or a
/// store outside the package (PostGIS). <see cref="LayerSources"/> picks the source of each plan.yaml
/// layer entry, checks that its files exist, and turns what a source throws into diagnostics, once for
/// every source; a source only reads.
/// </summary>
/// <remarks>
/// <para>How an entry picks its source: an entry with a key that a source claims (<see cref="EntryKey"/>,
/// e.g. <c>land_use: { postgis: public.ghydyh }</c>) goes to that source; otherwise the first source whose
/// <see cref="ReadsFile"/> accepts the <c>file:</c> (by its extension, or a folder suffix such as <c>.gdb</c>).</para>
/// <para>What a source may throw (all become diagnostics of the layer, never a crash):
/// <see cref="Core.Limits.InputLimitException"/> from the <see cref="FeatureBuilder"/>'s limit checks (the layer is refused);
/// <see cref="IOException"/>, <see cref="UnauthorizedAccessException"/> and <see cref="InvalidDataException"/>
/// (<c>layer.unreadable</c> with the exception's message as the detail). A source converts its library's own
/// exceptions (a parser's, a driver's) into <see cref="InvalidDataException"/> or returns
/// <see cref="LayerReadResult.Unreadable"/>. Sources are shared by every load and must be thread-safe (stateless).</para>
/// </remarks>
public interface ILayerSource
{
    /// <summary>A short name for messages: geojson, gpkg, shapefile, filegdb, postgis.</summary>
    string Name { get; }

    /// <summary>The plan.yaml layer-entry key that selects this source (<c>postgis</c>), or null for a source of package files.</summary>
    string? EntryKey { get; }

    /// <summary>True when <c>file#table</c> names a table inside the file (GeoPackage, FileGDB), as <c>layer:</c> would.</summary>
    bool HasTables { get; }

    /// <summary>Whether this source reads a package file or folder of this name (by its extension). Never asked for keyed entries.</summary>
    bool ReadsFile(string file);

    /// <summary>
    /// The package files reading <paramref name="file"/> touches, the main one first: they count against the
    /// package size limit, and when the first does not exist the layer is <c>layer.file-missing</c>. Empty for a
    /// source outside the package.
    /// </summary>
    IEnumerable<string> FilesOf(string file, IPackageFiles files);

    /// <summary>Reads one layer. Stops with <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> is cancelled.</summary>
    LayerReadResult Read(LayerRequest request, IPackageFiles files, CancellationToken cancellation);
}
