using ElementFlow.Fuzz;

namespace ElementFlow.IO.Tests.Fuzz;

/// <summary>
/// A small in-process stand-in for afl-fuzz on the File Geodatabase target: the seeds with bytes flipped,
/// runs truncated and blocks copied at fixed random positions, so every run sees the same inputs.
/// </summary>
public class FileGdbMutationTests
{
    [Fact]
    public void FileGdb_MutatedSeeds_NoExceptionEscapes()
    {
        var seeds = Directory.GetFiles(Path.Combine(RepoRoot(), "tests", "fuzz", "seeds", "filegdb")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var random = new Random(2013);
        var runs = 0;
        foreach (var seed in seeds)
        {
            for (var round = 0; round < 60; round++)
            {
                var input = (byte[])seed.Clone();
                switch (round % 3)
                {
                    case 0:
                        for (var k = 0; k < 1 + (round % 7); k++) input[random.Next(input.Length)] = (byte)random.Next(256);
                        break;
                    case 1:
                        input = input[..random.Next(input.Length)];
                        break;
                    default:
                        var from = random.Next(input.Length - 8);
                        var to = random.Next(input.Length - 8);
                        Array.Copy(seed, from, input, to, 8);
                        break;
                }

                FuzzTargets.FileGdb(input);
                runs++;
            }
        }

        Assert.Equal(seeds.Count * 60, runs);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ElementFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
