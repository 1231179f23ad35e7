using System.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Server.Map;
using NetTopologySuite.Geometries;

/// <summary>
/// <c>--parcels N</c>: the map of a synthetic plan of N square parcels (30 m, in EPSG:4527 around 117°E 30°N), one in
/// a thousand named by a finding: how long writing and loading the map take, and tiles at the zooms a reviewer pans
/// at, from the whole plan in one view down to single parcels. Prints the figures; contacts nothing.
/// </summary>
internal static class ParcelMap
{
    public static int Run(int parcels)
    {
        var side = (int)Math.Ceiling(Math.Sqrt(parcels));
        var features = new List<Feature>(parcels);
        var findings = new List<Finding>();
        var factory = new GeometryFactory(new PrecisionModel(), 4527);
        for (var i = 0; i < parcels; i++)
        {
            double x = 39_500_000 + (i % side * 32), y = 3_320_000 + (i / side * 32);
            var shell = factory.CreateLinearRing([new(x, y), new(x + 30, y), new(x + 30, y + 30), new(x, y + 30), new(x, y)]);
            var id = $"LU-{i:D7}";
            features.Add(new Feature(id, factory.CreatePolygon(shell), new Dictionary<string, object?>(), i + 1));
            if (i % 1000 == 0)
            {
                findings.Add(new Finding { Rule = "LOAD-001", Severity = Severity.Error, Plan = "load", MessageTemplate = new LocalizedText("合成", "synthetic"), Subjects = [new Subject("land_use", id)] });
            }
        }

        var plan = new Plan
        {
            Id = "load", Name = new LocalizedText("合成", "synthetic"), Level = PlanLevel.County, Type = PlanType.Overall,
            Region = new Region("330122", "合成"), Crs = new CrsInfo("EPSG:4527", 4527), Path = "synthetic",
            Layers = new Dictionary<string, Layer> { ["land_use"] = new(LayerRole.LandUse, "synthetic", features) },
        };
        var folder = Path.Combine(Path.GetTempPath(), "ef-parcels-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var clock = Stopwatch.StartNew();
            PlanMapWriter.Write(folder, [plan], findings);
            Console.WriteLine($"{parcels:N0} parcels ({side}×{side}, {side * 32 / 1000.0:F1} km a side): map written in {clock.Elapsed.TotalSeconds:F1} s, {new FileInfo(Path.Combine(folder, "map.bin")).Length / 1e6:F0} MB");
            clock.Restart();
            var map = PlanMap.Load(Path.Combine(folder, "map.bin"));
            Console.WriteLine($"map loaded and indexed in {clock.Elapsed.TotalSeconds:F1} s; managed memory after loading {GC.GetTotalMemory(true) / 1e6:F0} MB");

            var b = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "map.json"))).RootElement.GetProperty("bounds").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double lon = (b[0] + b[2]) / 2, lat = (b[1] + b[3]) / 2;
            Console.WriteLine($"{"zoom",4} {"tiles",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"max KB",8}");
            foreach (var z in new[] { 10, 11, 12, 13, 14, 15, 16, 17 })
            {
                var (cx, cy) = Tile(lon, lat, z);
                var times = new List<double>();
                var largest = 0;
                for (var dx = -2; dx <= 2; dx++)
                {
                    for (var dy = -2; dy <= 2; dy++)
                    {
                        clock.Restart();
                        var tile = map.Tile(z, cx + dx, cy + dy);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                        largest = Math.Max(largest, tile?.Length ?? 0);
                    }
                }

                times.Sort();
                Console.WriteLine($"{z,4} {times.Count,6} {times[times.Count / 2],8:F1} {times[(int)Math.Ceiling(0.95 * times.Count) - 1],8:F1} {times[^1],8:F1} {largest / 1024.0,8:F0}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static (int X, int Y) Tile(double longitude, double latitude, int z)
    {
        var n = 1 << z;
        var phi = latitude * Math.PI / 180;
        return ((int)Math.Floor((longitude + 180) / 360 * n), (int)Math.Floor((1 - (Math.Log(Math.Tan(phi) + (1 / Math.Cos(phi))) / Math.PI)) / 2 * n));
    }
}
