using System.CommandLine;
using System.Diagnostics;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary><c>--help</c> in the user's language with examples, <c>--version</c>, shell completion.</summary>
public class HelpTests
{
    private static (int Exit, string Out, string Err) Cli(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr, name => environment.GetValueOrDefault(name));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static readonly Dictionary<string, string> English = new() { ["LANG"] = "en_US.UTF-8" };
    private static readonly Dictionary<string, string> Chinese = new() { ["LANG"] = "zh_CN.UTF-8" };

    /// <summary>Every command of the tree, as the words after <c>elementflow</c>.</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        void Visit(Command c, string path)
        {
            data.Add(path);
            foreach (var sub in c.Subcommands) Visit(sub, (path + " " + sub.Name).Trim());
        }

        Visit(CliApp.Root(new CliConsole(TextWriter.Null, TextWriter.Null)), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EveryCommand_EndsWithExamplesInEnglish(string command)
    {
        var (exit, stdout, _) = Cli(English, [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", stdout);
        Assert.Matches(@"Examples:\r?\n  elementflow", stdout);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EveryCommandUnderAChineseLocale_IsInChineseWithExamples(string command)
    {
        var (exit, stdout, _) = Cli(Chinese, [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("用法：", stdout);
        Assert.Contains("示例：", stdout);
        Assert.DoesNotContain("Usage:", stdout);
    }

    [Fact]
    public void Help_WithLangZh_IsInChineseWhateverTheLocale()
    {
        var (_, stdout, _) = Cli(English, "check", "--help", "--lang", "zh");

        Assert.Contains("按规则检查规划包", stdout);
    }

    [Fact]
    public void Help_WithLangEn_IsInEnglishUnderAChineseLocale()
    {
        var (_, stdout, _) = Cli(Chinese, "check", "--lang", "en", "--help");

        Assert.Contains("Check plan packages against the rules", stdout);
    }

    [Fact]
    public void Help_WithoutLocaleOrLang_IsInEnglish()
    {
        var (_, stdout, _) = Cli(new Dictionary<string, string>(), "--help");

        Assert.Contains("Usage:", stdout);
    }

    [Fact]
    public void Version_PrintsTheToolVersion()
    {
        var (exit, stdout, _) = Cli(English, "--version");

        Assert.Equal(0, exit);
        Assert.Equal($"elementflow {typeof(CliApp).Assembly.GetName().Version!.ToString(3)}", stdout.Trim());
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _elementflow_complete elementflow")]
    [InlineData("zsh", "compdef _elementflow elementflow")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName elementflow")]
    public void Completion_PrintsTheScriptOfTheShell(string shell, string registers)
    {
        var (exit, stdout, _) = Cli(English, "completion", shell);

        Assert.Equal(0, exit);
        Assert.Contains(registers, stdout);
    }

    [SkippableFact]
    public void Completion_Bash_CompletesAnOptionValueByAskingTheTool()
    {
        Skip.IfNot(File.Exists("/bin/bash"), "bash is not installed");
        var (_, script, _) = Cli(English, "completion", "bash");
        var dll = Path.Combine(AppContext.BaseDirectory, "elementflow.dll");
        const string line = "elementflow check --format sa";
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"elementflow() {{ dotnet '{dll}' \"$@\"; }}\n{script}\n"
            + $"COMP_LINE='{line}'; COMP_POINT={line.Length}; COMP_WORDS=(elementflow check --format sa); COMP_CWORD=3\n"
            + "_elementflow_complete; printf '%s\\n' \"${COMPREPLY[@]}\"");

        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();

        Assert.Equal("sarif", stdout.Trim());
    }

    [Fact]
    public void RulesTest_WithoutArgumentWhereThereAreNoRuleTests_IsAUsageErrorNotFailures()
    {
        var folder = Directory.CreateTempSubdirectory("ef-no-rules-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "elementflow.dll"), "rules", "test", "--lang", "en" }) start.ArgumentList.Add(a);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Directory.Delete(folder, recursive: true);

        Assert.Equal(ExitCodes.BadInput, process.ExitCode);
        Assert.Contains("no tests/ folder", stderr);
        Assert.DoesNotContain("failed", stdout + stderr);
    }
}
