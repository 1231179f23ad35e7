namespace ElementFlow.Cli.Tests.Commands;

/// <summary>
/// Bad input through the real CLI: each case gets one clear message naming the file and the line or
/// feature, a finding or exit code 2, and never a stack trace.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private const string Plan = """
        schema: elementflow/plan/v1
        id: bad-input
        name: { zh: 坏输入测试, en: Bad input test }
        level: county
        type: overall
        region: { code: "330122", name: 测试县 }
        crs: EPSG:4527
        """;

    private const string Square = """{"type":"FeatureCollection","features":[{"type":"Feature","id":"E1","properties":{},"geometry":{"type":"Polygon","coordinates":[[[39500000,3300000],[39500100,3300000],[39500100,3300100],[39500000,3300100],[39500000,3300000]]]}}]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("ef-bad-").FullName;

    private (int Exit, string Out, string Err) Check(string planYaml, params (string Path, string Text)[] files)
    {
        File.WriteAllText(Path.Combine(_folder, "plan.yaml"), planYaml);
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_folder, path))!);
            File.WriteAllText(Path.Combine(_folder, path), text);
        }

        return Repo.Cli("check", _folder, "--rules", Repo.Rules, "--lang", "en");
    }

    private static void NoStackTrace(string text) => Assert.DoesNotMatch(@"\n\s+at [A-Z][\w.]+\(", text);

    [Fact]
    public void MalformedYaml_ExitsTwoNamingPlanYamlAndLine()
    {
        var (exit, stdout, stderr) = Check("schema: elementflow/plan/v1\nid: x\n  level: : city\n");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches(@"plan\.yaml:\d+: error yaml\.syntax", stdout);
        NoStackTrace(stdout + stderr);
    }

    [Fact]
    public void TextReportWrittenToAFile_StillPrintsTheInputProblemsOnStderr()
    {
        File.WriteAllText(Path.Combine(_folder, "plan.yaml"), "schema: elementflow/plan/v1\nid: x\n  level: : city\n");
        var report = Path.Combine(_folder, "report.txt");

        var (exit, stdout, stderr) = Repo.Cli("check", _folder, "--rules", Repo.Rules, "--lang", "en", "--out", report);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Matches(@"plan\.yaml:\d+: error yaml\.syntax", stderr);
        Assert.Matches(@"plan\.yaml:\d+: error yaml\.syntax", File.ReadAllText(report));
    }

    [Fact]
    public void MissingLayerFile_ExitsTwoButStillReportsTheOtherLayersFindings()
    {
        var overlap = Square.Replace("\"E1\"", "\"P1\"");
        var (exit, stdout, stderr) = Check(
            Plan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n  permanent_basic_farmland: layers/pbf.geojson\n  zoning: layers/missing.geojson\n",
            ("layers/erl.geojson", Square), ("layers/pbf.geojson", overlap));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("layers/missing.geojson", stdout);
        Assert.Contains("LINE-001", stdout);
        NoStackTrace(stdout + stderr);
    }

    [Fact]
    public void UnknownUnit_ExitsTwoNamingTheIndicatorAndLine()
    {
        var (exit, stdout, _) = Check(Plan + "\nindicators:\n  farmland_retention: { value: 1, unit: acre }\n");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("plan.yaml:9: error plan.unknown-unit: indicators.farmland_retention has an unknown unit 'acre'", stdout);
    }

    [Fact]
    public void IndicatorWithoutUnit_IsOneMessageAndNoFindingSaysItIsMissing()
    {
        var (exit, stdout, _) = Check(Plan + "\nindicators:\n  farmland_retention: { value: 1 }\n");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("plan.yaml:9: error plan.field-required: indicators.farmland_retention.unit is required", stdout);
        Assert.DoesNotMatch(@"(DATA-002|HIER-006)\s+indicators/farmland_retention", stdout);
    }

    [Fact]
    public void PathThatDoesNotExist_IsAnInputErrorOnly()
    {
        var missing = Path.Combine(_folder, "no-such-plan");

        var (exit, stdout, stderr) = Repo.Cli("check", missing, "--rules", Repo.Rules, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error plan.path-missing: No such file or folder", stdout + stderr);
        Assert.DoesNotContain("No findings", stdout + stderr);
    }

    [Fact]
    public void UnknownLayerRole_ExitsTwoNamingTheRole()
    {
        var (exit, stdout, _) = Check(Plan + "\nlayers:\n  redline: layers/erl.geojson\n", ("layers/erl.geojson", Square));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Unknown layer role 'redline'", stdout);
    }

    [Fact]
    public void DuplicateFeatureIds_AreAFindingOfDataFour()
    {
        var twice = Square.Replace("]}}]}", "]}},{\"type\":\"Feature\",\"id\":\"E1\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[39500050,3300050]}}]}");
        var (exit, stdout, _) = Check(Plan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n", ("layers/erl.geojson", twice));

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Matches(@"DATA-004\s+ecological_redline/E1", stdout);
    }

    [Fact]
    public void InvalidAndEmptyGeometries_AreFindingsOfDataThree()
    {
        const string bowtie = """{"type":"FeatureCollection","features":[{"type":"Feature","id":"B1","properties":{},"geometry":{"type":"Polygon","coordinates":[[[39500000,3300000],[39500100,3300100],[39500100,3300000],[39500000,3300100],[39500000,3300000]]]}},{"type":"Feature","id":"B2","properties":{},"geometry":null}]}""";
        var (exit, stdout, stderr) = Check(Plan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n", ("layers/erl.geojson", bowtie));

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Matches(@"DATA-003\s+ecological_redline/B1", stdout);
        Assert.Matches(@"DATA-003\s+ecological_redline/B2", stdout);
        NoStackTrace(stdout + stderr);
    }

    [Fact]
    public void GeographicCrs_IsAFindingOfDataOne()
    {
        var (exit, stdout, _) = Check(Plan.Replace("EPSG:4527", "EPSG:4490"));

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("DATA-001", stdout);
    }

    [Fact]
    public void LayerInAnotherCrs_ExitsTwoNamingBothCrs()
    {
        var other = Square.Replace("{\"type\":\"FeatureCollection\",", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4326\"}},");
        var (exit, stdout, _) = Check(Plan + "\nlayers:\n  ecological_redline: layers/erl.geojson\n", ("layers/erl.geojson", other));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("declares CRS EPSG:4326, but the plan is in EPSG:4527", stdout);
    }

    [Fact]
    public void UnknownRuleParameter_FailsLintWithExitTwoNamingRuleAndLine()
    {
        File.WriteAllText(Path.Combine(_folder, "set.yaml"), """
            ruleset: local
            version: 1.0.0
            title: { zh: 本地, en: Local }
            rules:
              - id: LOC-001
                title: { zh: 测试, en: Test }
                severity: error
                check:
                  kind: no-overlap
                  a: ecological_redline
                  tolerance: 5
                message: { zh: "重叠 {value}", en: "overlap {value}" }
            """);

        var (exit, _, stderr) = Repo.Cli("rules", "lint", _folder, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("set.yaml:11: error rules.unknown-parameter: Rule LOC-001: check kind no-overlap has no parameter 'tolerance'", stderr);
    }

    [Fact]
    public void ConditionThatDoesNotParse_FailsLintNamingTheExpression()
    {
        File.WriteAllText(Path.Combine(_folder, "set.yaml"), """
            ruleset: local
            version: 1.0.0
            title: { zh: 本地, en: Local }
            rules:
              - id: LOC-002
                title: { zh: 测试, en: Test }
                severity: warning
                check:
                  kind: expression
                  facts: feature
                  when: "feature.Area <"
                message: { zh: "面积 {value}", en: "area {value}" }
            """);

        var (exit, _, stderr) = Repo.Cli("rules", "lint", _folder, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("set.yaml:11: error rules.condition: Rule LOC-002: the when expression does not parse", stderr);
    }

    [Fact]
    public void ConditionReachingForReflection_IsRefusedAtLint()
    {
        File.WriteAllText(Path.Combine(_folder, "set.yaml"), """
            ruleset: local
            version: 1.0.0
            title: { zh: 本地, en: Local }
            rules:
              - id: LOC-003
                title: { zh: 测试, en: Test }
                severity: warning
                check: { kind: expression, facts: feature, when: 'feature.GetType().Name == "x"' }
                message: { zh: "面积 {value}", en: "area {value}" }
            """);

        var (exit, _, stderr) = Repo.Cli("rules", "lint", _folder, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("LOC-003", stderr);
        Assert.Contains("GetType", stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
