using ElementFlow.Sources;
using ElementFlow.Sources.FileGdb;

namespace ElementFlow.Cli.Commands;

/// <summary>
/// The layer sources of plan package files the CLI reads with (<c>check</c> and <c>rules test</c>): the package
/// formats of IO and File Geodatabases (<c>{ file: plan.gdb, layer: STBHHX }</c>). <c>check</c> adds PostGIS on its store.
/// </summary>
public static class PackageSources
{
    public static LayerSources All { get; } = IO.Layers.PackageFormats.Sources.With(new FileGdbSource());
}
