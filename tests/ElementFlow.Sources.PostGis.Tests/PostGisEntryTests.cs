using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Text;

namespace ElementFlow.Sources.PostGis.Tests;

public sealed class PostGisEntryTests
{
    private static LayerOption Scalar(string value, int line) => new(value, null, line);

    private static LayerOption Map(int line, params (string Key, LayerOption Option)[] entries) =>
        new(null, entries.ToDictionary(e => e.Key, e => e.Option), line);

    private static (PostGisLayerSpec? Spec, List<Diagnostic> Diagnostics) Read(string table, params (string Key, LayerOption Option)[] options)
    {
        var diagnostics = new List<Diagnostic>();
        var spec = PostGisEntry.Read(table, options.ToDictionary(o => o.Key, o => o.Option), "plan.yaml", "land_use", 10, diagnostics);
        return (spec, diagnostics);
    }

    [Fact]
    public void Reads_equality_and_prefix_filters_with_their_lines()
    {
        var (spec, diagnostics) = Read("public.ghydyh", ("filter", Map(11, ("XZQDM", Map(11, ("prefix", Scalar("330102", 11)))), ("ZT", Scalar("现状", 12)))));

        Assert.Empty(diagnostics);
        Assert.Equal([new PostGisFilter("XZQDM", null, "330102", 11), new PostGisFilter("ZT", "现状", null, 12)], spec!.Filter);
    }

    [Fact]
    public void A_where_clause_is_a_field_error_on_its_line_that_says_to_use_a_filter()
    {
        var (spec, diagnostics) = Read("public.ghydyh", ("where", Scalar("xzqdm LIKE '330102%'", 13)));

        var d = Assert.Single(diagnostics);
        Assert.Equal(("plan.field-invalid", 13), (d.Code, d.Line));
        Assert.Contains("filter:", d.Message(Language.En), StringComparison.Ordinal);
        Assert.Null(spec);
    }

    [Fact]
    public void A_password_key_is_refused()
    {
        var (_, diagnostics) = Read("public.ghydyh", ("password", Scalar("s3cret", 14)));

        Assert.Equal(("plan.password-refused", 14), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Fact]
    public void A_uri_with_a_password_is_refused_wherever_it_stands()
    {
        var (_, diagnostics) = Read("postgres://reviewer:s3cret@db.example/yzt");

        Assert.Contains(diagnostics, d => d.Code == "plan.password-refused");
    }

    [Fact]
    public void A_filter_that_is_neither_a_value_nor_a_prefix_is_a_field_error()
    {
        var (_, diagnostics) = Read("public.ghydyh", ("filter", Map(11, ("XZQDM", Map(11, ("like", Scalar("3301%", 11)))))));

        Assert.Equal(("plan.field-invalid", 11), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Fact]
    public void A_connection_string_password_is_recognised()
    {
        Assert.True(PostGisEntry.HoldsPassword("Host=db;Username=u;Password=x"));
        Assert.False(PostGisEntry.HoldsPassword("postgres://reviewer@db.example:5432/yzt"));
    }
}
