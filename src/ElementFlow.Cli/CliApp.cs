using System.CommandLine;
using ElementFlow.Cli.Commands;

namespace ElementFlow.Cli;

/// <summary>The command tree. Each verb lives in its own class under Commands/.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, Environment.GetEnvironmentVariable);

    /// <param name="environment">Reads an environment variable (the locale decides the language of <c>--help</c>).</param>
    /// <param name="live">The live progress display for long checks, or null (tests, redirected stderr, CI).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Progress.LiveProgress? live = null)
    {
        HelpText.Use(HelpText.Choose(args, environment));
        var console = new CliConsole(stdout, stderr) { Live = live };
        var root = Root(console);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"elementflow: {error.Message}");
            stderr.WriteLine(HelpText.T("请运行 'elementflow --help' 查看用法。", "Try 'elementflow --help'."));
            return ExitCodes.BadInput;
        }

        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            // System.CommandLine writes the help; its headings are put in the help language and the examples added.
            using var help = new StringWriter();
            parsed.Invoke(new InvocationConfiguration { Output = help, Error = stderr });
            stdout.Write(HelpText.Finish(help.ToString(), parsed.CommandResult.Command));
            stdout.Flush();
            return ExitCodes.Clean;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"elementflow: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>The command tree, its descriptions in the help language of this run.</summary>
    public static RootCommand Root(CliConsole console)
    {
        var root = Tree(console);
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new PrintVersion();
        return root;
    }

    private static RootCommand Tree(CliConsole console) => new(HelpText.T(
        "ElementFlow：国土空间规划合规检查。读取规划包（plan.yaml、指标、图层），按规则集检查，报告违规要素。",
        "ElementFlow: compliance checks for territorial spatial plans (国土空间规划). Reads plan packages (plan.yaml, indicators, layers), runs the rule sets and reports the features at fault."))
    {
        CheckCommand.Create(console),
        InitCommand.Create(console),
        ReviewCommand.Create(console),
        SiloCommand.Create(console),
        new Command("rules", HelpText.T("校验、测试和列出规则集", "Validate, test and list rule sets"))
        {
            RulesLintCommand.Create(console),
            RulesTestCommand.Create(console),
            RulesListCommand.Create(console),
        },
        ExplainCommand.Create(console),
        ServeCommand.Create(console),
        UsersCommand.Create(console),
        DocsCommand.Create(console),
        CompletionCommand.Create(console),
    };
}

/// <summary><c>--version</c>: the tool's version as reports state it (not the host's, when run in-process).</summary>
internal sealed class PrintVersion : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine($"elementflow {ToolInfo.Version}");
        return ExitCodes.Clean;
    }
}

/// <summary>Where commands write: machine output to stdout, people's messages to stderr.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>Where a long check shows its progress; null when nobody watches stderr.</summary>
    public Progress.LiveProgress? Live { get; init; }

    /// <summary>Where a command reads what the user types (a password); the process's stdin unless a test gives one.</summary>
    public TextReader In { get; init; } = System.Console.In;
}
