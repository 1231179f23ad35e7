using ElementFlow.Core.Diagnostics;

namespace ElementFlow.Sources.PostGis;

/// <summary>
/// The layer source of <c>{ postgis: schema.table, filter: …, fields: … }</c> entries (DESIGN §6): the
/// entry's options are checked here, the reading is <see cref="PostGisLayerReader"/>'s. A host adds it to
/// the package formats (<c>PackageFormats.Sources.With(new PostGisSource(store))</c>); one source per run, on
/// one store (<c>--db</c> or the libpq environment), thread-safe as the store's pool is.
/// </summary>
public sealed class PostGisSource(PostGisStore store) : ILayerSource
{
    public string Name => "postgis";

    public string? EntryKey => "postgis";

    public bool HasTables => false;

    /// <summary>Never asked: an entry reaches this source by its <c>postgis:</c> key, not by a file name.</summary>
    public bool ReadsFile(string file) => false;

    /// <summary>Nothing of the package: the rows come from the store.</summary>
    public IEnumerable<string> FilesOf(string file, IPackageFiles files) => [];

    /// <remarks>The request's <see cref="LayerRequest.File"/> is the value of <c>postgis:</c>; its options are <c>filter:</c> and <c>geometry:</c>.</remarks>
    public LayerReadResult Read(LayerRequest request, IPackageFiles files, CancellationToken cancellation)
    {
        var diagnostics = new List<Diagnostic>();
        var spec = PostGisEntry.Read(request.File, request.Options, files.Show("plan.yaml"), request.Role.Name, request.Line, diagnostics);
        return spec is null ? new LayerReadResult(null, [], diagnostics) : new PostGisLayerReader(store).Read(spec, request, cancellation);
    }
}
