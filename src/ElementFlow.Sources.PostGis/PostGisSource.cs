using ElementFlow.Core.Diagnostics;
using ElementFlow.IO.Layers;

namespace ElementFlow.Sources.PostGis;

/// <summary>
/// The layer source of <c>{ postgis: schema.table, filter: …, fields: … }</c> entries (DESIGN §6): the
/// entry's options are checked here, the reading is <see cref="PostGisLayerReader"/>'s. One source per run,
/// on one store (<c>--db</c> or the libpq environment); thread-safe, as the store's pool is.
/// </summary>
public sealed class PostGisSource(PostGisStore store) : IKeyedLayerSource
{
    public string EntryKey => "postgis";

    public LayerReadResult Read(LayerRequest request, string planYaml)
    {
        var diagnostics = new List<Diagnostic>();
        var spec = PostGisEntry.Read(request.File, request.Options, planYaml, request.Role.Name, request.Line, diagnostics);
        return spec is null ? new LayerReadResult(null, [], diagnostics) : new PostGisLayerReader(store).Read(spec, request);
    }
}
