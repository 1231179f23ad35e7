using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ElementFlow.Server.Tests;

public class UploadTests : ServerTest
{
    [Fact]
    public async Task CityPackage_Is202ThenTheCheckFinishesWithFindings()
    {
        await using var host = await TestHost.Start(Data);
        var client = host.WithToken("ann");

        var id = await TestHost.Upload(client, TestHost.Zipped("qinghe-city"));
        var review = await TestHost.Finished(client, id);

        Assert.Equal("done", review.GetProperty("status").GetString());
        Assert.Equal("qinghe-city", review.GetProperty("plan").GetString());
        Assert.Equal(1, review.GetProperty("version").GetInt32());
        Assert.Equal(1.0, review.GetProperty("progress").GetDouble());
        Assert.True(review.GetProperty("summary").GetProperty("findings").GetInt32() > 0);
    }

    [Fact]
    public async Task SecondUploadOfAPlan_IsItsNextVersion()
    {
        await using var host = await TestHost.Start(Data, checks: 0);
        var client = host.WithToken("ann");

        await TestHost.Upload(client, TestHost.Zipped("qinghe-city"));
        var second = await TestHost.Upload(client, TestHost.Zipped("qinghe-city"));

        var review = await client.GetFromJsonAsync<JsonElement>($"/api/reviews/{second}");
        Assert.Equal(2, review.GetProperty("version").GetInt32());
        Assert.Equal("queued", review.GetProperty("status").GetString());
        Assert.Equal(2, review.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task NotAZipArchive_Is400WithDiagnostics()
    {
        await using var host = await TestHost.Start(Data, checks: 0);

        var response = await host.WithToken("ann").PostAsync("/api/reviews", TestHost.Package(Encoding.UTF8.GetBytes("this is not a zip")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("plan.zip-unreadable", body.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        Assert.Empty(host.Store.Reviews(null));
    }

    [Fact]
    public async Task ZipWithoutPlanYaml_Is400WithDiagnostics()
    {
        await using var host = await TestHost.Start(Data, checks: 0);

        var response = await host.WithToken("ann").PostAsync("/api/reviews", TestHost.Package(Zip(("readme.txt", "no plan here"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("plan.not-found", body.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task ZipWithAnEntryClimbingOut_Is400()
    {
        await using var host = await TestHost.Start(Data, checks: 0);

        var response = await host.WithToken("ann").PostAsync("/api/reviews", TestHost.Package(Zip(("plan.yaml", "id: x"), ("../../evil.txt", "x"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("plan.zip-unsafe-entry", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadPastMaxUpload_Is413()
    {
        await using var host = await TestHost.Start(Data, checks: 0, maxUpload: 10_000);

        var response = await host.WithToken("ann").PostAsync("/api/reviews", TestHost.Package(new byte[50_000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Data, "incoming")));
    }

    [Fact]
    public async Task PackageUnpackingPastMaxPackageSize_Is413()
    {
        await using var host = await TestHost.Start(Data, checks: 0, maxPackage: 100_000);

        // Compresses to a few hundred bytes, unpacks to a megabyte.
        var response = await host.WithToken("ann").PostAsync("/api/reviews", TestHost.Package(Zip(("plan.yaml", "id: x"), ("layers/big.geojson", new string(' ', 1_000_000)))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Store.Reviews(null));
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return bytes.ToArray();
    }
}
