using System.CommandLine;
using ElementFlow.Cli.Commands;

namespace ElementFlow.Cli;

/// <summary>The command tree. Each verb lives in its own class under Commands/.</summary>
public static class CliApp
{
    /// <param name="live">The live progress display for long checks, or null (tests, redirected stderr, CI).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Progress.LiveProgress? live = null)
    {
        var console = new CliConsole(stdout, stderr) { Live = live };
        var root = new RootCommand("ElementFlow: compliance checks for territorial spatial plans (国土空间规划合规检查)")
        {
            CheckCommand.Create(console),
            new Command("rules", "Validate, test and list rule sets")
            {
                RulesLintCommand.Create(console),
                RulesTestCommand.Create(console),
                RulesListCommand.Create(console),
            },
            ExplainCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"elementflow: {error.Message}");
            stderr.WriteLine("Try 'elementflow --help'.");
            return ExitCodes.BadInput;
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
}

/// <summary>Where commands write: machine output to stdout, people's messages to stderr.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>Where a long check shows its progress; null when nobody watches stderr.</summary>
    public Progress.LiveProgress? Live { get; init; }
}
