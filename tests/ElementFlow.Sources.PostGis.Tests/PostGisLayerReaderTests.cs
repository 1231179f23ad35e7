using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Core.Limits;
using ElementFlow.Spatial;
using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.PostGis.Tests;

[Collection(PostGisCollection.Name)]
public sealed class PostGisLayerReaderTests(PostGisCluster cluster) : IDisposable
{
    private readonly string _schema = "t" + Guid.NewGuid().ToString("N")[..12];

    private const string Square = "POLYGON((39468000 3349500, 39468500 3349500, 39468500 3350000, 39468000 3350000, 39468000 3349500))";
    private const string Square2 = "POLYGON((39468500 3349500, 39469000 3349500, 39469000 3350000, 39468500 3350000, 39468500 3349500))";

    /// <summary>A table in the test's own schema like a 一张图 land-use table: BSM, YDYHFLDM, XZQDM and a MultiPolygon column in EPSG:4527.</summary>
    private string LandUse(string name = "ghydyh", int srid = 4527)
    {
        cluster.Execute($"""
            CREATE SCHEMA IF NOT EXISTS {_schema};
            CREATE TABLE {_schema}.{name} (fid serial PRIMARY KEY, bsm text, ydyhfldm text, xzqdm text, mj numeric, geom geometry(MultiPolygon, {srid}));
            INSERT INTO {_schema}.{name} (bsm, ydyhfldm, xzqdm, mj, geom) VALUES
              ('LU-1', '0701', '330102001', 250000, ST_Multi(ST_GeomFromText('{Square}', {srid}))),
              ('LU-2', '0301', '330102002', 250000, ST_Multi(ST_GeomFromText('{Square2}', {srid}))),
              ('LU-3', '0101', '330122001', 250000, ST_Multi(ST_GeomFromText('{Square2}', {srid})));
            """);
        return $"{_schema}.{name}";
    }

    private static LayerRequest Request(string table, IReadOnlyDictionary<string, string>? fields = null, InputLimits? limits = null) =>
        new(LayerRole.LandUse, table, null, fields ?? new Dictionary<string, string>(), "postgis:" + table, new CrsInfo("EPSG:4527", 4527))
        {
            Limits = limits ?? InputLimits.Default,
        };

    private LayerReadResult Read(string table, IReadOnlyList<PostGisFilter>? filter = null, IReadOnlyDictionary<string, string>? fields = null,
        InputLimits? limits = null, PostGisConnection? connection = null, string? geometry = null)
    {
        using var store = new PostGisStore(connection ?? cluster.Connection());
        return new PostGisLayerReader(store).Read(new PostGisLayerSpec(table, filter ?? [], geometry, "plan.yaml", 12), Request(table, fields, limits));
    }

    private static string Message(LayerReadResult result) => string.Join("\n", result.Diagnostics.Select(d => d.Format(Language.En)));

    [SkippableFact]
    public void Reads_every_row_with_its_standard_fields_mapped_and_its_geometry()
    {
        cluster.Require();
        var result = Read(LandUse());

        Assert.Empty(result.Diagnostics);
        var features = result.Layer!.Features;
        Assert.Equal(["LU-1", "LU-2", "LU-3"], features.Select(f => f.Id));
        Assert.Equal("0701", features[0].Attributes["code"]);
        Assert.Equal(250000.0, features[0].Attributes["mj"]);
        Assert.Equal(250000, features[0].Geometry!.Area, 6);
    }

    [SkippableFact]
    public void Geometries_are_built_on_the_projects_geometry_services()
    {
        cluster.Require();
        var result = Read(LandUse());

        Assert.All(result.Layer!.Features, f => Assert.Same(GeometryServices.Services, f.Geometry!.Factory.GeometryServices));
    }

    [SkippableFact]
    public void An_equality_filter_reads_only_the_rows_with_that_value()
    {
        cluster.Require();
        var result = Read(LandUse(), [new PostGisFilter("XZQDM", "330102002", null, 13)]);

        Assert.Equal(["LU-2"], result.Layer!.Features.Select(f => f.Id));
    }

    [SkippableFact]
    public void A_prefix_filter_reads_the_rows_whose_value_starts_with_it()
    {
        cluster.Require();
        var result = Read(LandUse(), [new PostGisFilter("xzqdm", null, "330102", 13)]);

        Assert.Equal(["LU-1", "LU-2"], result.Layer!.Features.Select(f => f.Id));
    }

    [SkippableFact]
    public void Wildcards_in_a_prefix_match_only_themselves()
    {
        cluster.Require();
        var result = Read(LandUse(), [new PostGisFilter("xzqdm", null, "3301%", 13)]);

        Assert.Empty(result.Layer!.Features);
    }

    [SkippableFact]
    public void Sql_in_a_filter_value_is_compared_as_text_and_selects_nothing()
    {
        cluster.Require();
        var table = LandUse();
        var result = Read(table, [new PostGisFilter("xzqdm", $"x' OR '1'='1'; DROP TABLE {table}; --", null, 13)]);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Layer!.Features);
        Assert.Equal(3L, cluster.Scalar<long>($"SELECT count(*) FROM {table}"));
    }

    [SkippableFact]
    public void Sql_in_the_table_name_is_a_located_plan_error_and_changes_nothing()
    {
        cluster.Require();
        var table = LandUse();
        var result = Read($"{table}; DROP TABLE {table}");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("plan.field-invalid", "plan.yaml", 12), (d.Code, d.File, d.Line));
        Assert.Null(result.Layer);
        Assert.Equal(3L, cluster.Scalar<long>($"SELECT count(*) FROM {table}"));
    }

    [SkippableFact]
    public void A_quoted_table_name_is_looked_up_as_a_name_not_run()
    {
        cluster.Require();
        var table = LandUse();
        var result = Read($"{_schema}.\"ghydyh\" WHERE 1=1");

        Assert.Equal("plan.field-invalid", Assert.Single(result.Diagnostics).Code);
        Assert.Contains("no table or view", Message(result), StringComparison.Ordinal);
        Assert.Equal(3L, cluster.Scalar<long>($"SELECT count(*) FROM {table}"));
    }

    [SkippableFact]
    public void Sql_in_a_filter_column_is_an_unknown_column_on_the_filter_line()
    {
        cluster.Require();
        var table = LandUse();
        var result = Read(table, [new PostGisFilter("xzqdm = xzqdm OR 1=1 --", "330102", null, 14)]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("plan.field-invalid", 14), (d.Code, d.Line));
        Assert.Contains("has no column xzqdm = xzqdm OR 1=1 --", Message(result), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_unknown_field_column_is_a_located_plan_error()
    {
        cluster.Require();
        var result = Read(LandUse(), fields: new Dictionary<string, string> { ["id"] = "NOPE" });

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("plan.field-invalid", 12), (d.Code, d.Line));
        Assert.Contains("fields.id", Message(result), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_primary_key_gives_ids_when_no_id_field_does_and_is_no_attribute()
    {
        cluster.Require();
        cluster.Execute($"CREATE SCHEMA {_schema}; CREATE TABLE {_schema}.keyed (fid serial PRIMARY KEY, geom geometry(Polygon, 4527)); INSERT INTO {_schema}.keyed (geom) VALUES (ST_GeomFromText('{Square}', 4527))");

        var feature = Assert.Single(Read($"{_schema}.keyed").Layer!.Features);

        Assert.Equal("1", feature.Id);
        Assert.False(feature.Attributes.ContainsKey("fid"));
    }

    [SkippableFact]
    public void Field_names_match_the_catalogue_ignoring_case()
    {
        cluster.Require();
        var result = Read(LandUse(), fields: new Dictionary<string, string> { ["id"] = "FID" });

        Assert.Equal(["1", "2", "3"], result.Layer!.Features.Select(f => f.Id));
    }

    [SkippableFact]
    public void A_table_the_user_may_not_read_is_refused_with_the_grant_to_ask_for()
    {
        cluster.Require();
        var table = LandUse();
        var user = "u" + _schema;
        cluster.Execute($"CREATE ROLE {user} LOGIN; GRANT USAGE ON SCHEMA {_schema} TO {user}");
        try
        {
            var result = Read(table, connection: cluster.Connection(user));

            var d = Assert.Single(result.Diagnostics);
            Assert.Equal("postgis.permission-denied", d.Code);
            Assert.Contains($"GRANT SELECT ON {table} TO {user}", Message(result), StringComparison.Ordinal);
        }
        finally
        {
            cluster.Execute($"DROP OWNED BY {user}; DROP ROLE {user}");
        }
    }

    [SkippableFact]
    public void A_geometry_column_in_another_cgcs2000_crs_is_read_and_its_crs_said_for_the_loader_to_reproject()
    {
        // As a GeoPackage or shapefile in another CGCS2000 zone: the layer comes with layer.crs-mismatch naming its
        // CRS, which the plan loader's CrsHarmoniser replaces by a reprojection (docs/real-submissions.md).
        cluster.Require();
        var result = Read(LandUse(srid: 4528));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("layer.crs-mismatch", d.Code);
        Assert.Equal("EPSG:4528", d.Arguments["layer_crs"]);
        Assert.Contains("EPSG:4528", Message(result), StringComparison.Ordinal);
        Assert.NotNull(result.Layer);
    }

    [SkippableFact]
    public void A_geometry_column_outside_cgcs2000_is_a_crs_mismatch()
    {
        cluster.Require();
        var result = Read(LandUse(srid: 3857));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("layer.crs-mismatch", d.Code);
        Assert.Contains("EPSG:3857", Message(result), StringComparison.Ordinal);
        Assert.Null(result.Layer);
    }

    [SkippableFact]
    public void A_view_reads_like_a_table()
    {
        cluster.Require();
        var table = LandUse();
        cluster.Execute($"CREATE VIEW {_schema}.v_city AS SELECT bsm, ydyhfldm, geom FROM {table} WHERE xzqdm LIKE '330102%'");

        var result = Read($"{_schema}.v_city");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["LU-1", "LU-2"], result.Layer!.Features.Select(f => f.Id));
    }

    [SkippableFact]
    public void A_view_whose_rows_are_in_another_srid_is_a_crs_mismatch_naming_the_feature()
    {
        cluster.Require();
        var table = LandUse();
        cluster.Execute($"CREATE VIEW {_schema}.v_moved AS SELECT bsm, ST_SetSRID(geom, 4528)::geometry AS geom FROM {table}");

        var result = Read($"{_schema}.v_moved");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("layer.crs-mismatch", "LU-1"), (d.Code, d.FeatureId));
    }

    [SkippableFact]
    public void Curved_geometries_are_densified_and_reported()
    {
        cluster.Require();
        cluster.Execute($"""
            CREATE SCHEMA {_schema};
            CREATE TABLE {_schema}.curved (bsm text, geom geometry(Geometry, 4527));
            INSERT INTO {_schema}.curved VALUES
              ('C-1', ST_GeomFromText('CURVEPOLYGON(CIRCULARSTRING(39468000 3349500, 39468500 3350000, 39469000 3349500, 39468500 3349000, 39468000 3349500))', 4527)),
              ('P-1', ST_GeomFromText('{Square}', 4527));
            """);

        var result = Read($"{_schema}.curved");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("layer.curves-densified", Severity.Warning), (d.Code, d.Severity));
        var circle = result.Layer!.Features[0].Geometry!;
        Assert.IsType<Polygon>(circle);
        Assert.Equal(Math.PI * 500 * 500, circle.Area, Math.PI * 500 * 500 * 0.01);
    }

    [SkippableFact]
    public void Invalid_geometries_are_read_as_they_are_for_the_data_rules_to_locate()
    {
        cluster.Require();
        cluster.Execute($"""
            CREATE SCHEMA {_schema};
            CREATE TABLE {_schema}.bowtie (bsm text, geom geometry(Polygon, 4527));
            INSERT INTO {_schema}.bowtie VALUES ('B-1', ST_GeomFromText('POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))', 4527));
            """);

        var result = Read($"{_schema}.bowtie");

        Assert.Empty(result.Diagnostics);
        Assert.False(Assert.Single(result.Layer!.Features).Geometry!.IsValid);
    }

    [SkippableFact]
    public void More_rows_than_max_features_refuse_the_layer_naming_the_count()
    {
        cluster.Require();
        var result = Read(LandUse(), limits: new InputLimits { MaxFeatures = 2 });

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("limit.exceeded", d.Code);
        Assert.Contains("has 3 features", Message(result), StringComparison.Ordinal);
        Assert.Contains("--max-features", Message(result), StringComparison.Ordinal);
        Assert.Null(result.Layer);
    }

    [SkippableFact]
    public void A_geometry_over_max_vertices_refuses_the_layer_naming_the_feature()
    {
        cluster.Require();
        var result = Read(LandUse(), limits: new InputLimits { MaxVertices = 4 });

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("limit.exceeded", "LU-1"), (d.Code, d.FeatureId));
    }

    [SkippableFact]
    public void Reads_run_in_a_read_only_transaction()
    {
        cluster.Require();
        cluster.Execute($"""
            CREATE SCHEMA {_schema};
            CREATE TABLE {_schema}.log (n int);
            CREATE FUNCTION {_schema}.writes() RETURNS int LANGUAGE sql AS 'INSERT INTO {_schema}.log VALUES (1) RETURNING n';
            CREATE VIEW {_schema}.v_writes AS SELECT {_schema}.writes() AS n, ST_GeomFromText('{Square}', 4527) AS geom;
            """);

        var result = Read($"{_schema}.v_writes");

        Assert.Contains("read-only transaction", Message(result), StringComparison.Ordinal);
        Assert.Equal(0L, cluster.Scalar<long>($"SELECT count(*) FROM {_schema}.log"));
    }

    [SkippableFact]
    public void A_read_past_the_statement_timeout_is_stopped_with_its_own_message()
    {
        cluster.Require();
        cluster.Execute($"""
            CREATE SCHEMA {_schema};
            CREATE VIEW {_schema}.v_slow AS SELECT (SELECT 1 FROM pg_sleep(30)) AS z, ST_GeomFromText('{Square}', 4527) AS geom;
            """);

        var result = Read($"{_schema}.v_slow", connection: cluster.Connection(statementTimeout: TimeSpan.FromSeconds(1)));

        Assert.Equal("postgis.statement-timeout", Assert.Single(result.Diagnostics).Code);
    }

    [SkippableFact]
    public void A_store_that_cannot_be_reached_names_host_port_and_database_and_what_to_do()
    {
        cluster.Require();
        var connection = PostGisConnection.Resolve("postgres://nobody@127.0.0.1:1/yizhangtu", _ => null, TimeSpan.FromMinutes(1), out _)!;

        var result = Read(LandUse(), connection: connection);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("postgis.connection-failed", d.Code);
        Assert.Contains("yizhangtu (host 127.0.0.1, port 1, user nobody)", Message(result), StringComparison.Ordinal);
        Assert.Contains("--db postgres://", Message(result), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (cluster.ConnectionString is not null) cluster.Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }
}
