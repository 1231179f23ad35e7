using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;

namespace ElementFlow.Sources.PostGis.Tests;

/// <summary>The password comes from PGPASSWORD or a pgpass file, as for psql (the cluster's role ef_password must give one).</summary>
[Collection(PostGisCollection.Name)]
public sealed class PostGisPasswordTests(PostGisCluster cluster)
{
    private LayerReadResult ReadAs(Func<string, string?> environment)
    {
        var connection = PostGisConnection.Resolve(null, environment, TimeSpan.FromMinutes(1), out _)!;
        using var store = new PostGisStore(connection);
        var request = new LayerRequest(LayerRole.Boundary, "public.spatial_ref_sys", null, new Dictionary<string, string>(), "postgis:public.spatial_ref_sys", new CrsInfo("EPSG:4527", 4527));
        return new PostGisLayerReader(store).Read(new PostGisLayerSpec("public.spatial_ref_sys", [], null, "plan.yaml", 3), request);
    }

    private Func<string, string?> Env(params (string Name, string Value)[] more)
    {
        var vars = new Dictionary<string, string>
        {
            ["PGHOST"] = cluster.Host,
            ["PGPORT"] = cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = cluster.Database,
            ["PGUSER"] = "ef_password",
            ["PGPASSFILE"] = "/nonexistent/pgpass",
        };
        foreach (var (name, value) in more) vars[name] = value;
        return name => vars.GetValueOrDefault(name);
    }

    [SkippableFact]
    public void Pgpassword_logs_in()
    {
        cluster.Require();
        var result = ReadAs(Env(("PGPASSWORD", "ef-secret")));

        // The login worked: what remains is that spatial_ref_sys has no geometry column.
        Assert.Equal("layer.unreadable", Assert.Single(result.Diagnostics).Code);
        Assert.Contains("has no geometry column", result.Diagnostics[0].Message(Language.En), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_pgpass_file_logs_in()
    {
        cluster.Require();
        var passfile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(passfile, $"{cluster.Host}:{cluster.Port}:{cluster.Database}:ef_password:ef-secret\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var result = ReadAs(Env(("PGPASSFILE", passfile)));

            Assert.Contains("has no geometry column", Assert.Single(result.Diagnostics).Message(Language.En), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(passfile);
        }
    }

    [SkippableFact]
    public void Without_a_password_the_connection_failure_says_where_to_put_one()
    {
        cluster.Require();
        var result = ReadAs(Env());

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("postgis.connection-failed", d.Code);
        Assert.Contains("PGPASSWORD or ~/.pgpass", d.Message(Language.En), StringComparison.Ordinal);
    }
}
