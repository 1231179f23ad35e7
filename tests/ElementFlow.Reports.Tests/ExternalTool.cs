using System.Diagnostics;

namespace ElementFlow.Reports.Tests;

/// <summary>
/// Debian programs the report tests open the files with, as a reviewer's machine would (LibreOffice,
/// poppler's pdftotext and pdftoppm). Missing on a developer's machine, a test skips and says what to
/// install; in CI (<c>CI=true</c>, where .ci/run installs them) a missing program fails the test.
/// </summary>
public sealed record ExternalTool(string Name, string Package)
{
    public static readonly ExternalTool LibreOffice = new("soffice", "libreoffice-calc-nogui");
    public static readonly ExternalTool PdfToText = new("pdftotext", "poppler-utils");
    public static readonly ExternalTool PdfToPpm = new("pdftoppm", "poppler-utils");

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, Name)).FirstOrDefault(File.Exists);

    /// <summary>Skips the calling test when the program is missing (fails instead in CI).</summary>
    public void SkipUnlessInstalled()
    {
        if (Executable is not null) return;
        var message = $"{Name} is not installed (apt-get install -y --no-install-recommends {Package}; .ci/run does it in CI)";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message);
        Skip.If(true, message);
    }

    /// <summary>Runs the program and returns its standard output; a non-zero exit fails the test with its stderr.</summary>
    public string Run(params string[] args)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException($"{Name} is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Name} did not finish within {Timeout.TotalMinutes} minutes");
        }

        Assert.True(process.ExitCode == 0, $"{Name} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
