using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ElementFlow.Sources.PostGis.Tests;

/// <summary>
/// The example city in PostGIS, as a 一张图 platform would hold it: each layer loaded with ogr2ogr into a
/// table under its standard name (STBHHX, GHYDYH, ...; lower case, as ogr2ogr writes them) in one schema,
/// and a copy of the example tree whose qinghe-city plan.yaml reads those tables.
/// </summary>
public sealed class ExampleCity : IDisposable
{
    /// <summary>Role → table, the standard names of the database standard where there is one.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tables = new Dictionary<string, string>
    {
        ["boundary"] = "xzq",
        ["ecological_redline"] = "stbhhx",
        ["permanent_basic_farmland"] = "yjjbnt",
        ["urban_development_boundary"] = "czkfbj",
        ["zoning"] = "ghfq",
        ["land_use"] = "ghydyh",
        ["facilities"] = "facilities",
        ["residential"] = "residential",
        ["subdistricts"] = "subdistricts",
        ["enclaves"] = "enclaves",
    };

    public ExampleCity(PostGisCluster cluster, string schema)
    {
        Schema = schema;
        Folder = Directory.CreateTempSubdirectory("ef-pg-example-").FullName;
        Copy(Path.Combine(PostGisCluster.RepoRoot, "example-plans"), Folder);
        cluster.Execute($"CREATE SCHEMA {schema}");
        var city = Path.Combine(PostGisCluster.RepoRoot, "example-plans", "qinghe-city");
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        foreach (var (role, table) in Tables)
        {
            Ogr2Ogr($"PG:host={settings.Host} port={settings.Port} user={settings.Username} dbname={settings.Database}",
                Path.Combine(city, "layers", role + ".geojson"), $"{schema}.{table}");
        }

        // Files → tables: the rest of plan.yaml (indicators, allocations, approvals, the parent) stays as it is.
        var yaml = Path.Combine(Folder, "qinghe-city", "plan.yaml");
        var text = File.ReadAllText(yaml);
        text = Regex.Replace(text, @"^  ([a-z_]+): layers/\1\.geojson$", m => $"  {m.Groups[1].Value}: {{ postgis: {schema}.{Tables[m.Groups[1].Value]} }}", RegexOptions.Multiline);
        File.WriteAllText(yaml, text);
    }

    public string Schema { get; }

    /// <summary>The copy of example-plans; its qinghe-city reads PostGIS.</summary>
    public string Folder { get; }

    public string City => Path.Combine(Folder, "qinghe-city");

    public static string FromFiles => Path.Combine(PostGisCluster.RepoRoot, "example-plans", "qinghe-city");

    private static void Ogr2Ogr(string target, string source, string table)
    {
        var start = new ProcessStartInfo("ogr2ogr", ["-f", "PostgreSQL", target, source, "-nln", table, "-a_srs", "EPSG:4527", "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PG_USE_COPY"] = "YES";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ogr2ogr {source} -> {table} exited {process.ExitCode}: {stderr.Result}");
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
