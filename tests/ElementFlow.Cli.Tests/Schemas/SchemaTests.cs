using System.Text.Json;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Units;
using ElementFlow.IO.Packages;
using ElementFlow.Rules;
using ElementFlow.Rules.Yaml;
using NJsonSchema;

namespace ElementFlow.Cli.Tests.Schemas;

/// <summary>
/// The JSON Schemas in schemas/ (for editors) agree with the loader and lint: every example plan,
/// fixture plan and built-in rule set is valid, and broken documents are refused by both.
/// </summary>
public class SchemaTests
{
    private static readonly string Schemas = Path.Combine(Repo.Root, "schemas");
    private static readonly Lazy<JsonSchema> PlanSchema = new(() => JsonSchema.FromFileAsync(Path.Combine(Schemas, "plan.schema.json")).GetAwaiter().GetResult());
    private static readonly Lazy<JsonSchema> RuleSetSchema = new(() => JsonSchema.FromFileAsync(Path.Combine(Schemas, "ruleset.schema.json")).GetAwaiter().GetResult());

    private static string Relative(string path) => Path.GetRelativePath(Repo.Root, path).Replace('\\', '/');

    public static TheoryData<string> PlanFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.Examples, "plan.yaml", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(Path.Combine(Repo.Rules, "tests"), "plan.yaml", SearchOption.AllDirectories))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Relative(file));
        }

        return data;
    }

    public static TheoryData<string> RuleSetFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml").Order(StringComparer.Ordinal)) data.Add(Relative(file));
        return data;
    }

    private static string Problems(JsonSchema schema, string yaml) =>
        string.Join("\n", schema.Validate(YamlJson.Convert(yaml)).Select(e => $"{e.Path}: {e.Kind}"));

    [Theory]
    [MemberData(nameof(PlanFiles))]
    public void PlanYaml_InTheRepository_IsValidAgainstThePlanSchema(string file)
    {
        Assert.Equal("", Problems(PlanSchema.Value, File.ReadAllText(Path.Combine(Repo.Root, file))));
    }

    [Theory]
    [MemberData(nameof(RuleSetFiles))]
    public void RuleSet_BuiltIn_IsValidAgainstTheRuleSetSchema(string file)
    {
        Assert.Equal("", Problems(RuleSetSchema.Value, File.ReadAllText(Path.Combine(Repo.Root, file))));
    }

    private const string Plan = """
        schema: elementflow/plan/v1
        id: broken
        name: { zh: 坏规划, en: Broken plan }
        level: county
        type: overall
        region: { code: "330122", name: 测试县 }
        crs: EPSG:4527

        """;

    [Theory]
    [InlineData("level: county", "level: metropolis", "plan.unknown-level")]
    [InlineData("crs: EPSG:4527\n", "crs: EPSG:4527\nindicators:\n  farmland_retention: { value: 1, unit: acre }\n", "plan.unknown-unit")]
    [InlineData("id: broken", "id: Broken_Plan", "plan.field-invalid")]
    [InlineData("crs: EPSG:4527\n", "crs: EPSG:4527\nlayers:\n  redline: layers/erl.geojson\n", "plan.unknown-role")]
    [InlineData("crs: EPSG:4527\n", "crs: EPSG:4527\nflows:\n  - { id: F1, kind: water_quota, direction: out, counterpart: \"330127\", amount: { value: 1, unit: ha } }\n", "plan.unknown-flow-kind")]
    [InlineData("crs: EPSG:4527\n", "crs: EPSG:4527\nflows:\n  - { id: F1, kind: farmland_quota, direction: out, counterpart: 东平县, amount: { value: 1, unit: ha } }\n", "plan.field-invalid")]
    public void PlanYaml_Broken_IsRefusedByTheSchemaAndTheLoader(string replace, string with, string code)
    {
        var yaml = Plan.Replace(replace, with);
        var folder = Directory.CreateTempSubdirectory("ef-schema-").FullName;
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), yaml);

        var loaded = PlanLoader.Load(folder);
        Directory.Delete(folder, recursive: true);

        Assert.NotEqual("", Problems(PlanSchema.Value, yaml));
        Assert.Contains(loaded.Diagnostics, d => d.Code == code);
        Assert.Equal("", Problems(PlanSchema.Value, Plan));
    }

    private const string RuleSet = """
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
              tolerance-m2: 5
            message: { zh: "重叠 {value}", en: "overlap {value}" }

        """;

    [Theory]
    [InlineData("tolerance-m2: 5", "tolerance: 5", "rules.unknown-parameter")]
    [InlineData("severity: error", "severity: fatal", "rules.field-invalid")]
    [InlineData("id: LOC-001", "id: loc_1", "rules.field-invalid")]
    [InlineData("a: ecological_redline", "a: redline", "rules.unknown-role")]
    [InlineData("kind: no-overlap\n      a: ecological_redline\n", "kind: no-overlap\n", "rules.field-required")]
    [InlineData("    message:", "    checks: [{ kind: valid-geometry }]\n    message:", "rules.field-invalid")]
    public void RuleSet_Broken_IsRefusedByTheSchemaAndByLint(string replace, string with, string code)
    {
        var yaml = RuleSet.Replace(replace, with);
        Assert.NotEqual(RuleSet, yaml);
        var diagnostics = new List<Core.Diagnostics.Diagnostic>();
        if (RuleSetReader.Read(yaml, "set.yaml", diagnostics) is { } dto) RuleSetBuilder.Build(dto, diagnostics);

        Assert.NotEqual("", Problems(RuleSetSchema.Value, yaml));
        Assert.Contains(diagnostics, d => d.Code == code);
        Assert.Equal("", Problems(RuleSetSchema.Value, RuleSet));
    }

    [Fact]
    public void RuleSet_KindTheSchemaDoesNotDescribe_NeedsOnlyAKind()
    {
        // Kinds are added faster than the schema: an unknown kind is open, a known one is checked.
        var yaml = RuleSet.Replace("kind: no-overlap\n      a: ecological_redline\n      tolerance-m2: 5", "kind: future-kind\n      some-parameter: 300");

        Assert.Equal("", Problems(RuleSetSchema.Value, yaml));
        Assert.NotEqual("", Problems(RuleSetSchema.Value, yaml.Replace("kind: future-kind", "kind: Future!")));
    }

    [Fact]
    public void Schemas_ListTheRolesUnitsLevelsAndKindsTheCodeKnows()
    {
        using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(Schemas, "plan.schema.json")));
        using var rules = JsonDocument.Parse(File.ReadAllText(Path.Combine(Schemas, "ruleset.schema.json")));
        static IEnumerable<string> Enum(JsonElement e) => e.GetProperty("enum").EnumerateArray().Select(x => x.GetString()!);
        var planDefs = plan.RootElement.GetProperty("definitions");
        var ruleDefs = rules.RootElement.GetProperty("definitions");

        Assert.Equal(Unit.Names.Order(StringComparer.Ordinal), Enum(planDefs.GetProperty("unit")).Order(StringComparer.Ordinal));
        Assert.Equal(LayerRole.All.SelectMany(r => r.Aliases.Prepend(r.Name)).Order(), Enum(ruleDefs.GetProperty("role")).Order());
        Assert.Equal(LayerRole.All.SelectMany(r => r.Aliases.Prepend(r.Name)).Order(), plan.RootElement.GetProperty("properties").GetProperty("layers").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(PlanKinds.LevelNames, Enum(plan.RootElement.GetProperty("properties").GetProperty("level")).Take(5));
        Assert.Equal(IndicatorCatalog.All.Select(d => d.Key).Order(), plan.RootElement.GetProperty("properties").GetProperty("indicators").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        var described = ruleDefs.EnumerateObject().Where(p => p.Name.StartsWith("check-", StringComparison.Ordinal)).Select(p => p.Name["check-".Length..]).ToHashSet();
        Assert.Superset(described, CheckFactory.Kinds.ToHashSet());
    }
}
