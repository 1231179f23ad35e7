using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Rules.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ElementFlow.Reports.Tests;

/// <summary>
/// The one small report every writer's snapshot is taken of: two plans, an overlap, a waived overlap,
/// a sliver too small to see at map scale, a finding without geometry, a rule that could not run and
/// an input warning. Coordinates are CGCS2000 Gauss-Krüger metres (EPSG:4527), written as WKT.
/// </summary>
public static class SampleReport
{
    private static readonly WKTReader Wkt = new(new NetTopologySuite.NtsGeometryServices(new PrecisionModel(), 4527));

    public static Geometry G(string wkt) => Wkt.Read(wkt);

    private static readonly LocalizedText OverlapMessage = new("图斑 {a} 与 {b} 重叠 {value:N1} 平方米", "{a} overlaps {b} by {value:N1} m²");

    public static Report Report(BaselineSummary? baseline = null) => new()
    {
        Plans =
        [
            new PlanEntry("demo-city", PlanLevel.City, PlanType.Overall, "plans/demo-city", "330100") { Crs = "EPSG:4527" },
            new PlanEntry("demo-county", PlanLevel.County, PlanType.Overall, "plans/demo-county", "330122") { Crs = "EPSG:4527" },
        ],
        RuleSets = [new RuleSetEntry("redlines", "1.0.0"), new RuleSetEntry("data", "1.0.0")],
        Findings = Core.Findings.Report.Sort(
        [
            new Finding
            {
                Rule = "LINE-001", Severity = Severity.Error, Plan = "demo-city", MessageTemplate = OverlapMessage,
                Arguments = new Dictionary<string, object?> { ["a"] = "E1", ["b"] = "P1", ["value"] = 10000.0 },
                Subjects = [new Subject("ecological_redline", "E1"), new Subject("permanent_basic_farmland", "P1")],
                Measure = new Measure("overlap_area_m2", 10000, 1),
                Geometry = G("POLYGON ((39500300 3300300, 39500400 3300300, 39500400 3300400, 39500300 3300400, 39500300 3300300))"),
            },
            new Finding
            {
                Rule = "LINE-002", Severity = Severity.Error, Plan = "demo-city", MessageTemplate = OverlapMessage,
                Arguments = new Dictionary<string, object?> { ["a"] = "U1", ["b"] = "P1", ["value"] = 5000.0 },
                Subjects = [new Subject("urban_development_boundary", "U1"), new Subject("permanent_basic_farmland", "P1")],
                Measure = new Measure("overlap_area_m2", 5000, 1),
                Geometry = G("POLYGON ((39500500 3300400, 39500600 3300400, 39500600 3300450, 39500500 3300450, 39500500 3300400))"),
                WaivedBy = new Waiver("ADJ-2024-015", "浙自然资函〔2024〕15号"),
            },
            new Finding
            {
                Rule = "DATA-007", Severity = Severity.Warning, Plan = "demo-city",
                MessageTemplate = new("图斑 {id} 是碎片：{value:N1} 平方米", "Polygon {id} is a sliver: {value:N1} m²"),
                Arguments = new Dictionary<string, object?> { ["id"] = "L3", ["value"] = 6.0 },
                Subjects = [new Subject("land_use", "L3")],
                Measure = new Measure("area_m2", 6, 200),
                Geometry = G("POLYGON ((39500700 3300100, 39500702 3300100, 39500702 3300103, 39500700 3300103, 39500700 3300100))"),
            },
            new Finding
            {
                Rule = "DATA-008", Severity = Severity.Error, Plan = "demo-city",
                MessageTemplate = new("指标 {indicator} 与图层相差 {value:P1}", "Indicator {indicator} differs from the layer by {value:P1}"),
                Arguments = new Dictionary<string, object?> { ["indicator"] = "urban_development_boundary_area", ["value"] = 0.02 },
                Subjects = [new Subject("indicators", "urban_development_boundary_area"), new Subject("urban_development_boundary", Subject.WholeLayer)],
                Measure = new Measure("relative_difference_ratio", 0.02, 0.0001),
            },
            new Finding
            {
                Rule = "LINE-001", Severity = Severity.Error, Plan = "demo-county", MessageTemplate = OverlapMessage,
                Arguments = new Dictionary<string, object?> { ["a"] = "E7", ["b"] = "P9", ["value"] = 250.0 },
                Subjects = [new Subject("ecological_redline", "E7"), new Subject("permanent_basic_farmland", "P9")],
                Measure = new Measure("overlap_area_m2", 250, 1),
                Geometry = G("MULTIPOLYGON (((39510000 3310000, 39510010 3310000, 39510010 3310010, 39510000 3310010, 39510000 3310000)), ((39510100 3310100, 39510115 3310100, 39510115 3310110, 39510100 3310110, 39510100 3310100)))"),
            },
        ]),
        Diagnostics = [Diagnostic.Warning("plan.unknown-indicator", "plans/demo-city/plan.yaml", 24, null, ("key", "green_share"))],
        Skipped = [new SkippedRule("LINE-004", "demo-county", "layer urban_development_boundary could not be read")],
        RulesRun = 12,
        NotApplicable = 2,
        Baseline = baseline,
    };

    public static ReportContext Context(Language language, bool withPlans = true) => new(language, "0.1.0")
    {
        Rules = [Rule("LINE-001", "生态保护红线与永久基本农田不得重叠", "Ecological red line must not overlap permanent basic farmland", "ecological_redline", "permanent_basic_farmland"),
                 Rule("LINE-002", "城镇开发边界内不得包含永久基本农田", "The urban development boundary contains no permanent basic farmland", "urban_development_boundary", "permanent_basic_farmland")],
        LayerFiles = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["demo-city"] = DemoCity.Layers.ToDictionary(kv => kv.Key, kv => kv.Value.Source),
            ["demo-county"] = new Dictionary<string, string> { ["ecological_redline"] = "plans/demo-county/layers/STBHHX.gpkg#STBHHX" },
        },
        Plans = withPlans ? [DemoCity] : [],
        AsOf = new DateOnly(2025, 6, 30),
        CheckedAt = new DateTimeOffset(2025, 7, 1, 9, 30, 0, TimeSpan.FromHours(8)),
        RuleSetTitles = new Dictionary<string, LocalizedText>
        {
            ["redlines"] = new("三条控制线", "Three control lines"),
            ["data"] = new("数据质量", "Data quality"),
        },
    };

    private static RuleSpec Rule(string id, string zh, string en, string a, string b) => new()
    {
        Id = id,
        Title = new LocalizedText(zh, en),
        Severity = Severity.Error,
        AppliesTo = new AppliesTo(new HashSet<PlanLevel> { PlanLevel.City, PlanLevel.County }, new HashSet<PlanType> { PlanType.Overall }),
        Basis = "《关于在国土空间规划中统筹划定落实三条控制线的指导意见》(厅字〔2019〕48号)",
        Fix = new LocalizedText("调整其中一条控制线，消除重叠。", "Move one of the two lines until the overlap is gone."),
        Message = OverlapMessage,
        Checks = [new NoOverlapCheck(LayerSelector.Whole(a), LayerSelector.Whole(b), 1) { Source = new SourceLocation("rules/redlines.yaml", 14) }],
        RuleSet = "redlines",
        Source = new SourceLocation("rules/redlines.yaml", 5),
    };

    /// <summary>The city plan's layers, for the HTML map.</summary>
    public static Plan DemoCity { get; } = new()
    {
        Id = "demo-city",
        Name = new LocalizedText("示范市国土空间总体规划", "Demo City Master Plan"),
        Level = PlanLevel.City,
        Type = PlanType.Overall,
        Region = new Region("330100", "示范市"),
        Crs = new CrsInfo("EPSG:4527", 4527),
        Path = "plans/demo-city",
        Indicators = new Dictionary<string, Indicator>
        {
            ["urban_development_boundary_area"] = new("urban_development_boundary_area", new Core.Units.Quantity(40, Core.Units.Unit.Find("ha")!), 17),
        },
        Layers = new Dictionary<string, Layer>
        {
            ["boundary"] = Layer(LayerRole.Boundary, ("B1", "POLYGON ((39500000 3300000, 39501000 3300000, 39501000 3300800, 39500000 3300800, 39500000 3300000))")),
            ["ecological_redline"] = Layer(LayerRole.EcologicalRedLine, ("E1", "POLYGON ((39500100 3300100, 39500400 3300100, 39500400 3300400, 39500100 3300400, 39500100 3300100))")),
            ["permanent_basic_farmland"] = Layer(LayerRole.PermanentBasicFarmland, ("P1", "POLYGON ((39500300 3300300, 39500600 3300300, 39500600 3300450, 39500300 3300450, 39500300 3300300))")),
            ["urban_development_boundary"] = Layer(LayerRole.UrbanDevelopmentBoundary, ("U1", "POLYGON ((39500500 3300400, 39500900 3300400, 39500900 3300750, 39500500 3300750, 39500500 3300400))")),
            ["land_use"] = Layer(
                LayerRole.LandUse,
                ("L1", "POLYGON ((39500600 3300500, 39500800 3300500, 39500800 3300700, 39500600 3300700, 39500600 3300500))"),
                ("L2", "POLYGON ((39500650 3300050, 39500950 3300050, 39500950 3300300, 39500650 3300300, 39500650 3300050), (39500700 3300100, 39500702 3300100, 39500702 3300103, 39500700 3300103, 39500700 3300100))"),
                ("L3", "POLYGON ((39500700 3300100, 39500702 3300100, 39500702 3300103, 39500700 3300103, 39500700 3300100))")),
        },
    };

    private static Layer Layer(LayerRole role, params (string Id, string Wkt)[] features) =>
        new(role, $"plans/demo-city/layers/{role.Name}.geojson", features.Select((f, i) => new Feature(f.Id, G(f.Wkt), new Dictionary<string, object?>(), i + 1)).ToList());

    /// <summary>Runs a writer and returns its output as text.</summary>
    public static string Write(IReportWriter writer, Report report, ReportContext context)
    {
        using var stream = new MemoryStream();
        writer.Write(report, context, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
