using System.Diagnostics;

namespace ElementFlow.Review.Tests;

/// <summary>Paths of the repository the tests run in, and generated trees.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Examples => Path.Combine(Root, "example-plans");

    /// <summary>A small national tree (tests/benchmarks/make_tree.py --provinces) with seeded faults, generated once per test run.</summary>
    public static string NationalTree => Tree.Value;

    private static readonly Lazy<string> Tree = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ef-review-tree-{Environment.ProcessId}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var script = Path.Combine(Root, "tests", "benchmarks", "make_tree.py");
        using var python = Process.Start(new ProcessStartInfo("python3", [script, "--provinces", "2", "--cities", "2", "--counties", "3", "--parcels", "25", "--side", "1000", "--faults", "4", "--out", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("python3 could not be started; the review tests generate their tree with it");
        var errors = python.StandardError.ReadToEnd();
        python.WaitForExit();
        if (python.ExitCode != 0) throw new InvalidOperationException($"make_tree.py failed: {errors}");
        return folder;
    });

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the ElementFlow repository.");
    }
}
