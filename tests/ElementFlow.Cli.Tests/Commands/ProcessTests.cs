using System.Diagnostics;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary>The built binary, run as a separate process the way users and CI run it.</summary>
public class ProcessTests
{
    [Fact]
    public void Binary_CheckExampleCity_ExitsOneWithFindingsOnStdout()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "elementflow.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "check", Path.Combine(Repo.Examples, "qinghe-city"), "--rules", Repo.Rules, "--lang", "en" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == ExitCodes.Findings, $"exit {process.ExitCode}: {stderr}");
        Assert.Contains("LINE-001", stdout);
    }
}
