using System.Globalization;
using System.Text;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>
/// Valid building blocks the cases break: a county special plan that is clean under the built-in rules
/// (exit 0), its layers, and GeoJSON helpers. Coordinates are CGCS2000 / 3-degree GK zone 39 (EPSG:4527).
/// </summary>
public static class Samples
{
    public const double X = 39_500_000;
    public const double Y = 3_300_000;

    public const string Header = """
        schema: elementflow/plan/v1
        id: corpus-plan
        name: { zh: 语料规划, en: Corpus plan }
        level: county
        type: special
        region: { code: "330122", name: 测试县 }
        period: { base: 2020, target: 2035 }
        crs: EPSG:4527

        """;

    public const string Layers = """
        layers:
          boundary: layers/boundary.geojson
          ecological_redline: layers/erl.geojson
          permanent_basic_farmland: layers/pbf.geojson

        """;

    /// <summary>plan.yaml of the clean base package, with more YAML appended.</summary>
    public static string Plan(string more = "") => Header + Layers + more;

    /// <summary>plan.yaml with the header only and the given layers block.</summary>
    public static string PlanWithLayers(string layers) => Header + "layers:\n" + layers;

    /// <summary>A county overall plan (many rules apply, several need layers): for the "nothing lost" cases.</summary>
    public static string OverallPlan(string layers) => Header.Replace("type: special", "type: overall") + "layers:\n" + layers;

    public static string Boundary => Collection(Square("B1", X, Y, 1000));

    public static string RedLine => Collection(Square("E1", X + 100, Y + 100, 200), Square("E2", X + 400, Y + 100, 200));

    public static string Farmland => Collection(Square("P1", X + 100, Y + 500, 200), Square("P2", X + 400, Y + 500, 200));

    public static string Collection(params string[] features) =>
        $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    public static string Feature(string? id, string geometry, string properties = "{}") =>
        id is null
            ? $$"""{"type":"Feature","properties":{{properties}},"geometry":{{geometry}}}"""
            : $$"""{"type":"Feature","id":"{{id}}","properties":{{properties}},"geometry":{{geometry}}}""";

    public static string Square(string id, double x, double y, double size, string properties = "{}") =>
        Feature(id, Polygon(Ring(x, y, size)), properties);

    public static string Polygon(params string[] rings) => $$"""{"type":"Polygon","coordinates":[{{string.Join(",", rings)}}]}""";

    public static string Ring(double x, double y, double size) =>
        Positions((x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y));

    public static string Positions(params (double X, double Y)[] points) =>
        "[" + string.Join(",", points.Select(p => $"[{N(p.X)},{N(p.Y)}]")) + "]";

    public static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A closed ring of <paramref name="vertices"/> points on a circle, streamed (for enormous geometries).</summary>
    public static void CircleFeatureCollection(Stream stream, string id, int vertices, double radius)
    {
        var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        text.Write($$"""{"type":"FeatureCollection","features":[{"type":"Feature","id":"{{id}}","properties":{},"geometry":{"type":"Polygon","coordinates":[[""");
        for (var i = 0; i < vertices; i++)
        {
            var a = 2 * Math.PI * i / vertices;
            text.Write('[');
            text.Write(N(X + 500 + radius * Math.Cos(a)));
            text.Write(',');
            text.Write(N(Y + 500 + radius * Math.Sin(a)));
            text.Write("],");
        }

        text.Write($"[{N(X + 500 + radius)},{N(Y + 500)}]]]}}}}]}}");
        text.Flush();
    }
}
