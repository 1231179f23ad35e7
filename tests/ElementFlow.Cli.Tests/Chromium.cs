using System.Diagnostics;

namespace ElementFlow.Cli.Tests;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package) for tests that open the HTML report the way a
/// reviewer would. Absent on a machine without it: tests skip and say so (.ci/run installs it).
/// </summary>
public static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string? Executable { get; } = new[] { "chromium", "chromium-browser", "google-chrome" }
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);

    public const string Missing = "chromium is not installed (apt-get install -y chromium; .ci/run does it in CI), so the HTML report was not opened in a browser";

    /// <summary>Loads the page, runs its script and returns the DOM after it ran, and what the browser logged.</summary>
    public static (string Dom, string Log) DumpDom(string url) => Run(["--dump-dom", url]);

    /// <summary>Loads the page in a window of the given size and saves a PNG of it.</summary>
    public static string Screenshot(string url, string png, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.Delete(png);
        var (_, log) = Run([$"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", url]);
        return log;
    }

    /// <summary>Console messages and uncaught errors of the page, from Chromium's log.</summary>
    public static IReadOnlyList<string> ConsoleLines(string log) =>
        log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();

    private static (string Out, string Err) Run(IEnumerable<string> args)
    {
        var profile = Directory.CreateTempSubdirectory("ef-chromium-").FullName;
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(Missing))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                 }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within {Timeout.TotalSeconds} s");
            }

            return (stdout.Result, stderr.Result);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment; the temp folder is cleaned later.
            }
        }
    }
}
