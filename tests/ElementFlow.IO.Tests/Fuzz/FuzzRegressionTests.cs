using ElementFlow.Fuzz;

namespace ElementFlow.IO.Tests.Fuzz;

/// <summary>
/// Replays every input that once crashed a fuzz target (tests/fuzz/crashes/TARGET/*) through the same
/// target: each must now come back as diagnostics, with no exception escaping the reader.
/// </summary>
public class FuzzRegressionTests
{
    public static TheoryData<string, string> Crashes()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(RepoRoot(), "tests", "fuzz", "crashes");
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Crashes))]
    public void Replay_FormerCrash_NoExceptionEscapes(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(RepoRoot(), "tests", "fuzz", "crashes", target, file));

        var run = Assert.Contains(target, FuzzTargets.All);
        run(input);
    }

    [Fact]
    public void Crashes_EachFolderIsAFuzzTarget()
    {
        foreach (var folder in Directory.GetDirectories(Path.Combine(RepoRoot(), "tests", "fuzz", "crashes")))
        {
            Assert.Contains(Path.GetFileName(folder), FuzzTargets.All.Keys);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ElementFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
