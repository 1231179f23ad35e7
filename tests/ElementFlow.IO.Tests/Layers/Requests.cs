using ElementFlow.Core.Planning;
using ElementFlow.IO.Layers;
using ElementFlow.Sources;

namespace ElementFlow.IO.Tests.Layers;

/// <summary>Layer requests as the plan loader makes them, for reader tests.</summary>
internal static class Requests
{
    public static LayerRequest For(string role, string file, string? table = null, string? encoding = null) =>
        new(LayerRole.Find(role)!, file, table, new Dictionary<string, string>(), "pkg/" + file, new CrsInfo("EPSG:4527", 4527)) { Encoding = encoding };
}
