using ElementFlow.Checking;
using Spectre.Console;

namespace ElementFlow.Cli.Progress;

/// <summary>
/// The live display of a long check on stderr at a terminal: phase, plan, rule, how far, elapsed. It clears
/// itself when the check ends, so what stays on the terminal is the same as without it.
/// </summary>
public sealed class LiveProgress
{
    private readonly IAnsiConsole _console;

    private LiveProgress(IAnsiConsole console) => _console = console;

    /// <summary>A display on the process's stderr, or null when nobody watches it: stderr redirected, or <c>CI=true</c>.</summary>
    public static LiveProgress? ForTerminal()
    {
        if (Console.IsErrorRedirected) return null;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        return new LiveProgress(console);
    }

    /// <summary>Runs a check with the display following the service's progress.</summary>
    public T Run<T>(CheckService service, Func<T> check) => _console.Progress()
        .AutoClear(true)
        .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
        .Start(context =>
        {
            var task = context.AddTask(Markup.Escape(CheckProgress.LoadPlans), maxValue: 1);
            void Follow(object? sender, CheckProgress p)
            {
                task.Description = Markup.Escape(Describe(p));
                task.Value = p.Fraction;
            }

            service.Progress += Follow;
            try
            {
                return check();
            }
            finally
            {
                service.Progress -= Follow;
            }
        });

    /// <summary>"measure qinghe-city LINE-006 (+2)": the phase, the plan and the rule at work.</summary>
    internal static string Describe(CheckProgress p)
    {
        var plan = p.Plan is null ? "" : " " + Path.GetFileName(p.Plan.TrimEnd('/', '\\'));
        var rules = p.Rules.Count switch
        {
            0 => "",
            1 => " " + p.Rules[0],
            _ => $" {p.Rules[0]} (+{p.Rules.Count - 1})",
        };
        return p.Phase + plan + rules;
    }
}
