using ElementFlow.Sources;

namespace ElementFlow.IO.Layers;

/// <summary>The layer sources of plan package files: GeoJSON, GeoPackage and shapefile, picked by extension.</summary>
public static class PackageFormats
{
    /// <summary>The sources every host reads packages with; a host adds others with <see cref="LayerSources.With"/>.</summary>
    public static LayerSources Sources { get; } = new([new GeoJsonSource(), new GeoPackageSource(), new ShapefileSource()]);
}

/// <summary>GeoJSON FeatureCollections (.geojson, .json), read as a stream.</summary>
public sealed class GeoJsonSource : ILayerSource
{
    public string Name => "geojson";
    public string? EntryKey => null;
    public bool HasTables => false;

    public bool ReadsFile(string file) => Path.GetExtension(file).ToLowerInvariant() is ".geojson" or ".json";

    public IEnumerable<string> FilesOf(string file, IPackageFiles files) => [file];

    public LayerReadResult Read(LayerRequest request, IPackageFiles files, CancellationToken cancellation)
    {
        using var stream = files.OpenRead(request.File);
        return GeoJsonLayerReader.Read(stream, request);
    }
}

/// <summary>One feature table of a GeoPackage (.gpkg, or plan.gpkg#TABLE).</summary>
public sealed class GeoPackageSource : ILayerSource
{
    public string Name => "gpkg";
    public string? EntryKey => null;
    public bool HasTables => true;

    public bool ReadsFile(string file) => Path.GetExtension(file).Equals(".gpkg", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> FilesOf(string file, IPackageFiles files) => [file];

    public LayerReadResult Read(LayerRequest request, IPackageFiles files, CancellationToken cancellation)
    {
        using var local = files.Local(request.File);
        return GeoPackageLayerReader.Read(local.Path, request);
    }
}

/// <summary>An Esri shapefile (.shp with its .shx, .dbf, .prj, .cpg).</summary>
public sealed class ShapefileSource : ILayerSource
{
    /// <summary>The files a shapefile reads beside its .shp.</summary>
    private static readonly string[] Companions = [".shx", ".dbf", ".prj", ".cpg", ".cst"];

    public string Name => "shapefile";
    public string? EntryKey => null;
    public bool HasTables => false;

    public bool ReadsFile(string file) => Path.GetExtension(file).Equals(".shp", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> FilesOf(string file, IPackageFiles files)
    {
        var stem = file[..^".shp".Length];
        return Companions.Select(c => stem + c).Prepend(file);
    }

    public LayerReadResult Read(LayerRequest request, IPackageFiles files, CancellationToken cancellation)
    {
        using var local = files.Local(request.File, Companions);
        return ShapefileLayerReader.Read(local.Path, request);
    }
}
