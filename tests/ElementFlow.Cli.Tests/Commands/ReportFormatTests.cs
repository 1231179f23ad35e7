using System.Text.Json;
using System.Text.RegularExpressions;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using NJsonSchema;
using Xunit.Abstractions;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary>
/// The machine formats on the example plan tree, end to end: SARIF is valid against the official schema,
/// GeoJSON reads back with the same features as the JSON report, and the HTML page renders in Chromium.
/// </summary>
public class ReportFormatTests(ITestOutputHelper output)
{
    private static readonly string Examples = Repo.Relative(Repo.Examples);
    private static readonly string Rules = Repo.Relative(Repo.Rules);

    private static string SarifSchema => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "reference", "sarif-schema-2.1.0.json"));

    private static string Report(string format, string plans, string lang = "en")
    {
        var (exit, stdout, stderr) = Repo.Cli("check", plans, "--rules", Rules, "--format", format, "--lang", lang);
        Assert.True(exit is ExitCodes.Clean or ExitCodes.Findings, $"exit {exit}: {stderr}");
        return stdout;
    }

    private static List<JsonElement> JsonFindings(string plans)
    {
        using var doc = JsonDocument.Parse(Report("json", plans));
        return doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone()).ToList();
    }

    [SkippableFact]
    public async Task Sarif_ExampleTree_IsValidAgainstTheOfficialSchema()
    {
        Skip.IfNot(File.Exists(SarifSchema), $"the official SARIF schema is not at {SarifSchema} (shared/ beside the repository)");
        var schema = await JsonSchema.FromFileAsync(SarifSchema);

        var sarif = Report("sarif", Examples);

        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void Sarif_ExampleTree_HasOneResultPerFindingAtARelativeLayerFile()
    {
        using var sarif = JsonDocument.Parse(Report("sarif", Examples));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var findings = JsonFindings(Examples);

        Assert.Equal(findings.Select(f => f.GetProperty("rule").GetString()), results.Select(r => r.GetProperty("ruleId").GetString()));
        var line001 = results.First(r => r.GetProperty("ruleId").GetString() == "LINE-001").GetProperty("locations")[0];
        Assert.EndsWith("example-plans/qinghe-city/layers/ecological_redline.geojson", line001.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("qinghe-city/ecological_redline/ERL-04", line001.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.All(run.GetProperty("artifacts").EnumerateArray(), a => Assert.False(Path.IsPathRooted(a.GetProperty("location").GetProperty("uri").GetString())));
    }

    [Fact]
    public void GeoJson_ExampleTree_ReadsBackWithTheFeaturesOfTheJsonReport()
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        var collection = JsonSerializer.Deserialize<FeatureCollection>(Report("geojson", Examples), options)!;
        var mapped = JsonFindings(Examples).Where(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null).ToList();

        Assert.Equal(mapped.Count, collection.Count);
        foreach (var (feature, finding) in collection.Zip(mapped))
        {
            Assert.Equal(finding.GetProperty("rule").GetString(), feature.Attributes["rule"]);
            Assert.Equal(finding.GetProperty("plan").GetString(), feature.Attributes["plan"]);
            Assert.Equal(finding.GetProperty("message").GetString(), feature.Attributes["message"]);
            Assert.Equal(finding.GetProperty("measure").GetProperty("value").GetDouble(), Convert.ToDouble(feature.Attributes["measure_value"]), 6);
            Assert.Equal(finding.GetProperty("geometry").GetProperty("type").GetString(), feature.Geometry.GeometryType);
        }
    }

    [SkippableFact]
    public void Html_ExampleTree_RendersInChromiumWithAShapePerMappedFinding()
    {
        Skip.If(Chromium.Executable is null, Chromium.Missing);
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var page = Path.Combine(folder, "example-plans.en.html");
        File.WriteAllText(page, Report("html", Examples));
        var mapped = JsonFindings(Examples).Count(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null);

        var (dom, log) = Chromium.DumpDom(new Uri(page).AbsoluteUri);

        Assert.Empty(Chromium.ConsoleLines(log));
        Assert.Contains("data-ready=\"true\"", dom);
        Assert.DoesNotContain("data-error=", dom);
        Assert.Equal(mapped, Regex.Matches(dom, "<path class=\"hit[ \"]").Count);
        Assert.Contains($"data-hits=\"{mapped}\"", dom);
        Assert.Equal(6, Regex.Matches(dom, "<figure class=\"plan-map\"").Count);
        output.WriteLine($"page: {page}");
    }

    [SkippableFact]
    public void Html_ExampleCity_LinksShapesAndRowsAndLeavesAScreenshot()
    {
        Skip.If(Chromium.Executable is null, Chromium.Missing);
        var city = Repo.Relative(Path.Combine(Repo.Examples, "qinghe-city"));
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var page = Path.Combine(folder, "qinghe-city.en.html");
        File.WriteAllText(page, Report("html", city));
        var url = new Uri(page).AbsoluteUri;

        // Opening the page at #g-3 selects finding 3: its row and its shape are highlighted together.
        var (dom, log) = Chromium.DumpDom(url + "#g-3");
        Assert.Empty(Chromium.ConsoleLines(log));
        Assert.Matches("<tr id=\"f-3\"[^>]*class=\"[^\"]*selected", dom);
        Assert.Matches("<path class=\"hit[^\"]*selected[^\"]*\" id=\"g-3\"", dom);
        Assert.Equal(2, Regex.Matches(dom, "class=\"[^\"]*selected").Count);

        var png = Path.Combine(folder, "qinghe-city.en.png");
        Chromium.Screenshot(url, png, 1400, 2600);
        Assert.True(new FileInfo(png).Length > 10_000, $"no screenshot at {png}");
        output.WriteLine($"screenshot: {png}");
    }
}
