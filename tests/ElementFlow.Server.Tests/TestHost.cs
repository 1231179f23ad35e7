using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace ElementFlow.Server.Tests;

/// <summary>A review server in memory over a data folder, with a planner, a second planner, a reviewer and an admin.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly WebApplication _app;

    private TestHost(WebApplication app, string data, string? store)
    {
        _app = app;
        Data = data;
        StoreConnection = store;
    }

    public string Data { get; }

    /// <summary>The PostgreSQL store's connection string; null for the embedded store.</summary>
    public string? StoreConnection { get; }

    public static async Task<TestHost> Start(string data, int checks = 1, long? maxUpload = null, long? maxPackage = null, string? store = null)
    {
        var options = new ServerOptions
        {
            DataFolder = data,
            StoreConnection = store,
            RuleFolders = [Repo.Rules],
            BuiltInRules = Repo.Rules,
            MaxConcurrentChecks = checks,
            MaxUploadBytes = maxUpload ?? ServerOptions.DefaultMaxUploadBytes,
        };
        if (maxPackage is { } size) options = options with { Limits = options.Limits with { MaxPackageBytes = size } };
        SeedUsers(new DataFolder(data).OpenStore(store));
        var app = ReviewServer.Build(options, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new TestHost(app, data, store);
    }

    private static void SeedUsers(IReviewStore store)
    {
        var admin = new UserAdmin(store);
        foreach (var (name, role) in new[] { ("ann", Role.Planner), ("bob", Role.Planner), ("rita", Role.Reviewer), ("ada", Role.Admin) })
        {
            if (store.FindUser(name) is null) admin.Add(name, role, Password, "test");
        }
    }

    public IReviewStore Store => new DataFolder(Data).OpenStore(StoreConnection);

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => _app.GetTestClient();

    /// <summary>A client that sends a fresh API token of the user.</summary>
    public HttpClient WithToken(string user)
    {
        var token = new UserAdmin(Store).IssueToken(user, "test")!;
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in with the password; the client then sends the session cookies, and the anti-forgery token when <paramref name="csrf"/>.</summary>
    public async Task<HttpClient> SignedIn(string user, bool csrf = true)
    {
        var client = _app.GetTestClient();
        var response = await client.PostAsJsonAsync("/api/session", new { username = user, password = Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        if (csrf) client.DefaultRequestHeaders.Add(Authentication.CsrfHeader, body.GetProperty("csrf").GetString());
        return client;
    }

    public static MultipartFormDataContent Package(byte[] zip, string name = "qinghe-city.zip")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "package", name);
        return content;
    }

    /// <summary>An example plan package, zipped as a planner would send it.</summary>
    public static byte[] Zipped(string examplePlan)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            var folder = Repo.ExamplePlan(examplePlan);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("expected-findings.json", StringComparison.Ordinal)))
            {
                zip.CreateEntryFromFile(file, Path.GetRelativePath(folder, file).Replace('\\', '/'));
            }
        }

        return bytes.ToArray();
    }

    public static async Task<string> Upload(HttpClient client, byte[] zip)
    {
        var response = await client.PostAsync("/api/reviews", Package(zip));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Polls the review until its check has ended; its last state.</summary>
    public static async Task<JsonElement> Finished(HttpClient client, string id)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var review = await client.GetFromJsonAsync<JsonElement>($"/api/reviews/{id}");
            if (review.GetProperty("status").GetString() is "done" or "failed" || DateTime.UtcNow > until) return review;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A data folder of its own for each test, deleted after.</summary>
public abstract class ServerTest : IDisposable
{
    protected string Data { get; } = Path.Combine(Path.GetTempPath(), "ef-server-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Data)) Directory.Delete(Data, recursive: true);
        GC.SuppressFinalize(this);
    }
}
