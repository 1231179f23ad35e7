using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VectorTiles = NetTopologySuite.IO.VectorTiles;

namespace ElementFlow.Server.Tests;

public class MapTests : ServerTest
{
    /// <summary>The XYZ tile at zoom <paramref name="z"/> that holds the point.</summary>
    public static (int X, int Y) TileAt(double longitude, double latitude, int z)
    {
        var n = 1 << z;
        var phi = latitude * Math.PI / 180;
        return ((int)Math.Floor((longitude + 180) / 360 * n), (int)Math.Floor((1 - Math.Log(Math.Tan(phi) + (1 / Math.Cos(phi))) / Math.PI) / 2 * n));
    }

    private static async Task<(HttpClient Ann, string Id, JsonElement Map)> Checked(TestHost host)
    {
        var ann = host.WithToken("ann");
        var id = await TestHost.Upload(ann, TestHost.Zipped("qinghe-city"));
        await TestHost.Finished(ann, id);
        return (ann, id, await ann.GetFromJsonAsync<JsonElement>($"/api/reviews/{id}/map"));
    }

    [Fact]
    public async Task Map_GivesThePlansBoundsInLongitudeAndLatitude()
    {
        await using var host = await TestHost.Start(Data);
        var (_, _, map) = await Checked(host);

        var bounds = map.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();

        // EPSG:4527 (central meridian 117°E): the example city lies in eastern China.
        Assert.InRange(bounds[0], 110, 125);
        Assert.InRange(bounds[1], 20, 45);
        Assert.True(bounds[2] > bounds[0] && bounds[3] > bounds[1]);
    }

    [Fact]
    public async Task Map_NamesTheFeaturesFindingsPointAt()
    {
        await using var host = await TestHost.Start(Data);
        var (_, _, map) = await Checked(host);

        Assert.NotEmpty(map.GetProperty("features").EnumerateObject());
        Assert.Contains(map.GetProperty("layers").EnumerateArray(), l => l.GetProperty("name").GetString() == "zoning");
    }

    [Fact]
    public async Task Tile_OverThePlanHasItsLayersWithFindingsMarked()
    {
        await using var host = await TestHost.Start(Data);
        var (ann, id, map) = await Checked(host);
        var b = map.GetProperty("bounds").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (x, y) = TileAt((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 10);

        var response = await ann.GetAsync($"/api/reviews/{id}/tiles/10/{x}/{y}.mvt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Api.MapEndpoints.TileType, response.Content.Headers.ContentType!.MediaType);
        var tile = new MapboxTileReader().Read(await response.Content.ReadAsStreamAsync(), new VectorTiles.Tiles.Tile(x, y, 10));
        Assert.Contains(tile.Layers, l => l.Name == "zoning" && l.Features.Count > 0);
        Assert.Contains(tile.Layers.SelectMany(l => l.Features), f => Convert.ToInt32(f.Attributes["severity"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Tile_OfAnotherPlannersReviewIsNotFound()
    {
        await using var host = await TestHost.Start(Data);
        var (_, id, _) = await Checked(host);

        var response = await host.WithToken("bob").GetAsync($"/api/reviews/{id}/tiles/0/0/0.mvt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Tile_WithoutCredentialsIsRefused()
    {
        await using var host = await TestHost.Start(Data);
        var (_, id, _) = await Checked(host);

        var response = await host.Anonymous().GetAsync($"/api/reviews/{id}/tiles/0/0/0.mvt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Tile_OutsideTheZoomRangeIsNotFound()
    {
        await using var host = await TestHost.Start(Data);
        var (ann, id, _) = await Checked(host);

        var response = await ann.GetAsync($"/api/reviews/{id}/tiles/3/8/0.mvt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
