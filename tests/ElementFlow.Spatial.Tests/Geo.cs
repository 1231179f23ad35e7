using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ElementFlow.Spatial.Tests;

/// <summary>Builds test geometries from inline WKT with the project's one geometry factory.</summary>
internal static class Geo
{
    private static readonly WKTReader Reader = new(GeometryServices.Services);

    public static Geometry Wkt(string wkt) => Reader.Read(wkt);

    /// <summary>A feature with no attributes; ordinals make result order and self-pairs well defined.</summary>
    public static Feature Feature(string id, string wkt, int ordinal) =>
        new(id, Wkt(wkt), new Dictionary<string, object?>(), ordinal);

    /// <summary>Features numbered 1, 2, ... in the order given.</summary>
    public static IReadOnlyList<Feature> Features(params (string Id, string Wkt)[] features) =>
        features.Select((f, i) => Feature(f.Id, f.Wkt, i + 1)).ToList();

    public static FeatureIndex Index(params (string Id, string Wkt)[] features) => new(Features(features));
}
