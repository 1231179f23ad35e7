namespace ElementFlow.Checking.Tests;

/// <summary>Paths of the repository the tests run in.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Examples => Path.Combine(Root, "example-plans");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the ElementFlow repository.");
    }
}
