using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ElementFlow.Server.Browser.Tests;

/// <summary>A reviewer works through two versions of the example city in the browser, as issue 17 describes.</summary>
public class ReviewPageTests
{
    /// <summary>The corrected version: the urban development boundary area declared as measured (DATA-008 goes away).</summary>
    private static string Corrected(string yaml) => yaml.Replace("urban_development_boundary_area: { value: 43.79931", "urban_development_boundary_area: { value: 42.9405", StringComparison.Ordinal);

    private static async Task<string> Upload(IPage page, string zip)
    {
        // The result line still names the previous upload until this one is answered: wait for a new id.
        var previous = await page.GetAttributeAsync("#uploadResult", "data-review") ?? "";
        await page.SetInputFilesAsync("#packageInput", zip);
        await page.ClickAsync("#uploadForm button");
        var result = await page.WaitForSelectorAsync($"#uploadResult[data-review]:not([data-review='']):not([data-review='{previous}'])");
        var id = await result!.GetAttributeAsync("data-review");
        await page.WaitForSelectorAsync($"#review[data-review='{id}'][data-loaded=true]", new PageWaitForSelectorOptions { Timeout = 180_000 });
        return id!;
    }

    private static async Task<double[]> Centre(IPage page) => await page.EvaluateAsync<double[]>("() => window.efMap.getCenter().toArray()");

    private static async Task WaitForMap(IPage page)
    {
        await page.WaitForSelectorAsync("#map[data-state=ready]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.efMap && window.efMap.loaded() && !window.efMap.isMoving()");
    }

    /// <summary>The serious and critical axe violations of the page as it is, one line each.</summary>
    private static async Task<List<string>> Serious(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
    }

    [SkippableFact]
    public async Task SignInPage_HasNoSeriousAccessibilityViolation()
    {
        await using var host = await BrowserHost.Start();
        var page = await host.NewPage();
        await page.GotoAsync(host.Url);
        await page.WaitForSelectorAsync("#signin:not(.hidden)");
        await BrowserHost.Screenshot(page, "signin");

        Assert.Empty(await Serious(page));
    }

    [SkippableFact]
    public async Task FindingClick_FliesTheMapToItsFeature()
    {
        await using var host = await BrowserHost.Start();
        var page = await host.SignedIn("rita");
        await Upload(page, host.Zip("qinghe-city"));
        await WaitForMap(page);
        var before = await Centre(page);

        await page.ClickAsync("#findings tr[data-rule='LINE-001']");
        await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.selected && !window.efMap.isMoving()");

        var after = await Centre(page);
        Assert.NotEqual(before, after);
        Assert.Equal("ecological_redline/ERL-04", await page.GetAttributeAsync("#map", "data-selected"));
        await BrowserHost.Screenshot(page, "review-map");
    }

    [SkippableFact]
    public async Task FeatureClick_ShowsOnlyThatFeaturesFindings()
    {
        await using var host = await BrowserHost.Start();
        var page = await host.SignedIn("rita");
        await Upload(page, host.Zip("qinghe-city"));
        await WaitForMap(page);
        await page.ClickAsync("#findings tr[data-rule='LINE-001']");
        await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.selected && !window.efMap.isMoving() && window.efMap.areTilesLoaded()");

        // The map is centred on the finding's feature now: click the middle of the map.
        var box = (await page.Locator("#map canvas").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.WaitForSelectorAsync("#featureFilter:not(.hidden)");

        var key = (await page.GetAttributeAsync("#featureFilter", "data-feature"))!;
        var subjects = await page.Locator("#findings tr .message .muted").AllTextContentsAsync();
        Assert.NotEmpty(subjects);
        Assert.All(subjects, s => Assert.Contains(key, s, StringComparison.Ordinal));
        await BrowserHost.Screenshot(page, "feature-findings");
    }

    [SkippableFact]
    public async Task CorrectedVersion_CarriesTheExceptionAndMarksTheFindingFixed()
    {
        await using var host = await BrowserHost.Start();
        var page = await host.SignedIn("rita");
        await Upload(page, host.Zip("qinghe-city"));
        var row = page.Locator("#findings tr[data-rule='LINE-001']");
        var fingerprint = await row.GetAttributeAsync("data-fingerprint");
        await row.Locator("select[name=decision]").SelectOptionAsync("exception");
        await row.Locator("input[name=note]").FillAsync("经听证同意保留");
        await row.Locator("input[name=document]").FillAsync("清自然资函〔2026〕12号");
        await row.Locator("button").ClickAsync();
        await page.WaitForSelectorAsync($"#findings tr[data-fingerprint='{fingerprint}'] .decided");

        await Upload(page, host.Zip("qinghe-city", Corrected));

        var carried = page.Locator($"#findings tr[data-fingerprint='{fingerprint}']");
        Assert.Contains("清自然资函〔2026〕12号", await carried.Locator(".decided").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("unchanged", await carried.GetAttributeAsync("data-state"));
        Assert.Equal("fixed", await page.GetAttributeAsync("#findings tr[data-rule='DATA-008']", "data-state"));
        await WaitForMap(page);
        await BrowserHost.Screenshot(page, "compare");
    }

    [SkippableFact]
    public async Task ReviewPage_HasNoSeriousAccessibilityViolation()
    {
        await using var host = await BrowserHost.Start();
        var page = await host.SignedIn("rita");
        await Upload(page, host.Zip("qinghe-city"));
        await WaitForMap(page);

        Assert.Empty(await Serious(page));
    }
}
