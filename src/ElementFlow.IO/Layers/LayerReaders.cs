using ElementFlow.Core.Diagnostics;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Layers;

/// <summary>Picks the reader for a layer file by its extension; the seam where new sources plug in.</summary>
public static class LayerReaders
{
    public static LayerReadResult Read(PackageFiles files, LayerRequest request, int yamlLine)
    {
        var planYaml = files.Show("plan.yaml");
        if (!files.Exists(request.File))
        {
            return Failed(Diagnostic.Error("layer.file-missing", planYaml, yamlLine, null, ("role", request.Role.Name), ("file", request.File)));
        }

        var extension = Path.GetExtension(request.File).ToLowerInvariant();
        try
        {
            using var stream = files.OpenRead(request.File);
            return extension switch
            {
                ".geojson" or ".json" => GeoJsonLayerReader.Read(stream, request),
                _ => Failed(Diagnostic.Error("layer.unsupported-format", planYaml, yamlLine, null, ("role", request.Role.Name), ("file", request.File))),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Failed(Diagnostic.Error("layer.unreadable", request.ShownPath, null, null, ("role", request.Role.Name), ("file", request.ShownPath), ("detail", e.Message)));
        }
    }

    private static LayerReadResult Failed(Diagnostic diagnostic) => new(null, [], [diagnostic]);
}
