namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>Geometries: invalid, empty, collapsed, of the wrong type, mixed in one layer, non-finite, outside the zone, enormous.</summary>
public static class GeometryCases
{
    private const double X = Samples.X;
    private const double Y = Samples.Y;

    public static IEnumerable<CorpusCase> All()
    {
        CorpusCase Bad(string name, string geometry, string report, int exit = 1) => new($"geometry/{name}")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.Collection(Samples.Feature("G1", geometry), Samples.Square("E2", X + 400, Y + 100, 200))),
            Exit = exit,
            Report = [report],
        };

        string Poly(params (double, double)[] ring) => Samples.Polygon(Samples.Positions(ring));
        var invalid = Expect.Finding("DATA-003", "ecological_redline/G1");

        yield return Bad("bowtie", Poly((X + 100, Y + 100), (X + 300, Y + 300), (X + 300, Y + 100), (X + 100, Y + 300), (X + 100, Y + 100)), invalid);
        yield return Bad("spike", Poly((X + 100, Y + 100), (X + 300, Y + 100), (X + 300, Y + 200), (X + 400, Y + 200), (X + 300, Y + 200), (X + 300, Y + 300), (X + 100, Y + 300), (X + 100, Y + 100)), invalid);
        yield return Bad("collapsed-to-a-point", Poly((X + 100, Y + 100), (X + 100, Y + 100), (X + 100, Y + 100), (X + 100, Y + 100)), invalid);
        yield return Bad("collapsed-to-a-line", Poly((X + 100, Y + 100), (X + 200, Y + 100), (X + 300, Y + 100), (X + 100, Y + 100)), invalid);
        yield return Bad("ring-of-three-points", Poly((X + 100, Y + 100), (X + 200, Y + 100), (X + 100, Y + 100)), invalid);
        yield return Bad("hole-outside-shell", Samples.Polygon(Samples.Ring(X + 100, Y + 100, 100), Samples.Ring(X + 300, Y + 300, 50)), invalid);
        yield return Bad("hole-equals-shell", Samples.Polygon(Samples.Ring(X + 100, Y + 100, 100), Samples.Ring(X + 100, Y + 100, 100)), invalid);
        yield return Bad("multipolygon-parts-overlap", $$"""{"type":"MultiPolygon","coordinates":[[{{Samples.Ring(X + 100, Y + 100, 200)}}],[{{Samples.Ring(X + 150, Y + 150, 200)}}]]}""", invalid);
        yield return Bad("empty-polygon", """{"type":"Polygon","coordinates":[]}""", invalid);
        yield return Bad("empty-multipolygon", """{"type":"MultiPolygon","coordinates":[]}""", invalid);
        yield return Bad("null-geometry", "null", invalid);
        yield return Bad("empty-geometry-collection", """{"type":"GeometryCollection","geometries":[]}""", invalid);
        yield return Bad("point-in-polygon-layer", $$"""{"type":"Point","coordinates":[{{X + 100}},{{Y + 100}}]}""", invalid);
        yield return Bad("line-in-polygon-layer", $$"""{"type":"LineString","coordinates":{{Samples.Positions((X + 100, Y + 100), (X + 300, Y + 300))}}}""", invalid);
        yield return Bad("collection-with-a-point-in-polygon-layer", $$"""{"type":"GeometryCollection","geometries":[{{Samples.Polygon(Samples.Ring(X + 100, Y + 100, 100))}},{"type":"Point","coordinates":[{{X + 250}},{{Y + 250}}]}]}""", invalid);
        yield return new CorpusCase("geometry/collection-of-polygons-in-polygon-layer")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.Collection(Samples.Feature("G1",
                $$"""{"type":"GeometryCollection","geometries":[{{Samples.Polygon(Samples.Ring(X + 100, Y + 100, 100))}},{{Samples.Polygon(Samples.Ring(X + 300, Y + 100, 100))}}]}"""))),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("geometry/unclosed-ring")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.Collection(Samples.Square("E1", X + 400, Y + 100, 200), Samples.Feature("G1", Poly((X + 100, Y + 100), (X + 300, Y + 100), (X + 300, Y + 300), (X + 100, Y + 300))))),
            Exit = 2,
            Console = [Expect.Error("pkg/layers/erl.geojson", @"layer\.unreadable", "feature 2: .*closed")],
        };
        yield return Bad("coordinate-overflows-to-infinity", $$"""{"type":"Polygon","coordinates":[[[1e999,{{Y}}],[{{X + 300}},{{Y}}],[{{X + 300}},{{Y + 300}}],[1e999,{{Y}}]]]}""", invalid);
        yield return Bad("coordinate-overflows-to-minus-infinity", $$"""{"type":"Point","coordinates":[-1e999,{{Y}}]}""", invalid);
        yield return Bad("coordinates-near-double-max", Poly((1e300, 1e300), (1.5e300, 1e300), (1.5e300, 1.5e300), (1e300, 1e300)), "DATA-00[13]");
        yield return Bad("coordinates-without-zone-prefix", Samples.Polygon(Samples.Ring(500_100, Y + 100, 200)), Expect.Finding("DATA-001", ""));
        yield return Bad("coordinates-in-the-next-zone", Samples.Polygon(Samples.Ring(40_500_100, Y + 100, 200)), Expect.Finding("DATA-001", ""));
        yield return Bad("coordinates-in-degrees", Samples.Polygon(Samples.Ring(117.1, 30.1, 0.01)), Expect.Finding("DATA-001", ""));
        yield return Bad("coordinates-south-of-the-equator", Samples.Polygon(Samples.Ring(X + 100, -3_300_000, 200)), Expect.Finding("DATA-001", ""));

        yield return new CorpusCase("geometry/mixed-types-in-one-layer")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.Collection(
                Samples.Square("M1", X + 100, Y + 100, 100),
                Samples.Feature("M2", $$"""{"type":"Point","coordinates":[{{X + 400}},{{Y + 400}}]}"""),
                Samples.Feature("M3", $$"""{"type":"LineString","coordinates":{{Samples.Positions((X + 500, Y + 100), (X + 600, Y + 200))}}}"""),
                Samples.Feature("M4", $$"""{"type":"MultiPoint","coordinates":[[{{X + 700}},{{Y + 700}}]]}"""))),
            Exit = 1,
            Report = [Expect.Finding("DATA-003", "ecological_redline/M2"), Expect.Finding("DATA-003", "ecological_redline/M3"), Expect.Finding("DATA-003", "ecological_redline/M4")],
        };
        yield return new CorpusCase("geometry/three-d-coordinates")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.Collection(Samples.Feature("E1",
                $$"""{"type":"Polygon","coordinates":[[[{{X + 100}},{{Y + 100}},5],[{{X + 300}},{{Y + 100}},5],[{{X + 300}},{{Y + 300}},6],[{{X + 100}},{{Y + 100}},5]]]}"""))),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("geometry/sliver")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.Collection(Samples.Square("E1", X + 100, Y + 100, 200), Samples.Square("S1", X + 600, Y + 600, 1))),
            Exit = 0,
            Tolerated = true,
            Report = [Expect.Finding("DATA-007", "ecological_redline/S1")],
        };
        yield return new CorpusCase("geometry/feature-outside-the-boundary")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.Collection(Samples.Square("E1", X + 5000, Y + 5000, 200))),
            Exit = 1,
            Report = [Expect.Finding("DATA-010", "ecological_redline/E1")],
        };
        yield return new CorpusCase("geometry/three-million-vertices")
        {
            Build = f => f.Base().Stream("pkg/layers/erl.geojson", s => Samples.CircleFeatureCollection(s, "C1", 3_000_000, 400)),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
    }
}
