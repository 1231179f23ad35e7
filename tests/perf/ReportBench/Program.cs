using System.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Reports;
using ElementFlow.Rules.Model;
using NetTopologySuite.Geometries;

// dotnet run -c Release --project tests/perf/ReportBench -- FORMAT FINDINGS [OUT]
// Writes a synthetic report of FINDINGS findings on one plan of 200 x 200 land-use parcels (40,000
// features) in FORMAT (xlsx | pdf | html | json) and prints the time and the process's peak memory.
var format = args.Length > 0 ? args[0] : "xlsx";
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 85_000;
var outPath = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"ef-bench.{format}");
var factory = new GeometryFactory(new PrecisionModel(), 4527);
Polygon Square(double x, double y, double size) => factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

const int Side = 200;
const double Cell = 50;
string[] codes = ["0101", "0301", "0701", "0801", "0901", "1001", "1207", "1401", "1701"];
var parcels = Enumerable.Range(0, Side * Side)
    .Select(i => new Feature($"LU-{i:D5}", Square(39500000 + i % Side * Cell, 3300000 + i / Side * Cell, Cell), new Dictionary<string, object?> { ["code"] = codes[i * 7 % codes.Length] }, i + 1))
    .ToList();
var plan = new Plan
{
    Id = "bench-city",
    Name = new LocalizedText("基准市国土空间总体规划（2021—2035年）", "Bench City Master Plan"),
    Level = PlanLevel.City,
    Type = PlanType.Overall,
    Region = new Region("330100", "基准市"),
    Crs = new CrsInfo("EPSG:4527", 4527),
    Path = "bench-city",
    Layers = new Dictionary<string, Layer>
    {
        ["boundary"] = new(LayerRole.Boundary, "boundary.geojson", [new Feature("B", Square(39500000, 3300000, Side * Cell), new Dictionary<string, object?>(), 1)]),
        ["land_use"] = new(LayerRole.LandUse, "land_use.geojson", parcels),
    },
};
var message = new LocalizedText("图斑 {id} 是碎片：{value:N1} 平方米", "Polygon {id} is a sliver: {value:N1} m²");
var findings = Report.Sort(Enumerable.Range(0, count).Select(i => new Finding
{
    Rule = $"DATA-00{i % 3 + 5}",
    Severity = i % 3 == 0 ? Severity.Error : Severity.Warning,
    Plan = "bench-city",
    MessageTemplate = message,
    Arguments = new Dictionary<string, object?> { ["id"] = $"LU-{i % parcels.Count:D5}", ["value"] = 3.5 + i % 100 },
    Subjects = [new Subject("land_use", $"LU-{i % parcels.Count:D5}")],
    Measure = new Measure("area_m2", 3.5 + i % 100, 200),
    Geometry = Square(39500000 + i % Side * Cell + 10, 3300000 + i / Side % Side * Cell + 10, 2),
}));
RuleSpec Rule(string id) => new()
{
    Id = id, Title = new LocalizedText($"{id} 图斑面积不小于最小上图面积", $"{id} minimum mapped area"), Severity = Severity.Warning,
    Basis = "《市级国土空间总体规划数据库规范（试行）》(2021)", Fix = new LocalizedText("合并或删除碎片图斑。", "Merge or remove the sliver."),
    Message = message, Checks = [], RuleSet = "data", Source = new SourceLocation("rules/data.yaml", 1),
};
var report = new Report
{
    Plans = [new PlanEntry("bench-city", PlanLevel.City, PlanType.Overall, "bench-city", "330100") { Crs = "EPSG:4527" }],
    RuleSets = [new RuleSetEntry("data", "1.0.0")],
    Findings = findings,
    RulesRun = 3,
};
var context = new ReportContext(Language.Zh, "0.1.0")
{
    Rules = [Rule("DATA-005"), Rule("DATA-006"), Rule("DATA-007")],
    Plans = [plan],
    AsOf = new DateOnly(2025, 6, 30),
    CheckedAt = DateTimeOffset.Now,
    RuleSetTitles = new Dictionary<string, LocalizedText> { ["data"] = new("数据质量", "Data quality") },
};
GC.Collect();
using var self = Process.GetCurrentProcess();
var before = self.WorkingSet64;
var writer = ReportWriters.Find(format) ?? throw new ArgumentException($"unknown format {format}");
var clock = Stopwatch.StartNew();
using (var file = File.Create(outPath))
{
    writer.Write(report, context, file);
}

clock.Stop();
self.Refresh();
Console.WriteLine($"{format}: {count:N0} findings, {parcels.Count:N0} parcels -> {new FileInfo(outPath).Length / 1048576.0:F1} MiB in {clock.Elapsed.TotalSeconds:F1} s; "
    + $"working set before writing {before / 1048576.0:F0} MiB, peak {self.PeakWorkingSet64 / 1048576.0:F0} MiB");
