namespace ElementFlow.Cli.Tests;

/// <summary>Paths of the repository the tests run in, and the real CLI run in-process.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Examples => Path.Combine(Root, "example-plans");

    /// <summary>A path as a user in the test's working folder would type it; keeps reports stable across machines.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path).Replace('\\', '/');

    /// <summary>Runs the CLI as <c>elementflow ARGS</c> and captures exit code, stdout and stderr.</summary>
    public static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the ElementFlow repository.");
    }
}
