using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.Spatial;
using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.PostGis.Tests;

[Collection(PostGisCollection.Name)]
public sealed class PostGisPublisherTests(PostGisCluster cluster) : IDisposable
{
    private readonly string _schema = "p" + Guid.NewGuid().ToString("N")[..12];

    private static Finding Finding(string rule, string id, Geometry? geometry = null) => new()
    {
        Rule = rule,
        Severity = Severity.Error,
        Plan = "qinghe-city",
        MessageTemplate = new LocalizedText("地块 {id} 越界", "Parcel {id} is outside"),
        Arguments = new Dictionary<string, object?> { ["id"] = id },
        Subjects = [new Subject("land_use", id)],
        Measure = new Measure("outside_m2", 10800, 0),
        Geometry = geometry,
    };

    private static readonly Geometry Box = GeometryServices.Factory.ToGeometry(new Envelope(39468000, 39468100, 3349500, 3349600));

    private static readonly Dictionary<string, int> Srids = new() { ["qinghe-city"] = 4527 };

    private PublishResult Publish(string runId, params Finding[] findings)
    {
        using var store = new PostGisStore(cluster.Connection());
        return PostGisPublisher.Publish(store, $"{_schema}.findings", runId, findings, Srids, Language.En);
    }

    [SkippableFact]
    public void Creates_the_table_and_writes_each_finding_with_its_geometry_in_the_plans_srid()
    {
        cluster.Require();
        cluster.Execute($"CREATE SCHEMA {_schema}");

        var result = Publish("run-1", Finding("LINE-006", "LU-0961", Box), Finding("DATA-002", "LU-0001"));

        Assert.Null(result.Error);
        Assert.Equal((2, true), (result.Rows, result.Created));
        Assert.Equal("LINE-006|error|Parcel LU-0961 is outside|4527|10000|outside_m2|LU-0961", cluster.Scalar<string>(
            $"SELECT rule || '|' || severity || '|' || message || '|' || ST_SRID(geom) || '|' || ST_Area(geom) || '|' || (measure->>'name') || '|' || (subjects->0->>'id') FROM {_schema}.findings WHERE geom IS NOT NULL"));
    }

    [SkippableFact]
    public void The_same_run_id_replaces_its_own_rows_and_keeps_other_runs()
    {
        cluster.Require();
        cluster.Execute($"CREATE SCHEMA {_schema}");
        Publish("run-1", Finding("LINE-006", "A"), Finding("LINE-006", "B"));
        Publish("run-2", Finding("LINE-006", "C"));

        var again = Publish("run-1", Finding("LINE-006", "B"));

        Assert.Equal((1, 2, false), (again.Rows, again.Replaced, again.Created));
        Assert.Equal("run-1:B,run-2:C", cluster.Scalar<string>($"SELECT string_agg(run_id || ':' || (subjects->0->>'id'), ',' ORDER BY run_id) FROM {_schema}.findings"));
    }

    [SkippableFact]
    public void A_table_of_another_shape_is_refused_and_left_as_it_was()
    {
        cluster.Require();
        cluster.Execute($"CREATE SCHEMA {_schema}; CREATE TABLE {_schema}.findings (id int); INSERT INTO {_schema}.findings VALUES (7)");

        var result = Publish("run-1", Finding("LINE-006", "A"));

        Assert.Equal("postgis.publish-failed", result.Error!.Code);
        Assert.Contains("is not a findings table", result.Error.Message(Language.En), StringComparison.Ordinal);
        Assert.Equal(7, cluster.Scalar<int>($"SELECT id FROM {_schema}.findings"));
    }

    [SkippableFact]
    public void Sql_in_the_target_name_is_refused_before_anything_is_sent()
    {
        cluster.Require();
        using var store = new PostGisStore(cluster.Connection());

        var result = PostGisPublisher.Publish(store, "public.x; DROP TABLE public.spatial_ref_sys", "run-1", [], Srids, Language.En);

        Assert.Equal("postgis.publish-failed", result.Error!.Code);
        Assert.True(cluster.Scalar<long>("SELECT count(*) FROM public.spatial_ref_sys") > 0);
    }

    [SkippableFact]
    public void A_missing_schema_is_named_with_how_to_create_it()
    {
        cluster.Require();

        var result = Publish("run-1", Finding("LINE-006", "A"));

        Assert.Contains($"CREATE SCHEMA {_schema}", result.Error!.Message(Language.En), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (cluster.ConnectionString is not null) cluster.Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }
}
