using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Core.Units;
using ElementFlow.Rules.Model;
using ElementFlow.Rules.Yaml;
using ElementFlow.Spatial;
using NetTopologySuite.IO;

namespace ElementFlow.Engine.Tests;

/// <summary>Builds plans from inline WKT and rules from inline YAML, so each test shows its whole case.</summary>
public sealed class TestPlan
{
    private static readonly WKTReader Wkt = new(GeometryServices.Services);
    private readonly Dictionary<string, Layer> _layers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Indicator> _indicators = new(StringComparer.Ordinal);
    private readonly List<string> _broken = [];
    private readonly List<Flow> _flows = [];

    public PlanLevel Level { get; init; } = PlanLevel.County;
    public PlanType Type { get; init; } = PlanType.Overall;

    public TestPlan Layer(string role, params (string Id, string Wkt, string Attributes)[] features)
    {
        var layerRole = LayerRole.Find(role)!;
        _layers[layerRole.Name] = new Layer(layerRole, $"layers/{role}.geojson", features.Select((f, i) => new Feature(
            f.Id,
            Wkt.Read(f.Wkt),
            f.Attributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(kv => kv.Split('='))
                .ToDictionary(kv => kv[0], kv => (object?)(double.TryParse(kv[1], out var d) ? d : kv[1])),
            i + 1)).ToList());
        return this;
    }

    public TestPlan Broken(string role)
    {
        _broken.Add(role);
        return this;
    }

    public TestPlan Indicator(string key, double value, Unit unit)
    {
        _indicators[key] = new Indicator(key, new Quantity(value, unit), 1);
        return this;
    }

    /// <summary>A flow of the plan, approved by the city 330100 in 2024 unless <paramref name="approvedBy"/> says otherwise.</summary>
    public TestPlan Flow(string id, FlowKind kind, FlowDirection direction, string counterpart, double hectares, string approvedBy = "330100", string? indicator = null)
    {
        _flows.Add(new Flow
        {
            Id = id, Kind = kind, Direction = direction, Counterpart = counterpart, Amount = new Quantity(hectares, Unit.Hectare),
            Document = "清政函〔2024〕12号", ApprovedBy = approvedBy, Year = 2024, Indicator = indicator,
        });
        return this;
    }

    public Plan Build() => new()
    {
        Id = "test-plan",
        Name = LocalizedText.Same("Test plan"),
        Level = Level,
        Type = Type,
        Region = new Region("330122", "测试县"),
        Crs = new CrsInfo("EPSG:4527", 4527),
        Path = "test-plan",
        Layers = _layers,
        Indicators = _indicators,
        BrokenLayers = _broken,
        Flows = _flows,
    };

    /// <summary>A square of the given side with its lower-left corner at (x, y), in zone-39 coordinates.</summary>
    public static string Square(double x, double y, double side) => Rect(x, y, x + side, y + side);

    public static string Rect(double x0, double y0, double x1, double y1)
    {
        const double ox = 39_500_000, oy = 3_300_000;
        return FormattableString.Invariant(
            $"POLYGON (({ox + x0} {oy + y0}, {ox + x1} {oy + y0}, {ox + x1} {oy + y1}, {ox + x0} {oy + y1}, {ox + x0} {oy + y0}))");
    }

    /// <summary>Rules from the YAML text of one rule-set file; fails the test on any lint problem.</summary>
    public static IReadOnlyList<RuleSpec> Rules(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var dto = RuleSetReader.Read(yaml, "test.yaml", diagnostics);
        var set = dto is null ? null : RuleSetBuilder.Build(dto, diagnostics);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.Format(Language.En))));
        return set!.Rules;
    }

    /// <summary>A rule set with one rule around the given check YAML (indented under <c>check:</c>).</summary>
    public static IReadOnlyList<RuleSpec> OneRule(string check, string message = "{value}", string extra = "") => Rules($"""
        ruleset: test
        version: 1.0.0
        title: test
        rules:
          - id: TEST-001
            title: {"{"} zh: 测试, en: Test {"}"}
            severity: error
            {extra}
            check:
        {check}
            message: {"{"} zh: "{message}", en: "{message}" {"}"}
        """);
}
