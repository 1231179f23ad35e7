// Load on the review server, on this machine: a server in this process on a free loopback port, one finished
// review of the example city watched by --viewers concurrent viewers (each round: the review, its JSON report,
// its map summary and the tiles of one view) while --uploads more packages are queued and checked. Prints p50 and
// p95 per kind of request, the errors, and whether every upload ended in a review. Bounded: each viewer stops
// after --rounds rounds or when the uploads have all ended, whichever is later, and everything stops after
// --minutes. Only loopback addresses are contacted.
//
//   dotnet run -c Release --project tests/load/ElementFlow.Load -- [--viewers 50] [--uploads 10] [--rounds 20] [--minutes 15]
//   dotnet run -c Release --project tests/load/ElementFlow.Load -- --parcels 1000000     (the map of a large plan: see ParcelMap)
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ElementFlow.Server;
using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using Microsoft.Extensions.Logging;

if (Option("--parcels", 0) is > 0 and var parcels) return ParcelMap.Run(parcels);
var viewers = Option("--viewers", 50);
var uploads = Option("--uploads", 10);
var rounds = Option("--rounds", 20);
var deadline = DateTime.UtcNow.AddMinutes(Option("--minutes", 15));

var root = FindRoot();
var data = Path.Combine(Path.GetTempPath(), "ef-load-" + Guid.NewGuid().ToString("N"));
var store = new DataFolder(data).OpenStore();
var admin = new UserAdmin(store);
admin.Add("load", Role.Reviewer, "correct horse battery", "load");
var token = admin.IssueToken("load", "load")!;
var port = FreePort();
var url = $"http://127.0.0.1:{port}";
var app = ReviewServer.Build(
    new ServerOptions { DataFolder = data, Urls = [url], RuleFolders = [Path.Combine(root, "rules")], BuiltInRules = Path.Combine(root, "rules") },
    b => b.Logging.ClearProviders());
await app.StartAsync();
Console.WriteLine($"server {url}, data {data}, {Environment.ProcessorCount} cores, checks at once {ServerOptions.DefaultConcurrency}");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var zip = Zipped(Path.Combine(root, "example-plans", "qinghe-city"));

var first = await Upload(zip);
var firstState = await Finished(first);
Console.WriteLine($"the watched review {first}: {firstState}");
var map = JsonDocument.Parse(await http.GetStringAsync($"/api/reviews/{first}/map")).RootElement;
var b = map.GetProperty("bounds").EnumerateArray().Select(v => v.GetDouble()).ToArray();
var tiles = Enumerable.Range(12, 3).SelectMany(z => TilesOver(b, z)).ToList();
Console.WriteLine($"{tiles.Count} tiles over the plan at zoom 12-14");

var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
var errors = new ConcurrentDictionary<string, int>();
async Task Timed(string kind, string path)
{
    var clock = Stopwatch.StartNew();
    try
    {
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) errors.AddOrUpdate($"{kind} {(int)response.StatusCode}", 1, (_, n) => n + 1);
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        errors.AddOrUpdate($"{kind} {e.GetType().Name}", 1, (_, n) => n + 1);
    }

    latencies.GetOrAdd(kind, _ => []).Add(clock.Elapsed.TotalMilliseconds);
}

var uploadsDone = new TaskCompletionSource();
var wall = Stopwatch.StartNew();
var uploader = Task.Run(async () =>
{
    var ids = new List<string>();
    for (var i = 0; i < uploads; i++) ids.Add(await Upload(zip));
    var states = new List<string>();
    foreach (var id in ids) states.Add(await Finished(id));
    uploadsDone.SetResult();
    return (ids, states, wall.Elapsed);
});
var watchers = Enumerable.Range(0, viewers).Select(v => Task.Run(async () =>
{
    var random = new Random(v);
    for (var round = 0; (round < rounds || !uploadsDone.Task.IsCompleted) && DateTime.UtcNow < deadline; round++)
    {
        await Timed("review", $"/api/reviews/{first}");
        await Timed("report.json", $"/api/reviews/{first}/report?format=json");
        await Timed("map", $"/api/reviews/{first}/map");
        var start = random.Next(tiles.Count);
        for (var t = 0; t < 6; t++)
        {
            var (z, x, y) = tiles[(start + t) % tiles.Count];
            await Timed("tile", $"/api/reviews/{first}/tiles/{z}/{x}/{y}.mvt");
        }

        await Task.Delay(random.Next(100, 400));
    }
})).ToList();
await Task.WhenAll(watchers);
var (uploaded, endStates, uploadTime) = await uploader;

Console.WriteLine($"\n{viewers} viewers, {uploads} uploads queued; wall {wall.Elapsed.TotalSeconds:F0} s; uploads all ended after {uploadTime.TotalSeconds:F0} s");
Console.WriteLine($"{"request",-12} {"count",7} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var (kind, bag) in latencies.OrderBy(k => k.Key))
{
    var sorted = bag.Order().ToArray();
    Console.WriteLine($"{kind,-12} {sorted.Length,7} {Percentile(sorted, 0.50),8:F1} {Percentile(sorted, 0.95),8:F1} {sorted[^1],8:F1}");
}

var all = latencies.Values.SelectMany(v => v).Order().ToArray();
Console.WriteLine($"{"all",-12} {all.Length,7} {Percentile(all, 0.50),8:F1} {Percentile(all, 0.95),8:F1} {all[^1],8:F1}");
Console.WriteLine(errors.IsEmpty ? "errors: none" : "errors: " + string.Join(", ", errors.Select(e => $"{e.Key} ×{e.Value}")));
var done = endStates.Count(s => s == "done");
Console.WriteLine($"uploads: {uploaded.Count} sent, {done} done, {endStates.Count(s => s == "failed")} failed, {endStates.Count(s => s is not ("done" or "failed"))} unfinished");

await app.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(data, recursive: true);
return done == uploaded.Count && errors.IsEmpty ? 0 : 1;

async Task<string> Upload(byte[] package)
{
    using var content = new MultipartFormDataContent();
    var file = new ByteArrayContent(package);
    file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
    content.Add(file, "package", "qinghe-city.zip");
    using var response = await http.PostAsync("/api/reviews", content);
    if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
}

async Task<string> Finished(string id)
{
    while (DateTime.UtcNow < deadline)
    {
        var status = (await http.GetFromJsonAsync<JsonElement>($"/api/reviews/{id}")).GetProperty("status").GetString()!;
        if (status is "done" or "failed") return status;
        await Task.Delay(500);
    }

    return "unfinished";
}

static IEnumerable<(int Z, int X, int Y)> TilesOver(double[] b, int z)
{
    var (x0, y0) = Tile(b[0], b[3], z);
    var (x1, y1) = Tile(b[2], b[1], z);
    for (var x = x0; x <= x1; x++)
    {
        for (var y = y0; y <= y1; y++) yield return (z, x, y);
    }
}

static (int X, int Y) Tile(double longitude, double latitude, int z)
{
    var n = 1 << z;
    var phi = latitude * Math.PI / 180;
    return ((int)Math.Floor((longitude + 180) / 360 * n), (int)Math.Floor((1 - (Math.Log(Math.Tan(phi) + (1 / Math.Cos(phi))) / Math.PI)) / 2 * n));
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static byte[] Zipped(string folder)
{
    using var bytes = new MemoryStream();
    using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("expected-findings.json", StringComparison.Ordinal)))
        {
            zip.CreateEntryFromFile(file, Path.GetRelativePath(folder, file).Replace('\\', '/'));
        }
    }

    return bytes.ToArray();
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException($"No ElementFlow.sln above {AppContext.BaseDirectory}.");
}
