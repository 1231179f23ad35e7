namespace ElementFlow.Server.Tests;

/// <summary>Paths in the repository, found from the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string ExamplePlan(string name) => Path.Combine(Root, "example-plans", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No ElementFlow.sln above {AppContext.BaseDirectory}.");
    }
}
