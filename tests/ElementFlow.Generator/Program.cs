using System.Diagnostics;
using ElementFlow.Generator;

// elementflow-generator --parcels N --seed S --format geojson|gpkg|shp --out DIR [--encoding utf-8|gbk] [--defects SHARE]
// --defects 0.005: that share of land-use parcels enlarged, shrunk, dropped or bow-tied (a quarter each).
var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["--seed"] = "1", ["--format"] = "geojson", ["--encoding"] = "utf-8", ["--defects"] = "0" };
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
if (!options.TryGetValue("--parcels", out var parcelsText) || !int.TryParse(parcelsText, out var parcels) || !options.TryGetValue("--out", out var output))
{
    Console.Error.WriteLine("usage: elementflow-generator --parcels N [--seed S] [--format geojson|gpkg|shp] --out DIR [--encoding utf-8|gbk] [--defects SHARE]");
    return 2;
}

var clock = Stopwatch.StartNew();
var plan = new SyntheticPlan(parcels, ulong.Parse(options["--seed"], System.Globalization.CultureInfo.InvariantCulture),
    double.Parse(options["--defects"], System.Globalization.CultureInfo.InvariantCulture));
PlanPackageWriter.Write(plan, options["--format"], output, options["--encoding"]);
Console.Error.WriteLine($"wrote {parcels} parcels as {options["--format"]} to {output} in {clock.Elapsed.TotalSeconds:F1} s");
return 0;
