using System.Text.Json;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using NJsonSchema;

namespace ElementFlow.Reports.Tests;

public class SarifReportWriterTests
{
    private static JsonElement Run(string sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    private static string Write(Language language = Language.En, Report? report = null, ReportContext? context = null) =>
        SampleReport.Write(new SarifReportWriter(), report ?? SampleReport.Report(), context ?? SampleReport.Context(language));

    [Fact]
    public void Write_SampleReport_MatchesTheApprovedSnapshot()
    {
        Approver.Verify("sample.en", "sarif", Write());
    }

    [SkippableFact]
    public async Task Write_SampleReport_IsValidAgainstTheOfficialSchema()
    {
        Skip.IfNot(File.Exists(Repo.SarifSchema), $"the official SARIF schema is not at {Repo.SarifSchema} (shared/ beside the repository)");
        var schema = await JsonSchema.FromFileAsync(Repo.SarifSchema);

        foreach (var language in new[] { Language.En, Language.Zh })
        {
            var errors = schema.Validate(Write(language, SampleReport.Report(new BaselineSummary(5, 1, 0))));
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }
    }

    [SkippableFact]
    public async Task Schema_ALogWithABadLevel_IsRejected()
    {
        // The validator really validates: a log that breaks the schema fails.
        Skip.IfNot(File.Exists(Repo.SarifSchema), $"the official SARIF schema is not at {Repo.SarifSchema} (shared/ beside the repository)");
        var schema = await JsonSchema.FromFileAsync(Repo.SarifSchema);

        var errors = schema.Validate(Write().Replace("\"level\": \"warning\"", "\"level\": \"severe\""));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Write_EveryFinding_IsOneResultWithItsRuleIndexAndLevel()
    {
        var run = Run(Write());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(SampleReport.Report().Findings.Count, results.Count);
        Assert.All(results, r => Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]));
        Assert.Equal(["warning", "error", "error", "error", "error"], results.Select(r => r.GetProperty("level").GetString()));
    }

    [Fact]
    public void Write_RuleInEffect_CarriesTitleBasisFixAndDefaultLevel()
    {
        var rule = Run(Write()).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == "LINE-001");

        Assert.Equal("EcologicalRedLineMustNotOverlapPermanentBasicFarmland", rule.GetProperty("name").GetString());
        Assert.Equal("Ecological red line must not overlap permanent basic farmland", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Contains("厅字〔2019〕48号", rule.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Contains("How to fix: Move one of the two lines", rule.GetProperty("help").GetProperty("text").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void Write_Feature_IsALogicalLocationInItsLayerFile()
    {
        var result = Run(Write()).GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "LINE-001");
        var location = result.GetProperty("locations")[0];
        var artifact = location.GetProperty("physicalLocation").GetProperty("artifactLocation");
        var logical = location.GetProperty("logicalLocations")[0];

        Assert.Equal("plans/demo-city/layers/ecological_redline.geojson", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        Assert.False(location.GetProperty("physicalLocation").TryGetProperty("region", out _), "a feature whose line is unknown has no made-up region");
        Assert.Equal(("E1", "demo-city/ecological_redline/E1", "element"), (logical.GetProperty("name").GetString(), logical.GetProperty("fullyQualifiedName").GetString(), logical.GetProperty("kind").GetString()));
        Assert.Equal("demo-city/permanent_basic_farmland/P1", result.GetProperty("relatedLocations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [Fact]
    public void Write_FeatureWhoseLineIsKnown_PointsAtThatLineOfItsLayerFile()
    {
        var city = SampleReport.DemoCity;
        var redline = city.Layers["ecological_redline"];
        var lined = city with
        {
            Layers = new Dictionary<string, Core.Planning.Layer>(city.Layers)
            {
                ["ecological_redline"] = redline with { Features = redline.Features.Select(f => f with { Line = 42 }).ToList() },
            },
        };

        var result = Run(Write(context: SampleReport.Context(Language.En) with { Plans = [lined] })).GetProperty("results").EnumerateArray()
            .First(r => r.GetProperty("ruleId").GetString() == "LINE-001");

        Assert.Equal(42, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Write_FeatureOfABinaryLayer_NamesTheFileWithoutARegion()
    {
        var sarif = Write(context: SampleReport.Context(Language.En));

        var regions = Run(sarif).GetProperty("results").EnumerateArray()
            .SelectMany(r => r.GetProperty("locations").EnumerateArray())
            .Select(l => l.GetProperty("physicalLocation"))
            .Where(p => p.GetProperty("artifactLocation").GetProperty("uri").GetString()!.EndsWith(".gpkg", StringComparison.Ordinal))
            .Select(p => p.TryGetProperty("region", out _))
            .ToList();

        Assert.NotEmpty(regions);
        Assert.All(regions, Assert.False);
    }

    [Fact]
    public void Write_Indicator_PointsAtItsLineInPlanYaml()
    {
        var result = Run(Write()).GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "DATA-008");
        var related = result.GetProperty("relatedLocations")[0].GetProperty("physicalLocation");

        Assert.Equal("plans/demo-city/plan.yaml", related.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(17, related.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Write_WaivedFinding_IsSuppressedWithTheApprovalDocument()
    {
        var result = Run(Write()).GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "LINE-002");
        var suppression = result.GetProperty("suppressions")[0];

        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("浙自然资函〔2024〕15号", suppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void Write_Fingerprints_DependOnRulePlanAndSubjectsOnly()
    {
        static string Fingerprint(string sarif) => Run(sarif).GetProperty("results")[2].GetProperty("partialFingerprints").GetProperty("elementflow/v1").GetString()!;
        var report = SampleReport.Report();
        var moved = report with { Findings = report.Findings.Select(f => f with { Measure = f.Measure! with { Value = 1 }, Geometry = null }).ToList() };

        var first = Fingerprint(Write(Language.En, report));

        Assert.Equal(first, Fingerprint(Write(Language.Zh, moved)));
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void Write_AbsoluteLayerPathUnderTheSourceRoot_BecomesRelative()
    {
        var root = Path.Combine(Path.GetTempPath(), "ef-root");
        var context = SampleReport.Context(Language.En) with
        {
            SourceRoot = root,
            LayerFiles = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["demo-city"] = new Dictionary<string, string> { ["ecological_redline"] = Path.Combine(root, "城市", "layers", "erl.geojson") },
            },
        };

        var run = Run(Write(context: context));

        Assert.Contains(run.GetProperty("artifacts").EnumerateArray(), a => a.GetProperty("location").GetProperty("uri").GetString() == "%E5%9F%8E%E5%B8%82/layers/erl.geojson");
        Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public void Write_MessagesFollowTheLanguage()
    {
        var results = Run(Write(Language.Zh)).GetProperty("results").EnumerateArray();

        Assert.Contains(results, r => r.GetProperty("message").GetProperty("text").GetString() == "图斑 E1 与 P1 重叠 10,000.0 平方米");
    }
}
