using System.Text;

namespace ElementFlow.Generator;

/// <summary>Writes a synthetic plan as a plan package: the layers in one format, plan.yaml, and what to expect.</summary>
public static class PlanPackageWriter
{
    public static void Write(SyntheticPlan plan, string format, string folder, string encodingName = "utf-8")
    {
        Directory.CreateDirectory(folder);
        using ILayerWriter writer = format switch
        {
            "geojson" => new GeoJsonLayerWriter(folder),
            "gpkg" => new GeoPackageLayerWriter(folder),
            "shp" => new ShapefileLayerWriter(folder, EncodingFor(encodingName), encodingName.ToUpperInvariant()),
            _ => throw new ArgumentException($"unknown format {format}; use geojson, gpkg or shp", nameof(format)),
        };

        var entries = new List<(string Role, string Entry)>();
        var areas = new Dictionary<string, double>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var layer in plan.Layers)
        {
            var area = 0.0;
            var count = 0;
            entries.Add((layer.Role, writer.Write(layer, f => { area += f.Geometry.Area; count++; })));
            areas[layer.Role] = area;
            counts[layer.Role] = count;
        }

        File.WriteAllText(Path.Combine(folder, "plan.yaml"), PlanYaml(plan, entries, areas));
        File.WriteAllText(Path.Combine(folder, "EXPECTED.md"), Expected(plan, counts));
    }

    private static Encoding EncodingFor(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return name.Equals("gbk", StringComparison.OrdinalIgnoreCase) ? Encoding.GetEncoding(936) : new UTF8Encoding(false);
    }

    private static string PlanYaml(SyntheticPlan plan, List<(string Role, string Entry)> entries, Dictionary<string, double> areas)
    {
        var udb = areas["urban_development_boundary"];
        var text = new StringBuilder();
        text.AppendLine("schema: elementflow/plan/v1");
        text.AppendLine($"id: synthetic-county-{plan.Lattice.Columns * plan.Lattice.Rows}");
        text.AppendLine("name: { zh: 合成县国土空间总体规划（2021—2035年）, en: Synthetic County Territorial Spatial Master Plan 2021–2035 }");
        text.AppendLine("level: county");
        text.AppendLine("type: overall");
        text.AppendLine("region: { code: \"330199\", name: 合成县 }");
        text.AppendLine("period: { base: 2020, target: 2035 }");
        text.AppendLine("crs: EPSG:4527");
        text.AppendLine("layers:");
        foreach (var (role, entry) in entries) text.AppendLine($"  {role}: {entry}");
        text.AppendLine("indicators:");
        text.AppendLine($"  farmland_retention: {{ value: {Invariant.R(areas["permanent_basic_farmland"] * 1.1)}, unit: m2 }}");
        text.AppendLine($"  permanent_basic_farmland_area: {{ value: {Invariant.R(areas["permanent_basic_farmland"])}, unit: m2 }}");
        text.AppendLine($"  ecological_redline_area: {{ value: {Invariant.R(areas["ecological_redline"])}, unit: m2 }}");
        text.AppendLine($"  urban_development_boundary_area: {{ value: {Invariant.R(udb)}, unit: m2 }}");
        text.AppendLine($"  urban_construction_land_base: {{ value: {Invariant.R(udb / 1.2)}, unit: m2 }}");
        return text.ToString();
    }

    private static string Expected(SyntheticPlan plan, Dictionary<string, int> counts)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Synthetic plan: {plan.Lattice.Columns} × {plan.Lattice.Rows} parcels, blocks of {plan.Block} × {plan.Block} cells");
        text.AppendLine();
        foreach (var (role, count) in counts) text.AppendLine($"- {role}: {count} features");
        text.AppendLine();
        text.AppendLine("Seeded defects, one finding each with the built-in rules:");
        text.AppendLine();
        foreach (var (rule, what) in plan.ExpectedFindings) text.AppendLine($"- {rule}: {what}");
        if (plan.DefectShare > 0)
        {
            text.AppendLine();
            text.AppendLine($"Defective land-use parcels (--defects {plan.DefectShare.ToString(System.Globalization.CultureInfo.InvariantCulture)}):");
            text.AppendLine();
            foreach (var (kind, count) in plan.DefectCounts()) text.AppendLine($"- {kind}: {count}");
        }
        return text.ToString();
    }
}
