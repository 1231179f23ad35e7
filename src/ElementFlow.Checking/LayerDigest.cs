using ElementFlow.Core.Planning;
using ElementFlow.IO.Layers;
using ElementFlow.Sources;

namespace ElementFlow.Checking;

/// <summary>
/// Layer sources that read only some roles and load the others empty: a plan's digest, for checks that need its
/// manifest (indicators, allocations, flows) and a few layers, not its hundred thousand parcels.
/// </summary>
internal static class LayerDigest
{
    public static LayerSources Of(LayerSources sources, IReadOnlySet<string> roles) =>
        new(sources.All.Select(s => (ILayerSource)new DigestSource(s, roles)));

    /// <summary>One source, answering an empty layer for the roles not wanted; what files it names is unchanged, so missing files are still reported.</summary>
    private sealed class DigestSource(ILayerSource inner, IReadOnlySet<string> roles) : ILayerSource
    {
        public string Name => inner.Name;

        public string? EntryKey => inner.EntryKey;

        public bool HasTables => inner.HasTables;

        public bool ReadsFile(string file) => inner.ReadsFile(file);

        public IEnumerable<string> FilesOf(string file, IPackageFiles files) => inner.FilesOf(file, files);

        public LayerReadResult Read(LayerRequest request, IPackageFiles files, CancellationToken cancellation) =>
            roles.Contains(request.Role.Name)
                ? inner.Read(request, files, cancellation)
                : new LayerReadResult(new Layer(request.Role, request.ShownPath, []), [], []);
    }
}
