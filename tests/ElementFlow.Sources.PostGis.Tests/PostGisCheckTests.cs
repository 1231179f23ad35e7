using System.Text.Json.Nodes;
using ElementFlow.Cli;

namespace ElementFlow.Sources.PostGis.Tests;

/// <summary><c>elementflow check</c> on the example city held in PostGIS, and <c>--publish</c>, through the real CLI.</summary>
[Collection(PostGisCollection.Name)]
public sealed class PostGisCheckTests(PostGisCluster cluster) : IDisposable
{
    private readonly string _schema = "c" + Guid.NewGuid().ToString("N")[..12];
    private ExampleCity? _city;

    private ExampleCity City => _city ??= new ExampleCity(cluster, _schema);

    private string Db => $"postgres://postgres@{cluster.Host}:{cluster.Port}/{cluster.Database}";

    private static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JsonArray Findings(string json) => JsonNode.Parse(json)!["findings"]!.AsArray();

    [SkippableFact]
    public void The_example_city_from_postgis_tables_gives_the_same_findings_as_from_its_files()
    {
        cluster.Require();
        var fromFiles = Cli("check", ExampleCity.FromFiles, "--format", "json", "--lang", "en");
        var fromPostGis = Cli("check", City.City, "--db", Db, "--format", "json", "--lang", "en");

        Assert.Equal(fromFiles.Exit, fromPostGis.Exit);
        Assert.DoesNotContain("error", fromPostGis.Err, StringComparison.OrdinalIgnoreCase);
        var expected = Findings(fromFiles.Out);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.ToJsonString(), Findings(fromPostGis.Out).ToJsonString());
    }

    [SkippableFact]
    public void Publishing_twice_with_one_run_id_leaves_exactly_the_reports_findings_once()
    {
        cluster.Require();
        var report = Path.Combine(City.Folder, "report.json");
        var target = $"{_schema}.findings";

        Cli("check", City.City, "--db", Db, "--publish", target, "--run-id", "nightly", "--lang", "en");
        var second = Cli("check", City.City, "--db", Db, "--publish", target, "--run-id", "nightly", "--format", "json", "--out", report, "--lang", "en");

        Assert.Equal(1, second.Exit);
        var findings = Findings(File.ReadAllText(report));
        var expected = findings.Select(f => $"{f!["rule"]}|{f["severity"]}|{string.Join(",", f["subjects"]!.AsArray().Select(s => $"{s!["layer"]}/{s["id"]}"))}|{f["message"]}")
            .Order(StringComparer.Ordinal).ToList();
        var published = cluster.Scalar<string>($"""
            SELECT string_agg(row, E'\n') FROM (
              SELECT rule || '|' || severity || '|' || (SELECT string_agg((s->>'layer') || '/' || (s->>'id'), ',' ORDER BY n) FROM jsonb_array_elements(subjects) WITH ORDINALITY AS e(s, n)) || '|' || message AS row
              FROM {target}) f
            """)!.Split('\n').Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, published);
        Assert.Contains($"{findings.Count} findings", second.Err, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Published_geometry_is_in_the_plans_crs_with_its_srid()
    {
        cluster.Require();
        var target = $"{_schema}.findings";
        cluster.Execute($"CREATE SCHEMA {_schema}");

        Cli("check", ExampleCity.FromFiles, "--db", Db, "--publish", target, "--run-id", "r1");

        Assert.Equal(4527, cluster.Scalar<int>($"SELECT DISTINCT ST_SRID(geom) FROM {target} WHERE geom IS NOT NULL"));
        Assert.Equal(10800, cluster.Scalar<double>($"SELECT round(ST_Area(geom)) FROM {target} WHERE rule = 'LINE-006'"));
    }

    [SkippableFact]
    public void A_where_clause_in_plan_yaml_exits_2_naming_its_line()
    {
        cluster.Require();
        var yaml = Path.Combine(City.City, "plan.yaml");
        var lines = File.ReadAllLines(yaml).ToList();
        var at = lines.FindIndex(l => l.StartsWith("  land_use:", StringComparison.Ordinal));
        lines[at] = $"  land_use: {{ postgis: {_schema}.ghydyh, where: \"1=1; DROP TABLE {_schema}.ghydyh\" }}";
        File.WriteAllLines(yaml, lines);

        var (exit, _, err) = Cli("check", City.City, "--db", Db, "--lang", "en", "--format", "json", "--out", Path.Combine(City.Folder, "r.json"));

        Assert.Equal(2, exit);
        Assert.Contains($"plan.yaml:{at + 1}: error plan.field-invalid", err, StringComparison.Ordinal);
        Assert.True(cluster.Scalar<long>($"SELECT count(*) FROM {_schema}.ghydyh") > 0);
    }

    [SkippableFact]
    public void A_password_in_plan_yaml_is_refused()
    {
        cluster.Require();
        var yaml = Path.Combine(City.City, "plan.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace($"{{ postgis: {_schema}.ghydyh }}", $"{{ postgis: {_schema}.ghydyh, password: s3cret }}", StringComparison.Ordinal));

        var (exit, _, err) = Cli("check", City.City, "--db", Db, "--lang", "en", "--format", "json", "--out", Path.Combine(City.Folder, "r.json"));

        Assert.Equal(2, exit);
        Assert.Contains("plan.password-refused", err, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", err, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_store_that_cannot_be_reached_exits_2_with_one_message_naming_it()
    {
        cluster.Require();
        var (exit, _, err) = Cli("check", City.City, "--db", "postgres://checker@127.0.0.1:1/yizhangtu", "--lang", "en", "--format", "json", "--out", Path.Combine(City.Folder, "r.json"));

        Assert.Equal(2, exit);
        Assert.Single(err.Split('\n'), l => l.Contains("postgis.connection-failed", StringComparison.Ordinal));
        Assert.Contains("yizhangtu (host 127.0.0.1, port 1, user checker)", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Publish_without_a_reachable_store_exits_2_and_still_writes_the_report()
    {
        cluster.Require();
        var report = Path.Combine(Path.GetTempPath(), $"ef-{_schema}.json");
        try
        {
            var (exit, _, err) = Cli("check", ExampleCity.FromFiles, "--db", "postgres://checker@127.0.0.1:1/yizhangtu", "--publish", "review.findings", "--format", "json", "--out", report);

            Assert.Equal(2, exit);
            Assert.Contains("postgis.connection-failed", err, StringComparison.Ordinal);
            Assert.True(File.Exists(report));
        }
        finally
        {
            File.Delete(report);
        }
    }

    public void Dispose()
    {
        _city?.Dispose();
        if (cluster.ConnectionString is not null) cluster.Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }
}
