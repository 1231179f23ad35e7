using System.Text;
using System.Text.Json;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>
/// Nothing lost (issue 8 item 5): one layer is broken, yet the report still holds the other layers'
/// findings, and a non-empty <c>skipped</c> list names the rules that could not run and why.
/// </summary>
public static class NothingLostCases
{
    private const double X = Samples.X;
    private const double Y = Samples.Y;

    /// <summary>A county overall plan whose red line E1 overlaps farmland P1 (LINE-001), with a zoning layer to break.</summary>
    private static CaseFolder Overall(this CaseFolder f, string package = "pkg", string zoning = "layers/zoning.geojson")
    {
        f.Plan(Samples.OverallPlan($"""
              boundary: layers/boundary.geojson
              ecological_redline: layers/erl.geojson
              permanent_basic_farmland: layers/pbf.geojson
              zoning: {zoning}

            """), package);
        f.Layer("boundary.geojson", Samples.Boundary, package);
        f.Layer("erl.geojson", Samples.Collection(Samples.Square("E1", X + 100, Y + 100, 200)), package);
        f.Layer("pbf.geojson", Samples.Collection(Samples.Square("P1", X + 200, Y + 200, 200)), package);
        f.Layer("zoning.geojson", Samples.Collection(Samples.Square("Z1", X, Y, 1000, """{"zone":"urban_development"}""")), package);
        return f;
    }

    /// <summary>The JSON report keeps <paramref name="rule"/>'s finding, and every skipped rule says <paramref name="broken"/> could not be read.</summary>
    private static Action<JsonElement> Kept(string rule, string broken) => root =>
    {
        var findings = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.Contains(rule, findings);
        var skipped = root.GetProperty("skipped").EnumerateArray().ToList();
        Assert.NotEmpty(skipped);
        Assert.All(skipped, s =>
        {
            Assert.Matches("^[A-Z]+-\\d{3}$", s.GetProperty("rule").GetString());
            Assert.Contains($"layer {broken}", s.GetProperty("reason").GetString());
        });
    };

    public static IEnumerable<CorpusCase> All()
    {
        CorpusCase Json(string name, Action<CaseFolder> build, string rule, string broken, string console, string target = "pkg") => new($"nothing-lost/{name}")
        {
            Build = build,
            Target = target,
            Format = "json",
            Exit = 2,
            Console = [console],
            Json = Kept(rule, broken),
        };

        yield return Json("zoning-truncated", f => f.Overall().Text("pkg/layers/zoning.geojson", Samples.Collection(Samples.Square("Z1", X, Y, 1000))[..60]),
            "LINE-001", "zoning", Expect.Error("pkg/layers/zoning.geojson", @"layer\.unreadable"));
        yield return Json("zoning-file-missing", f => f.Overall(zoning: "layers/nowhere.geojson"),
            "LINE-001", "zoning", Expect.ErrorAtLine("pkg/plan.yaml", @"layer\.file-missing", "nowhere"));
        yield return Json("zoning-in-another-crs", f => f.Overall().Text("pkg/layers/zoning.geojson",
                Samples.Collection(Samples.Square("Z1", X, Y, 1000, """{"zone":"urban_development"}""")).Replace("{\"type\":\"FeatureCollection\",", """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},""")),
            "LINE-001", "zoning", Expect.Error("pkg/layers/zoning.geojson", @"layer\.crs-mismatch"));
        yield return Json("zoning-not-utf8", f => f.Overall().Bytes("pkg/layers/zoning.geojson",
                Encoding.Latin1.GetBytes(Samples.Collection(Samples.Square("Z1", X, Y, 1000, """{"zone":"urban_development","note":"Forêt"}""")))),
            "LINE-001", "zoning", Expect.Error("pkg/layers/zoning.geojson", @"layer\.unreadable", "UTF-8"));
        yield return Json("farmland-broken-red-line-still-checked", f => f.Overall()
                .Layer("erl.geojson", Samples.Collection(Samples.Feature("E1", Samples.Polygon(Samples.Positions((X + 100, Y + 100), (X + 300, Y + 300), (X + 300, Y + 100), (X + 100, Y + 300), (X + 100, Y + 100))))))
                .Layer("pbf.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\""),
            "DATA-003", "permanent_basic_farmland", Expect.Error("pkg/layers/pbf.geojson", @"layer\.unreadable"));
        yield return Json("zoning-broken-in-a-zip", f =>
            {
                f.Overall("src").Text("src/layers/zoning.geojson", "{\"type\":\"FeatureCollection\",\"features\":[");
                f.Zip("pkg.zip", f.Entries("src"));
                Directory.Delete(f.Full("src"), recursive: true);
            },
            "LINE-001", "zoning", Expect.Error("pkg.zip/layers/zoning.geojson", @"layer\.unreadable"), target: "pkg.zip");
        yield return Json("zoning-over-the-feature-limit", f => f.Overall().Layer("zoning.geojson", Samples.Collection(
                Samples.Square("Z1", X, Y, 500, """{"zone":"urban_development"}"""), Samples.Square("Z2", X + 500, Y, 500, """{"zone":"urban_development"}"""))),
            "LINE-001", "zoning", Expect.Limit("pkg/layers/zoning.geojson", "--max-features")) with { Args = ["--max-features", "1"], RequiresLimits = true };
        yield return new CorpusCase("nothing-lost/text-report-shows-the-skipped-rules")
        {
            Build = f => f.Overall().Text("pkg/layers/zoning.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{"),
            Exit = 2,
            Console = [Expect.Error("pkg/layers/zoning.geojson", @"layer\.unreadable")],
            Report = [Expect.Finding("LINE-001", "ecological_redline/E1"), "Rules that could not run:\\n(  corpus-plan [A-Z]+-\\d{3}: layer zoning could not be read\\n)+"],
        };
    }
}
