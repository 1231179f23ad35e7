using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ElementFlow.Server.Browser.Tests;

/// <summary>
/// A review server on a free loopback port over a data folder of its own, with a reviewer and a planner, and
/// Debian's Chromium driven by Playwright. Disposing stops both and deletes the folder.
/// </summary>
internal sealed class BrowserHost : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    /// <summary>Debian's Chromium; EF_CHROMIUM names another build.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("EF_CHROMIUM") ?? "/usr/bin/chromium";

    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;

    private BrowserHost(WebApplication app, string data, string url, IPlaywright playwright, IBrowser browser)
    {
        _app = app;
        Data = data;
        Url = url;
        _playwright = playwright;
        Browser = browser;
    }

    public string Data { get; }

    public string Url { get; }

    public IBrowser Browser { get; }

    /// <summary>Skips the test when Chromium is missing, except under CI=true, where a missing browser fails it.</summary>
    public static void RequireChromium()
    {
        if (File.Exists(Chromium)) return;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"CI=true but Chromium is not at {Chromium}: .ci/run installs it (apt-get install chromium)");
        Skip.If(true, $"Chromium is not installed at {Chromium} (apt-get install chromium, or set EF_CHROMIUM); the browser tests need it");
    }

    public static async Task<BrowserHost> Start()
    {
        RequireChromium();
        var data = Path.Combine(Path.GetTempPath(), "ef-browser-" + Guid.NewGuid().ToString("N"));
        var store = new DataFolder(data).OpenStore();
        var admin = new UserAdmin(store);
        admin.Add("rita", Role.Reviewer, Password, "test");
        admin.Add("ann", Role.Planner, Password, "test");
        var url = $"http://127.0.0.1:{FreePort()}";
        var app = ReviewServer.Build(new ServerOptions
        {
            DataFolder = data,
            Urls = [url],
            RuleFolders = [Repo.Rules],
            BuiltInRules = Repo.Rules,
            MaxConcurrentChecks = 1,
        }, b => b.Logging.ClearProviders());
        await app.StartAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,

            // As root Chromium needs --no-sandbox; WebGL (the map) runs on SwiftShader, Chromium's CPU renderer.
            Args = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
        });
        return new BrowserHost(app, data, url, playwright, browser);
    }

    /// <summary>A new page at 1400×900, its language Chinese (the page's default) unless asked.</summary>
    public async Task<IPage> NewPage(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = locale });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens the page and signs in through its form.</summary>
    public async Task<IPage> SignedIn(string user)
    {
        var page = await NewPage();
        await page.GotoAsync(Url);
        await page.FillAsync("#signinForm input[name=username]", user);
        await page.FillAsync("#signinForm input[name=password]", Password);
        await page.ClickAsync("#signinForm button");
        await page.WaitForSelectorAsync("#app:not(.hidden)");
        return page;
    }

    /// <summary>An example plan zipped into the data folder, with <paramref name="change"/> applied to its plan.yaml.</summary>
    public string Zip(string examplePlan, Func<string, string>? change = null)
    {
        var path = Path.Combine(Data, $"{examplePlan}-{Guid.NewGuid():N}.zip");
        var folder = Path.Combine(Repo.Root, "example-plans", examplePlan);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("expected-findings.json", StringComparison.Ordinal)))
        {
            var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (name == "plan.yaml" && change is not null)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(change(File.ReadAllText(file)));
            }
            else
            {
                zip.CreateEntryFromFile(file, name);
            }
        }

        return path;
    }

    /// <summary>Where screenshots go: EF_SCREENSHOTS when set (docs/images to refresh the docs), else nowhere.</summary>
    public static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("EF_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        if (await page.Locator("#review:not(.hidden)").CountAsync() > 0) await page.EvaluateAsync("() => document.getElementById('review').scrollIntoView()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"server-{name}.png"), FullPage = false });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp folder is cleaned by the system.
        }
    }
}

/// <summary>Paths in the repository, found from the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No ElementFlow.sln above {AppContext.BaseDirectory}.");
    }
}
