using System.Diagnostics;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary>The files a reviewer hands on (xlsx, pdf): written to a file, never to the terminal, and the run says where.</summary>
public class ReviewerFileTests
{
    private static readonly string Rules = Repo.Relative(Repo.Rules);
    private static readonly string City = Repo.Relative(Path.Combine(Repo.Examples, "qinghe-city"));

    [Fact]
    public void Check_XlsxWithOut_WritesAWorkbookAndSaysWhereItWent()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ef-{Guid.NewGuid():N}.xlsx");

        var (exit, stdout, stderr) = Repo.Cli("check", City, "--rules", Rules, "--format", "xlsx", "--out", file);

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"报告已写入 {file}", stderr);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(file)[..2]);
        File.Delete(file);
    }

    [Fact]
    public void Check_OutInEnglish_SaysWhereTheReportWent()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ef-{Guid.NewGuid():N}.json");

        var (_, _, stderr) = Repo.Cli("check", City, "--rules", Rules, "--format", "json", "--out", file, "--lang", "en");

        Assert.Contains($"Report written to {file}", stderr);
        File.Delete(file);
    }

    [Fact]
    public void Check_XlsxWithoutOut_WritesANamedFileInTheWorkingFolderNotToStdout()
    {
        var folder = Directory.CreateTempSubdirectory("ef-xlsx-cwd-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "elementflow.dll"), "check", Path.Combine(Repo.Examples, "qinghe-city"), "--rules", Repo.Rules, "--format", "xlsx" },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        var expected = Path.Combine(folder, "elementflow-report.xlsx");
        Assert.True(process.ExitCode == ExitCodes.Findings, $"exit {process.ExitCode}: {stderr}");
        Assert.Equal("", stdout);
        Assert.Contains($"报告已写入 {expected}", stderr);
        Assert.True(File.Exists(expected));
        Directory.Delete(folder, recursive: true);
    }
}
