namespace ElementFlow.Cli.Tests.Commands;

/// <summary>
/// The input-limit options through the real CLI: just over a limit is one located <c>limit.exceeded</c>
/// naming file, limit and option with exit 2; raising the option lets the same input through; bad
/// option values are usage errors; hostile nesting ends in a message, never a crash.
/// </summary>
public sealed class LimitOptionTests : IDisposable
{
    private const string Plan = """
        schema: elementflow/plan/v1
        id: limits
        name: { zh: 上限测试, en: Limits test }
        level: county
        type: overall
        region: { code: "330122", name: 测试县 }
        crs: EPSG:4527
        layers:
          ecological_redline: layers/erl.geojson
          permanent_basic_farmland: layers/pbf.geojson
          zoning: layers/zoning.geojson
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("ef-limits-").FullName;

    /// <summary>A FeatureCollection of features, each a closed ring of the given number of positions.</summary>
    private static string Layer(params (string Id, int Positions)[] features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features.Select(f =>
        {
            // A polygon around a circle, the last position repeating the first.
            var ring = Enumerable.Range(0, f.Positions - 1)
                .Select(i => FormattableString.Invariant($"[{39500050 + 50 * Math.Cos(2 * Math.PI * i / (f.Positions - 1)):F3},{3300050 + 50 * Math.Sin(2 * Math.PI * i / (f.Positions - 1)):F3}]"))
                .ToList();
            ring.Add(ring[0]);
            return $"{{\"type\":\"Feature\",\"id\":\"{f.Id}\",\"properties\":{{\"zone\":\"agricultural\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(",", ring)}]]}}}}";
        })) + "]}";

    /// <summary>A package with overlapping red line and farmland (a LINE-001 finding) and a zoning layer of the given features.</summary>
    private string Package(string name, params (string Id, int Positions)[] zoning)
    {
        var folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.Combine(folder, "layers"));

        // Each package its own region, so two in one run are two plans of a tree, not a conflict.
        var region = 330100 + (name.Length * 7 + name[0]) % 90;
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), Plan.Replace("id: limits", $"id: {name}").Replace("330122", region.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        File.WriteAllText(Path.Combine(folder, "layers", "erl.geojson"), Layer(("E1", 5)));
        File.WriteAllText(Path.Combine(folder, "layers", "pbf.geojson"), Layer(("P1", 5)));
        File.WriteAllText(Path.Combine(folder, "layers", "zoning.geojson"), Layer(zoning));
        return folder;
    }

    private static (int Exit, string Out, string Err) Check(params string[] args) =>
        Repo.Cli(["check", .. args, "--rules", Repo.Rules, "--lang", "en"]);

    private static void NoStackTrace(string text) => Assert.DoesNotMatch(@"\n\s+at [A-Z][\w.]+\(", text);

    [Fact]
    public void Check_GeometryOverMaxVertices_RefusesTheLayerButKeepsTheOtherLayersFindings()
    {
        var plan = Package("vertices", ("Z1", 5), ("Z-17", 9));

        var (exit, stdout, stderr) = Check(plan, "--max-vertices", "8");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(
            "layers/zoning.geojson [Z-17]: error limit.exceeded: Feature Z-17 of layer zoning (" + plan + "/layers/zoning.geojson) has 9 vertices, "
            + "more than the limit of 8 (--max-vertices). If this is genuine, raise the limit: --max-vertices 10",
            stdout);
        Assert.Contains("LINE-001", stdout);
        NoStackTrace(stdout + stderr);
    }

    [Fact]
    public void Check_MaxVerticesRaisedToTheGeometry_LetsTheLayerThrough()
    {
        var plan = Package("vertices-raised", ("Z1", 5), ("Z-17", 9));

        var (_, stdout, _) = Check(plan, "--max-vertices", "9");

        Assert.DoesNotContain("limit.exceeded", stdout);
        Assert.Contains("LINE-001", stdout);
    }

    [Fact]
    public void Check_LayerOverMaxFeatures_IsRefusedNamingFileCountAndOption()
    {
        var plan = Package("features", ("Z1", 5), ("Z2", 5), ("Z3", 5));

        var (exit, stdout, _) = Check(plan, "--max-features", "2");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Layer zoning (" + plan + "/layers/zoning.geojson) has 3 features, more than the limit of 2 (--max-features). If this is genuine, raise the limit: --max-features 4", stdout);
        Assert.Contains("LINE-001", stdout);
    }

    [Fact]
    public void Check_MaxFeaturesRaisedToTheLayer_LetsItThrough()
    {
        var plan = Package("features-raised", ("Z1", 5), ("Z2", 5), ("Z3", 5));

        var (_, stdout, _) = Check(plan, "--max-features", "3");

        Assert.DoesNotContain("limit.exceeded", stdout);
    }

    [Fact]
    public void Check_PackageOverMaxPackageSize_IsRefusedWhileTheOtherPlanIsChecked()
    {
        Package("small", ("Z1", 5));
        var big = Package("big", ("Z1", 5), ("Z2", 2000));

        var (exit, stdout, stderr) = Repo.Cli("check", _folder, "--rules", Repo.Rules, "--lang", "en", "--format", "json", "--max-package-size", "20KB");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("\"id\": \"small\"", stdout);
        Assert.DoesNotContain("\"id\": \"big\"", stdout);
        Assert.Contains($"{big}: error limit.exceeded: Package {big} holds ", stderr);
        Assert.Contains("more than the limit of 19.5 KiB (--max-package-size). If this is genuine, raise the limit: --max-package-size ", stderr);
    }

    [Fact]
    public void Check_MaxPackageSizeRaised_ChecksBothPlans()
    {
        Package("small", ("Z1", 5));
        Package("big", ("Z1", 5), ("Z2", 2000));

        var (_, stdout, stderr) = Repo.Cli("check", _folder, "--rules", Repo.Rules, "--lang", "en", "--format", "json", "--max-package-size", "1MiB");

        Assert.Contains("\"id\": \"big\"", stdout);
        Assert.DoesNotContain("limit.exceeded", stderr);
    }

    private string RuleSetWithAliases()
    {
        var folder = Path.Combine(_folder, "rules");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "set.yaml"), """
            ruleset: local
            version: 1.0.0
            title: &title { zh: 本地, en: Local }
            rules:
              - id: LOC-001
                title: *title
                severity: warning
                check: { kind: expression, facts: plan, when: 'plan.Epsg == 0' }
                message: &message { zh: "无坐标系", en: "no CRS" }
              - id: LOC-002
                title: *title
                severity: warning
                check: { kind: expression, facts: plan, when: 'plan.Epsg == 1' }
                message: *message
            """);
        return folder;
    }

    [Fact]
    public void RulesLint_RuleSetOverMaxYamlAliases_IsRefusedNamingFileAndOption()
    {
        var rules = RuleSetWithAliases();

        var (exit, _, stderr) = Repo.Cli("rules", "lint", rules, "--lang", "en", "--max-yaml-aliases", "2");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("set.yaml:14: error limit.exceeded: The YAML file ", stderr);
        Assert.Contains("set.yaml uses 3 aliases (*name) once expanded, more than the limit of 2 (--max-yaml-aliases). If this is genuine, raise the limit: --max-yaml-aliases 4", stderr);
    }

    [Fact]
    public void RulesLint_MaxYamlAliasesRaised_LintsClean()
    {
        var (exit, _, stderr) = Repo.Cli("rules", "lint", RuleSetWithAliases(), "--lang", "en", "--max-yaml-aliases", "3");

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Empty(stderr);
    }

    [Fact]
    public void RulesLint_BillionLaughs_IsRefusedQuickly()
    {
        var folder = Path.Combine(_folder, "laughs");
        Directory.CreateDirectory(folder);
        var anchors = "x0: &a0 [" + string.Join(",", Enumerable.Repeat("x", 9)) + "]\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"x{i}: &a{i} [" + string.Join(",", Enumerable.Repeat($"*a{i - 1}", 9)) + "]\n"));
        File.WriteAllText(Path.Combine(folder, "set.yaml"), "ruleset: x\nversion: 1.0.0\n" + anchors + "? *a9\n: y\nrules: []\n");

        var (exit, _, stderr) = Repo.Cli("rules", "lint", folder, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error limit.exceeded", stderr);
        Assert.Contains("(--max-yaml-aliases)", stderr);
    }

    [Theory]
    [InlineData("check", "--max-package-size", "12XB")]
    [InlineData("check", "--max-package-size", "-1GB")]
    [InlineData("check", "--max-package-size", "0")]
    [InlineData("check", "--max-features", "many")]
    [InlineData("check", "--max-features", "-5")]
    [InlineData("check", "--max-features", "0")]
    [InlineData("check", "--max-vertices", "1.5")]
    [InlineData("check", "--max-vertices", "-1")]
    [InlineData("check", "--max-yaml-aliases", "lots")]
    [InlineData("rules lint", "--max-yaml-aliases", "-3")]
    [InlineData("rules test", "--max-vertices", "x")]
    [InlineData("explain LINE-001", "--max-yaml-aliases", "1e3")]
    [InlineData("rules list", "--max-yaml-aliases", "-1")]
    public void BadLimitValue_IsAUsageErrorNamingTheOption(string command, string option, string value)
    {
        var args = command.Split(' ').ToList();
        if (command == "check") args.Add(Repo.Examples);
        args.AddRange([option, value]);

        var (exit, stdout, stderr) = Repo.Cli([.. args]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{option}: '{value}' is not a", stderr);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("500MB")]
    [InlineData("4gib")]
    [InlineData("512KiB")]
    [InlineData("1048576")]
    public void Check_SizeWithUnit_IsAccepted(string size)
    {
        var (exit, _, stderr) = Repo.Cli("check", Path.Combine(Repo.Examples, "qinghe-province"), "--lang", "en", "--max-package-size", size);

        Assert.NotEqual(ExitCodes.BadInput, exit);
        Assert.DoesNotContain("is not a size", stderr);
    }

    [Fact]
    public void RulesLint_FlowSequencesNestedAHundredThousandDeep_IsRefusedWithoutCrashing()
    {
        var folder = Path.Combine(_folder, "deep");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "set.yaml"), "ruleset: x\nversion: 1.0.0\nrules: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        var (exit, _, stderr) = Repo.Cli("rules", "lint", folder, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("set.yaml:3: error yaml.too-deep: The YAML nests deeper than 100 levels", stderr);
    }

    [Fact]
    public void Check_PlanYamlWithBlockMappingsTenThousandDeep_IsRefusedWithoutCrashing()
    {
        var folder = Path.Combine(_folder, "deep-plan");
        Directory.CreateDirectory(folder);
        var lines = Enumerable.Range(0, 10_000).Select(i => new string(' ', 2 * i) + $"k{i}:").ToList();
        lines[^1] += " v";
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), "schema: elementflow/plan/v1\ndescription:\n" + string.Join("\n", lines.Select(l => "  " + l)) + "\n");

        var (exit, stdout, stderr) = Check(folder);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("plan.yaml:", stdout);
        Assert.Contains("error yaml.too-deep", stdout);
        NoStackTrace(stdout + stderr);
    }

    [Fact]
    public void Check_GeoJsonNestedArraysTooDeep_IsAnUnreadableLayer()
    {
        var plan = Package("deep-json", ("Z1", 5));
        File.WriteAllText(Path.Combine(plan, "layers", "zoning.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"Z1\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + new string('[', 100_000) + new string(']', 100_000) + "}}]}");

        var (exit, stdout, stderr) = Check(plan);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error layer.unreadable: Cannot read layer zoning", stdout);
        Assert.Contains("LINE-001", stdout);
        NoStackTrace(stdout + stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
