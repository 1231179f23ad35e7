using System.Text;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>GeoJSON layer files: truncated, malformed, not a FeatureCollection, wrong member types, ids, attributes, CRS.</summary>
public static class GeoJsonCases
{
    private const string File = "pkg/layers/erl.geojson";

    /// <summary>A red-line layer with a hole, a multipolygon, Chinese text and numbers: many kinds of place to cut.</summary>
    private static readonly string Truncatable = Samples.Collection(
        Samples.Feature("E1", Samples.Polygon(Samples.Ring(Samples.X + 100, Samples.Y + 100, 300), Samples.Ring(Samples.X + 150, Samples.Y + 150, 50)), """{"name":"生态保护红线一","level":1,"checked":true,"note":null}"""),
        Samples.Feature("E2", $$"""{"type":"MultiPolygon","coordinates":[[{{Samples.Ring(Samples.X + 500, Samples.Y + 100, 100)}}],[{{Samples.Ring(Samples.X + 700, Samples.Y + 100, 100)}}]]}""", """{"name":"红线二","area_ha":1.5e0}"""),
        Samples.Square("E3", Samples.X + 500, Samples.Y + 500, 100.25));

    public static IEnumerable<CorpusCase> All() => Truncations().Concat(Shapes()).Concat(Members()).Concat(Attributes());

    private static IEnumerable<CorpusCase> Truncations()
    {
        var bytes = Encoding.UTF8.GetBytes(Truncatable);
        var offsets = Enumerable.Range(0, 12).Select(i => i * (bytes.Length - 1) / 12).ToHashSet();
        offsets.Add(bytes.Length - 1); // only the last } missing
        var chinese = Encoding.UTF8.GetByteCount(Truncatable[..Truncatable.IndexOf("生态", StringComparison.Ordinal)]);
        offsets.Add(chinese + 1); // half a character
        foreach (var cut in offsets.Order())
        {
            var head = bytes[..cut];
            yield return new CorpusCase($"geojson/truncated-at-{cut:D4}")
            {
                Rules = CaseRules.Minimal,
                Build = f => f.Base().Bytes(File, head),
                Exit = 2,
                Console = [Expect.Error(File, @"layer\.unreadable", "ecological_redline")],
            };
        }
    }

    private static CorpusCase Unreadable(string name, string text, string detail = "", CaseRules rules = CaseRules.Minimal) => new($"geojson/{name}")
    {
        Rules = rules,
        Build = f => f.Base().Layer("erl.geojson", text),
        Exit = 2,
        Console = [Expect.Error(File, @"layer\.unreadable", detail)],
    };

    private static CorpusCase Finding(string name, string text, params string[] report) => new($"geojson/{name}")
    {
        Build = f => f.Base().Layer("erl.geojson", text),
        Exit = 1,
        Report = report,
    };

    private static string One(string feature) => Samples.Collection(feature);

    private static IEnumerable<CorpusCase> Shapes()
    {
        yield return Unreadable("empty-file", "");
        yield return Unreadable("plain-text", "ecological red line, see the map");
        yield return Unreadable("top-level-array", "[]", "FeatureCollection");
        yield return Unreadable("single-feature", Samples.Square("E1", Samples.X + 100, Samples.Y + 100, 200), "FeatureCollection");
        yield return Unreadable("bare-geometry", Samples.Polygon(Samples.Ring(Samples.X + 100, Samples.Y + 100, 200)), "FeatureCollection");
        yield return Unreadable("type-in-lower-case", Samples.RedLine.Replace("\"FeatureCollection\"", "\"featurecollection\""), "FeatureCollection");
        yield return Unreadable("features-is-an-object", """{"type":"FeatureCollection","features":{}}""", "array");
        yield return Unreadable("features-hold-numbers", """{"type":"FeatureCollection","features":[1,2,3]}""", "Feature");
        yield return Unreadable("features-hold-null", """{"type":"FeatureCollection","features":[null]}""", "Feature");
        yield return Unreadable("trailing-garbage", Samples.RedLine + " and more", "");
        yield return Unreadable("trailing-comma", Samples.RedLine.Replace("}]}", "},]}"));
        yield return Unreadable("comment", "// red line\n" + Samples.RedLine);
        yield return Unreadable("nan-literal", One(Samples.Feature("E1", """{"type":"Point","coordinates":[NaN,3300100]}""")));
        yield return Unreadable("infinity-literal", One(Samples.Feature("E1", """{"type":"Point","coordinates":[Infinity,3300100]}""")));
        yield return Unreadable("deep-nesting-100000", new string('[', 100_000) + new string(']', 100_000), "depth|FeatureCollection");
        yield return Unreadable("deep-nesting-in-properties", One(Samples.Feature("E1", Samples.Polygon(Samples.Ring(Samples.X + 100, Samples.Y + 100, 200)),
            string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000))), "depth");
        yield return Unreadable("deep-nesting-in-coordinates", One(Samples.Feature("E1",
            "{\"type\":\"Polygon\",\"coordinates\":" + new string('[', 5000) + "1" + new string(']', 5000) + "}")), "depth");
        yield return new CorpusCase("geojson/utf8-bom")
        {
            Build = f => f.Base().Bytes(File, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Samples.RedLine)]),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("geojson/collection-without-type")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.RedLine.Replace("\"type\":\"FeatureCollection\",", "")),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("geojson/crs-another-epsg")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.RedLine.Replace("{\"type\":\"FeatureCollection\",", """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},""")),
            Exit = 2,
            Console = [Expect.Error(File, @"layer\.crs-mismatch", "EPSG:4326.*EPSG:4527")],
        };
        yield return new CorpusCase("geojson/crs-crs84-urn")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.RedLine.Replace("{\"type\":\"FeatureCollection\",", """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},""")),
            Exit = 2,
            Console = [Expect.Error(File, @"layer\.crs-mismatch", "EPSG:4326")],
        };
    }

    private static IEnumerable<CorpusCase> Members()
    {
        var square = Samples.Polygon(Samples.Ring(Samples.X + 100, Samples.Y + 100, 200));
        yield return Unreadable("feature-type-misspelt", One(Samples.Feature("E1", square).Replace("\"Feature\"", "\"Feat\"")));
        yield return new CorpusCase("geojson/feature-type-missing")
        {
            Build = f => f.Base().Layer("erl.geojson", One(Samples.Feature("E1", square).Replace("\"type\":\"Feature\",", ""))),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return Unreadable("geometry-type-unknown", One(Samples.Feature("E1", square.Replace("\"Polygon\"", "\"Poly\""))));
        yield return Unreadable("geometry-type-missing", One(Samples.Feature("E1", square.Replace("\"type\":\"Polygon\",", ""))));
        yield return Unreadable("coordinates-are-strings", One(Samples.Feature("E1", """{"type":"Point","coordinates":["39500100","3300100"]}""")));
        yield return Unreadable("coordinates-one-number", One(Samples.Feature("E1", """{"type":"Point","coordinates":[39500100]}""")));
        yield return Unreadable("coordinates-too-shallow", One(Samples.Feature("E1", $$"""{"type":"Polygon","coordinates":{{Samples.Ring(Samples.X + 100, Samples.Y + 100, 200)}}}""")));
        yield return Unreadable("properties-is-an-array", One(Samples.Feature("E1", square, "[1,2]")));
        yield return Unreadable("id-is-an-object", One(Samples.Feature("E1", square).Replace("\"id\":\"E1\"", "\"id\":{\"a\":1}")));
        yield return Unreadable("geometry-is-a-string", One(Samples.Feature("E1", "\"POLYGON((0 0,1 0,1 1,0 0))\"")));
        yield return Finding("duplicate-ids", Samples.Collection(Samples.Square("E1", Samples.X + 100, Samples.Y + 100, 200), Samples.Square("E1", Samples.X + 400, Samples.Y + 100, 200)),
            Expect.Finding("DATA-004", "ecological_redline/E1"));
        yield return Finding("missing-ids", Samples.Collection(Samples.Feature(null, square), Samples.Feature(null, Samples.Polygon(Samples.Ring(Samples.X + 400, Samples.Y + 100, 200)))),
            Expect.Finding("DATA-004", "ecological_redline/#1"), Expect.Finding("DATA-004", "ecological_redline/#2"));
        yield return Finding("id-empty-string", One(Samples.Feature("", square)), Expect.Finding("DATA-004", "ecological_redline/#1"));
        yield return Unreadable("id-is-a-bool", One(Samples.Feature("E1", square).Replace("\"id\":\"E1\"", "\"id\":true")), "feature 1: .*id");
        yield return Finding("feature-without-geometry", One("""{"type":"Feature","id":"E1","properties":{}}"""), Expect.Finding("DATA-003", "ecological_redline/E1"));
        yield return Finding("ids-numeric-and-text-clash", Samples.Collection(
            Samples.Square("7", Samples.X + 100, Samples.Y + 100, 200).Replace("\"id\":\"7\"", "\"id\":7"),
            Samples.Square("7", Samples.X + 400, Samples.Y + 100, 200)), Expect.Finding("DATA-004", "ecological_redline/7"));
        yield return new CorpusCase("geojson/empty-layer")
        {
            Build = f => f.Base().Layer("erl.geojson", Samples.Collection()),
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("geojson/empty-boundary")
        {
            Build = f => f.Base().Layer("boundary.geojson", Samples.Collection()),
            Exit = 1,
            Report = ["DATA-0\\d\\d\\s+boundary/"],
        };
    }

    private static IEnumerable<CorpusCase> Attributes()
    {
        string WithLayer(string role, string file) => Samples.Plan().Replace("layers:\n", $"layers:\n  {role}: layers/{file}\n");
        CorpusCase Attribute(string name, string role, string properties, params string[] report) => new($"geojson/{name}")
        {
            Build = f => f.Base(plan: WithLayer(role, "extra.geojson"))
                .Layer("extra.geojson", Samples.Collection(Samples.Square("X1", Samples.X + 700, Samples.Y + 700, 100, properties))),
            Exit = 1,
            Report = report,
        };

        yield return Attribute("land-use-code-unknown", "land_use", """{"code":"9999"}""", Expect.Finding("DATA-009", "land_use/X1"));
        yield return Attribute("land-use-code-missing", "land_use", "{}", "DATA-00[29]\\s+land_use");
        yield return Attribute("land-use-code-is-a-list", "land_use", """{"code":["0701"]}""", "DATA-00[29]\\s+land_use");
        yield return Attribute("land-use-code-is-a-bool", "land_use", """{"code":true}""", "DATA-00[29]\\s+land_use");
        yield return Attribute("zone-unknown", "zoning", """{"zone":"downtown"}""", Expect.Finding("DATA-009", "zoning/X1"));
        yield return Attribute("zone-is-a-number", "zoning", """{"zone":3}""", "DATA-00[29]\\s+zoning");
        yield return Attribute("udb-zone-missing", "urban_development_boundary", """{"name":"x"}""", "DATA-00[29]\\s+urban_development_boundary");
        yield return Attribute("facility-kind-unknown", "facilities", """{"kind":"casino"}""", Expect.Finding("DATA-009", "facilities/X1"));
        yield return new CorpusCase("geojson/limited-activity-out-of-range")
        {
            Build = f => f.Base(plan: WithLayer("land_use", "extra.geojson"))
                .Layer("extra.geojson", Samples.Collection(Samples.Square("X1", Samples.X + 150, Samples.Y + 150, 100, """{"code":"0701","limited_activity":99}"""))),
            Exit = 1,
            Report = [Expect.Finding("LINE-007", "ecological_redline/E1, land_use/X1")],
        };
        yield return new CorpusCase("geojson/residential-population-text")
        {
            Build = f => f.Base(plan: WithLayer("residential", "extra.geojson"))
                .Layer("extra.geojson", Samples.Collection(Samples.Square("X1", Samples.X + 700, Samples.Y + 700, 100, """{"population":"many"}"""))),
            Exit = 1,
            Report = ["DATA-0\\d\\d\\s+residential"],
        };
    }
}
