namespace ElementFlow.Sources.PostGis.Tests;

public sealed class PostGisConnectionTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_postgres_uri_gives_user_password_host_port_and_database()
    {
        var c = PostGisConnection.Resolve("postgres://reviewer:p%40ss@db.example:6543/yizhangtu?sslmode=require", Env(), Minute, out var error)!;

        Assert.Null(error);
        Assert.Equal(("db.example", 6543, "yizhangtu", "reviewer", "p@ss"), (c.Host, c.Port, c.Database, c.User, c.Settings.Password));
        Assert.Equal(Npgsql.SslMode.Require, c.Settings.SslMode);
    }

    [Fact]
    public void Without_db_the_libpq_environment_names_the_store()
    {
        var c = PostGisConnection.Resolve(null, Env(("PGHOST", "gis.internal"), ("PGPORT", "5433"), ("PGDATABASE", "yzt"), ("PGUSER", "checker"), ("PGPASSWORD", "pw")), Minute, out _)!;

        Assert.Equal(("gis.internal", 5433, "yzt", "checker", "pw"), (c.Host, c.Port, c.Database, c.User, c.Settings.Password));
    }

    [Fact]
    public void The_environment_fills_only_what_db_leaves_out()
    {
        var c = PostGisConnection.Resolve("postgres://db.example/yizhangtu", Env(("PGHOST", "other"), ("PGPORT", "5433"), ("PGUSER", "checker")), Minute, out _)!;

        Assert.Equal(("db.example", 5433, "yizhangtu", "checker"), (c.Host, c.Port, c.Database, c.User));
    }

    [Fact]
    public void A_url_with_user_and_port_names_host_port_database_and_user()
    {
        var c = PostGisConnection.Resolve("postgres://checker@db.example:5433/review", Env(), Minute, out _)!;

        Assert.Equal(("db.example", 5433, "review", "checker"), (c.Host, c.Port, c.Database, c.User));
    }

    [Fact]
    public void An_npgsql_connection_string_is_taken_as_it_is()
    {
        var c = PostGisConnection.Resolve("Host=10.0.0.5;Port=5432;Database=yzt;Username=r", Env(("PGPORT", "9999")), Minute, out _)!;

        Assert.Equal(("10.0.0.5", 5432, "yzt", "r"), (c.Host, c.Port, c.Database, c.User));
    }

    [Fact]
    public void A_db_value_that_is_neither_is_explained()
    {
        Assert.Null(PostGisConnection.Resolve("not a connection", Env(), Minute, out var error));
        Assert.Contains("postgres://", error!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pgport_that_is_not_a_port_is_explained()
    {
        Assert.Null(PostGisConnection.Resolve(null, Env(("PGPORT", "54x")), Minute, out var error));
        Assert.Contains("PGPORT", error!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_show_the_store_without_the_password()
    {
        var c = PostGisConnection.Resolve("postgres://reviewer:s3cret@db.example:6543/yizhangtu", Env(), Minute, out _)!;

        Assert.Equal("db.example:6543/yizhangtu", c.Shown);
        Assert.DoesNotContain("s3cret", c.Unreachable("timeout").En, StringComparison.Ordinal);
    }
}
