using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;

namespace ElementFlow.Sources;

/// <summary>
/// The layer sources a load may use, and what every source shares: choosing the source of a plan.yaml
/// layer entry, the <c>file#table</c> short form, a missing file, a format nobody reads, and turning a
/// source's limit refusal or unreadable data into the layer's diagnostic.
/// </summary>
public sealed class LayerSources(IEnumerable<ILayerSource> sources)
{
    public IReadOnlyList<ILayerSource> All { get; } = sources.ToList();

    /// <summary>The plan.yaml layer-entry keys claimed by sources (besides <c>file</c>, <c>layer</c>, <c>fields</c>, <c>encoding</c>).</summary>
    public IReadOnlyList<string> EntryKeys => All.Select(s => s.EntryKey).OfType<string>().ToList();

    /// <summary>These sources and one more (a host adds FileGDB or PostGIS to the package formats).</summary>
    public LayerSources With(ILayerSource source) => new(All.Append(source));

    /// <summary>The source that reads a package file or folder, or null when none does.</summary>
    public ILayerSource? ForFile(string file) => All.FirstOrDefault(s => s.EntryKey is null && s.ReadsFile(file));

    /// <summary>The source an entry key selects, or null.</summary>
    public ILayerSource? ForKey(string key) => All.FirstOrDefault(s => s.EntryKey == key);

    /// <summary>The package files an entry's <c>file:</c> reads (itself, a shapefile's companions, a folder's files).</summary>
    public IEnumerable<string> FilesOf(string entryFile, IPackageFiles files)
    {
        var (file, _) = SplitTable(entryFile, null);
        return ForFile(file)?.FilesOf(file, files) ?? [file];
    }

    /// <summary>Reads one layer through its source; never throws for bad data or a limit (a zip past the package size still throws, as the whole package is refused).</summary>
    public LayerReadResult Read(IPackageFiles files, LayerRequest request, CancellationToken cancellation = default)
    {
        ILayerSource? source;
        if (request.EntryKey is { } key)
        {
            source = ForKey(key);
        }
        else
        {
            var (file, table) = SplitTable(request.File, request.Table);
            request = request with { File = file, Table = table };
            source = ForFile(file);
            var main = source?.FilesOf(file, files).FirstOrDefault() ?? file;
            if (!files.Exists(main))
            {
                return LayerReadResult.Failed(Diagnostic.Error("layer.file-missing", files.Show("plan.yaml"), request.Line, null, ("role", request.Role.Name), ("file", request.File)));
            }
        }

        if (source is null)
        {
            return LayerReadResult.Failed(Diagnostic.Error("layer.unsupported-format", files.Show("plan.yaml"), request.Line, null, ("role", request.Role.Name), ("file", request.File)));
        }

        try
        {
            return source.Read(request, files, cancellation);
        }
        catch (InputLimitException e) when (e is not PackageSizeException)
        {
            // A layer past a limit is refused like an unreadable one; the rules it feeds are skipped.
            return LayerReadResult.Failed(e.Diagnostic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return LayerReadResult.Unreadable(request, e.Message);
        }
    }

    /// <summary>DESIGN §2 allows <c>plan.gpkg#GHYDYH</c> as a short form of <c>{ file: plan.gpkg, layer: GHYDYH }</c>, for sources with tables.</summary>
    private (string File, string? Table) SplitTable(string file, string? table)
    {
        var hash = file.LastIndexOf('#');
        if (hash <= 0 || ForFile(file[..hash]) is not { HasTables: true }) return (file, table);
        return (file[..hash], table ?? file[(hash + 1)..]);
    }
}
