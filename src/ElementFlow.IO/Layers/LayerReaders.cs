using ElementFlow.Core.Diagnostics;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Layers;

/// <summary>Picks the reader for a layer file by its extension; the seam where new sources plug in.</summary>
public static class LayerReaders
{
    /// <summary>The files a shapefile reads beside its .shp.</summary>
    private static readonly string[] ShapefileCompanions = [".shx", ".dbf", ".prj", ".cpg", ".cst"];

    public static LayerReadResult Read(PackageFiles files, LayerRequest request, int yamlLine)
    {
        request = WithTableFromPath(request);
        var planYaml = files.Show("plan.yaml");
        if (FileGdbLayerReader.IsGeodatabase(request.File))
        {
            return files.FolderExists(request.File) || files.Exists(request.File)
                ? FileGdbLayerReader.Read(files, request)
                : Failed(Diagnostic.Error("layer.file-missing", planYaml, yamlLine, null, ("role", request.Role.Name), ("file", request.File)));
        }

        if (!files.Exists(request.File))
        {
            return Failed(Diagnostic.Error("layer.file-missing", planYaml, yamlLine, null, ("role", request.Role.Name), ("file", request.File)));
        }

        var extension = Path.GetExtension(request.File).ToLowerInvariant();
        try
        {
            switch (extension)
            {
                case ".geojson" or ".json":
                    using (var stream = files.OpenRead(request.File)) return GeoJsonLayerReader.Read(stream, request);
                case ".gpkg":
                    using (var local = files.Local(request.File)) return GeoPackageLayerReader.Read(local.Path, request);
                case ".shp":
                    using (var local = files.Local(request.File, ShapefileCompanions)) return ShapefileLayerReader.Read(local.Path, request);
                default:
                    return Failed(Diagnostic.Error("layer.unsupported-format", planYaml, yamlLine, null, ("role", request.Role.Name), ("file", request.File)));
            }
        }
        catch (InputLimitException e) when (e is not PackageSizeException)
        {
            // A layer past a limit is refused like an unreadable one; the rules it feeds are skipped.
            return Failed(e.Diagnostic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Failed(Diagnostic.Error("layer.unreadable", request.ShownPath, null, null, ("role", request.Role.Name), ("file", request.ShownPath), ("detail", e.Message)));
        }
    }

    /// <summary>The package files a layer entry reads: the file itself (without a <c>#table</c>) and, for a shapefile, its companions.</summary>
    public static IEnumerable<string> FilesOf(string entryFile)
    {
        var hash = entryFile.LastIndexOf('#');
        var file = hash > 0 && entryFile[..hash].EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) ? entryFile[..hash] : entryFile;
        yield return file;
        if (!Path.GetExtension(file).Equals(".shp", StringComparison.OrdinalIgnoreCase)) yield break;
        var stem = file[..^".shp".Length];
        foreach (var companion in ShapefileCompanions) yield return stem + companion;
    }

    /// <summary>DESIGN §2 allows <c>plan.gpkg#GHYDYH</c> as a short form of <c>{ file: plan.gpkg, layer: GHYDYH }</c>.</summary>
    private static LayerRequest WithTableFromPath(LayerRequest request)
    {
        var hash = request.File.LastIndexOf('#');
        if (hash <= 0 || !request.File[..hash].EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase)) return request;
        return request with { File = request.File[..hash], Table = request.Table ?? request.File[(hash + 1)..] };
    }

    private static LayerReadResult Failed(Diagnostic diagnostic) => new(null, [], [diagnostic]);
}
