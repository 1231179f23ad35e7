using System.Text.Json;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>
/// Messy submissions (issue 12): invalid geometry is reported once by DATA-003 where it is broken and
/// measured repaired by every other rule; a broken layer in a child or in its parent skips the rules that
/// read it, and none reports that layer's features as dropped or unknown.
/// </summary>
public static class MessyCases
{
    private const double X = Samples.X;
    private const double Y = Samples.Y;

    private static string Header(string id, string level, string region, string more = "") =>
        Samples.Header.Replace("id: corpus-plan", $"id: {id}").Replace("level: county", $"level: {level}")
            .Replace("type: special", "type: overall").Replace("code: \"330122\"", $"code: \"{region}\"") + more;

    /// <summary>
    /// A city (folder <c>tree/city</c>) and its county (<c>tree/county</c>), whose basic farmland P1 and P2 the
    /// county carries; each plan holds an approval naming P1. <paramref name="breakIn"/> names the
    /// plan whose farmland layer <paramref name="breakLayer"/> breaks.
    /// </summary>
    private static CaseFolder Tree(this CaseFolder f, string breakIn, Func<CaseFolder, string, string> breakLayer)
    {
        const string approval = """
            approvals:
              - id: ADJ-1
                document: 测试函〔2024〕1号
                rule: LINE-002
                features: { permanent_basic_farmland: ["P1"] }
                expires: 2099-12-31

            """;
        foreach (var (plan, level, region, size, parent) in new[] { ("city", "city", "330100", 2000.0, ""), ("county", "county", "330122", 1000.0, "parent: ../city\n") })
        {
            var package = $"tree/{plan}";
            var pbf = plan == breakIn ? breakLayer(f, package) : "layers/pbf.geojson";
            f.Plan(Header(plan, level, region, parent) + $"""
                layers:
                  boundary: layers/boundary.geojson
                  ecological_redline: layers/erl.geojson
                  permanent_basic_farmland: {pbf}
                  urban_development_boundary: layers/udb.geojson

                """ + approval, package);
            f.Layer("boundary.geojson", Samples.Collection(Samples.Square("B1", X, Y, size)), package);
            f.Layer("erl.geojson", Samples.Collection(Samples.Square("E1", X + 600, Y + 600, 200)), package);
            f.Layer("udb.geojson", Samples.Collection(Samples.Square("U1", X + 600, Y + 100, 200, """{"zone":"concentrated"}""")), package);
            if (!File.Exists(f.Full($"{package}/layers/pbf.geojson")))
            {
                // The plan that breaks holds P1 and P2 (two features: past --max-features 1); the other only P1.
                f.Layer("pbf.geojson", plan == breakIn ? Samples.Farmland : Samples.Collection(Samples.Square("P1", X + 100, Y + 500, 200)), package);
            }
        }

        return f;
    }

    /// <summary>No finding about basic farmland at all (none dropped, none unknown), and HIER-008 skipped for the county because farmland could not be read.</summary>
    private static Action<JsonElement> NoCascade => root =>
    {
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString() is "HIER-008" or "ELAS-007");
        Assert.DoesNotContain(findings, f => f.GetProperty("subjects").EnumerateArray().Any(s => s.GetProperty("layer").GetString() == "permanent_basic_farmland"));
        Assert.Contains(root.GetProperty("skipped").EnumerateArray(), s =>
            s.GetProperty("rule").GetString() == "HIER-008" && s.GetProperty("plan").GetString() == "county"
            && s.GetProperty("reason").GetString()!.Contains("permanent_basic_farmland", StringComparison.Ordinal));
    };

    private static readonly (string Name, Func<CaseFolder, string, string> Break, string Code, string[] Args)[] Breaks =
    [
        ("file-missing", (_, _) => "layers/nowhere.geojson", @"layer\.file-missing", []),
        ("truncated", (f, p) => { f.Text($"{p}/layers/pbf.geojson", Samples.Farmland[..70]); return "layers/pbf.geojson"; }, @"layer\.unreadable", []),
        ("in-another-crs", (f, p) =>
        {
            // Web Mercator, outside CGCS2000: no zone or datum of ours to read it in (a CGCS2000 layer in another zone is reprojected instead).
            f.Text($"{p}/layers/pbf.geojson", Samples.Farmland.Replace("{\"type\":\"FeatureCollection\",", """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"""));
            return "layers/pbf.geojson";
        }, @"layer\.crs-mismatch", []),
        ("over-the-feature-limit", (_, _) => "layers/pbf.geojson", @"limit\.exceeded", ["--max-features", "1"]),
    ];

    private const string BowTie = "bow-tie";

    /// <summary>A county overall plan whose land use L1 is <paramref name="l1"/>, with a neighbour L2 touching the 200 m square at (100, 100) at its north-east corner only.</summary>
    private static CaseFolder Parcels(this CaseFolder f, string l1)
    {
        f.Plan(Header("corpus-plan", "county", "330122") + """
            layers:
              boundary: layers/boundary.geojson
              land_use: layers/land_use.geojson
              permanent_basic_farmland: layers/pbf.geojson

            """);
        f.Layer("boundary.geojson", Samples.Boundary);
        f.Layer("pbf.geojson", Samples.Collection(Samples.Square("P1", X + 100, Y + 100, 200)));
        f.Layer("land_use.geojson", Samples.Collection(
            Samples.Feature("L1", l1, """{"code":"0101"}"""),
            Samples.Square("L2", X + 300, Y + 300, 200, """{"code":"0101"}""")));
        return f;
    }

    /// <summary>
    /// Land use as 400 squares of 50 m filling the boundary (enough for the overlap search to screen them as a
    /// coverage), with a second subdivision of 3 × 3 squares N1–N9 laid over the middle, offset by 25 m.
    /// </summary>
    private static CaseFolder Subdivided(this CaseFolder f)
    {
        f.Plan(Header("corpus-plan", "county", "330122") + """
            layers:
              boundary: layers/boundary.geojson
              land_use: layers/land_use.geojson

            """);
        f.Layer("boundary.geojson", Samples.Boundary);
        var parcels = new List<string>();
        for (var row = 0; row < 20; row++)
        {
            for (var col = 0; col < 20; col++) parcels.Add(Samples.Square($"G{row}-{col}", X + 50 * col, Y + 50 * row, 50, """{"code":"0101"}"""));
        }

        for (var k = 0; k < 9; k++) parcels.Add(Samples.Square($"N{k + 1}", X + 425 + 50 * (k % 3), Y + 425 + 50 * (k / 3), 50, """{"code":"0103"}"""));
        f.Layer("land_use.geojson", Samples.Collection([.. parcels]));
        return f;
    }

    /// <summary>Each square of the second subdivision overlaps the four under it by 625 m², the middle one N5 included, whose edges all match its neighbours'.</summary>
    private static Action<JsonElement> EveryStackedPairReported => root =>
    {
        var pairs = root.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "DATA-005")
            .Select(f => (Ids: f.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList(),
                Area: f.GetProperty("measure").GetProperty("value").GetDouble()))
            .ToList();
        Assert.Equal(36, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(625, p.Area, 3));
        Assert.Equal(["G10-10", "G10-9", "G9-10", "G9-9"], pairs.Where(p => p.Ids.Contains("N5")).Select(p => p.Ids.Single(id => id != "N5")).Order(StringComparer.Ordinal));
    };

    private static Action<JsonElement> InvalidReportedOnce(string geometryType, double? x = null, double? y = null) => root =>
    {
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        var invalid = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "DATA-003");
        var geometry = invalid.GetProperty("geometry");
        Assert.Equal(geometryType, geometry.GetProperty("type").GetString());
        if (x is { } px && y is { } py)
        {
            var at = geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
            Assert.Equal([px, py], at);
        }

        // Measured repaired: no invented overlap with the corner neighbour, and none with the farmland it lies on.
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString() == "DATA-005");
    };

    public static IEnumerable<CorpusCase> All()
    {
        foreach (var (name, breakLayer, code, args) in Breaks)
        {
            foreach (var where in new[] { "county", "city" })
            {
                yield return new CorpusCase($"messy/farmland-{name}-in-the-{(where == "city" ? "parent" : "child")}")
                {
                    Build = f => f.Tree(where, breakLayer),
                    Target = "tree",
                    Format = "json",
                    Exit = 2,
                    Args = args,
                    RequiresLimits = args.Length > 0,
                    Console = [code],
                    Json = NoCascade,
                };
            }
        }

        var bowTie = Samples.Polygon(Samples.Positions((X + 100, Y + 100), (X + 300, Y + 300), (X + 300, Y + 100), (X + 100, Y + 300), (X + 100, Y + 100)));
        var bowTieReversed = Samples.Polygon(Samples.Positions((X + 100, Y + 100), (X + 100, Y + 300), (X + 300, Y + 100), (X + 300, Y + 300), (X + 100, Y + 100)));
        yield return Invalid($"{BowTie}-clockwise-first", bowTie, "Point", X + 200, Y + 200);
        yield return Invalid($"{BowTie}-reversed", bowTieReversed, "Point", X + 200, Y + 200);
        yield return Invalid("ring-touching-itself", Samples.Polygon(Samples.Positions(
            (X + 100, Y + 100), (X + 300, Y + 100), (X + 300, Y + 300), (X + 200, Y + 300), (X + 250, Y + 200), (X + 150, Y + 200), (X + 200, Y + 300), (X + 100, Y + 300), (X + 100, Y + 100))),
            "Point", X + 200, Y + 300);
        yield return new CorpusCase("messy/second-subdivision-over-the-land-use")
        {
            Build = f => f.Subdivided(),
            Format = "json",
            Exit = 1,
            Report = ["\"rule\":\\s*\"DATA-005\""],
            Json = EveryStackedPairReported,
        };
        yield return Invalid("hole-outside-its-shell", Samples.Polygon(Samples.Ring(X + 100, Y + 100, 200), Samples.Ring(X + 700, Y + 700, 50)), "LineString");
    }

    private static CorpusCase Invalid(string name, string geometry, string type, double? x = null, double? y = null) => new($"messy/{name}")
    {
        Build = f => f.Parcels(geometry),
        Format = "json",
        Exit = 1,
        Report = ["\"rule\":\\s*\"DATA-003\""],
        Json = InvalidReportedOnce(type, x, y),
    };
}
