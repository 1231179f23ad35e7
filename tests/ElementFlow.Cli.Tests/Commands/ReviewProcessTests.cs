using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary><c>elementflow review</c> as a process: killed with SIGKILL in the middle, then run again, it ends with check's report.</summary>
public class ReviewProcessTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "elementflow.dll");

    private static ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    private static (int Exit, string Err) Run(params string[] args)
    {
        using var process = Process.Start(Start(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr);
    }

    [Fact]
    public void Review_KilledMidwayThenRunAgain_ResumesAndWritesChecksReport()
    {
        var output = Path.Combine(Path.GetTempPath(), "ef-review-kill-" + Guid.NewGuid().ToString("N")[..8]);
        string[] review = ["review", Repo.Examples, "--out", output, "--rules", Repo.Rules, "--lang", "en", "--as-of", "2026-01-01", "--workers", "1"];
        using (var first = Process.Start(Start(review))!)
        {
            _ = first.StandardOutput.ReadToEndAsync();
            string? line;
            while ((line = first.StandardError.ReadLine()) is not null && !line.StartsWith("[2/", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            first.Kill();
            first.WaitForExit();
        }

        var (exit, err) = Run(review);
        var checkJson = Path.Combine(output, "check.json");
        Run("check", Repo.Examples, "--rules", Repo.Rules, "--lang", "en", "--as-of", "2026-01-01", "--format", "json", "--out", checkJson);

        Assert.True(exit == ExitCodes.Findings, $"exit {exit}: {err}");
        Assert.True(err.Split('\n').Count(l => l.Contains("done in the ledger", StringComparison.Ordinal)) >= 2, err);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(checkJson)), JsonNode.Parse(File.ReadAllText(Path.Combine(output, "report.json")))), "report.json differs from check's");
    }
}
