using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Planning;
using ElementFlow.IO.Layers;
using ElementFlow.IO.Packages;
using ElementFlow.Sources;
using NetTopologySuite.Geometries;

namespace ElementFlow.IO.Tests.Layers;

/// <summary>The layer-source seam: a source a host adds is chosen by its entry key or by its file's name, and shares the limit and unreadable handling.</summary>
public class LayerSourcesTests
{
    private static readonly LayerSources WithStore = PackageFormats.Sources.With(new StoreSource());
    private static readonly LayerSources WithFolders = PackageFormats.Sources.With(new FolderSource());

    [Fact]
    public void Load_EntryWithASourceKey_ReadsTheLayerThroughThatSource()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  land_use: { store: public.ghydyh }\n");

        var result = PlanLoader.Load(p.Folder, InputLimits.Default, WithStore);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["public.ghydyh"], result.Plan!.Layers["land_use"].Features.Select(f => f.Id));
    }

    [Fact]
    public void Load_EntryWithASourceKey_GivesItsOtherKeysToTheSourceAsOptions()
    {
        // filter: is within a slip of file:, but a keyed entry has no file: to mistake it for.
        using var p = new TempPackage(TempPackage.MinimalPlan
            + "\nlayers:\n  land_use:\n    store: options\n    filter: { XZQDM: { prefix: \"3301\" } }\n    geometry: shape\n    fields: { id: BSM }\n");

        var result = PlanLoader.Load(p.Folder, InputLimits.Default, WithStore);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("filter@12{XZQDM@12{prefix@12=3301}}; geometry@13=shape", result.Plan!.Layers["land_use"].Features.Single().Attributes["options"]);
    }

    [Fact]
    public void Load_MisspeltKeyOfAKeyedEntry_IsDidYouMeanRatherThanAnOption()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  land_use: { store: options, feilds: { id: BSM } }\n");

        var result = PlanLoader.Load(p.Folder, InputLimits.Default, WithStore);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("yaml.unknown-key", d.Code);
        Assert.Contains("did you mean fields?", d.Message(Core.Text.Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileEntry_HasNoOptionsAndAnUnknownKeyIsAnError()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  land_use: { file: lu.geojson, geometry: shape }\n");

        var result = PlanLoader.Load(p.Folder, InputLimits.Default, WithStore);

        Assert.Contains(result.Diagnostics, d => d.Code == "yaml.unknown-key" && d.Severity == Core.Findings.Severity.Error);
    }

    [Fact]
    public void Load_SourceKeyNoSourceClaims_IsAnUnknownKeyError()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  land_use: { store: public.ghydyh }\n");

        var result = PlanLoader.Load(p.Folder);

        Assert.Contains(result.Diagnostics, d => d.Severity == Core.Findings.Severity.Error && d.Line is not null);
        Assert.False(result.Plan?.Layers.ContainsKey("land_use") ?? false);
    }

    [Fact]
    public void Load_SourcePastTheFeatureLimit_RefusesTheLayerOnce()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  land_use: { store: many }\n");

        var result = PlanLoader.Load(p.Folder, new InputLimits { MaxFeatures = 1 }, WithStore);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("limit.exceeded", d.Code);
        Assert.Equal(["land_use"], result.Plan!.BrokenLayers);
    }

    [Fact]
    public void Load_SourceThrowingInvalidData_IsLayerUnreadableWithItsMessage()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  land_use: { store: broken }\n");

        var d = Assert.Single(PlanLoader.Load(p.Folder, InputLimits.Default, WithStore).Diagnostics);

        Assert.Equal(("layer.unreadable", "the store is broken"), (d.Code, d.Arguments["detail"]?.ToString()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_FolderSourceInAFolderOrZip_SeesTheFolderOnDisk(bool zipped)
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  land_use: data/plan.fold#GHYDYH\n",
            ("data/plan.fold/a.table", "x"), ("data/plan.fold/sub/b.table", "y"));

        var result = PlanLoader.Load(zipped ? p.Zip() : p.Folder, InputLimits.Default, WithFolders);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["GHYDYH:a.table", "GHYDYH:sub/b.table"], result.Plan!.Layers["land_use"].Features.Select(f => f.Id));
    }

    [Fact]
    public void Load_FolderSourceWithoutTheFolder_IsFileMissing()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  land_use: data/plan.fold\n");

        var d = Assert.Single(PlanLoader.Load(p.Folder, InputLimits.Default, WithFolders).Diagnostics);

        Assert.Equal(("layer.file-missing", 10), (d.Code, d.Line));
    }

    [Fact]
    public void Load_ExtensionNoSourceReads_IsUnsupportedFormat()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nlayers:\n  land_use: lu.csv\n", ("lu.csv", "id\n1\n"));

        var d = Assert.Single(PlanLoader.Load(p.Folder).Diagnostics);

        Assert.Equal("layer.unsupported-format", d.Code);
    }

    /// <summary>A store outside the package, chosen by <c>store:</c> (as PostGIS is by <c>postgis:</c>).</summary>
    private sealed class StoreSource : ILayerSource
    {
        public string Name => "store";
        public string? EntryKey => "store";
        public bool HasTables => false;
        public bool ReadsFile(string file) => false;
        public IEnumerable<string> FilesOf(string file, IPackageFiles files) => [];

        public LayerReadResult Read(LayerRequest request, IPackageFiles files, CancellationToken cancellation)
        {
            if (request.File == "broken") throw new InvalidDataException("the store is broken");
            var builder = new FeatureBuilder(request);
            if (request.File == "options")
            {
                builder.Add("options", Square(), [new("options", string.Join("; ", request.Options.Select(o => Show(o.Key, o.Value))))]);
                return builder.Build();
            }

            var count = request.File == "many" ? 3 : 1;
            if (count > builder.Limits.MaxFeatures) throw builder.TooManyFeatures(count);
            for (var i = 0; i < count; i++) builder.Add(count == 1 ? request.File : $"f{i}", Square(), [new("code", "0701")]);
            return builder.Build();
        }
    }

    private static string Show(string key, LayerOption option) => option.Map is { } map
        ? $"{key}@{option.Line}{{{string.Join("; ", map.Select(o => Show(o.Key, o.Value)))}}}"
        : $"{key}@{option.Line}={option.Value}";

    /// <summary>A format that is a folder of files (as FileGDB's .gdb is), with tables named after <c>#</c>.</summary>
    private sealed class FolderSource : ILayerSource
    {
        public string Name => "fold";
        public string? EntryKey => null;
        public bool HasTables => true;
        public bool ReadsFile(string file) => file.EndsWith(".fold", StringComparison.OrdinalIgnoreCase);
        public IEnumerable<string> FilesOf(string file, IPackageFiles files) => files.FilesUnder(file);

        public LayerReadResult Read(LayerRequest request, IPackageFiles files, CancellationToken cancellation)
        {
            using var local = files.LocalFolder(request.File);
            var builder = new FeatureBuilder(request);
            foreach (var file in Directory.GetFiles(local.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                builder.Add($"{request.Table}:{Path.GetRelativePath(local.Path, file).Replace('\\', '/')}", Square(), []);
            }

            return builder.Build();
        }
    }

    private static Polygon Square() => Spatial.GeometryServices.Factory.CreatePolygon(
        [new(39_500_000, 3_300_000), new(39_500_010, 3_300_000), new(39_500_010, 3_300_010), new(39_500_000, 3_300_000)]);
}
