namespace ElementFlow.Reports.Tests;

/// <summary>
/// Snapshot approval for writer output: compares with Approved/NAME.approved.EXT. On a difference it
/// writes NAME.received.EXT beside it and fails; EF_APPROVE=1 accepts the received output.
/// </summary>
public static class Approver
{
    private static string Folder => Path.Combine(Repo.Root, "tests", "ElementFlow.Reports.Tests", "Approved");

    public static void Verify(string name, string extension, string actual)
    {
        var approved = Path.Combine(Folder, $"{name}.approved.{extension}");
        var received = Path.Combine(Folder, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("EF_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No approved snapshot {approved}. Review {received} and approve it (EF_APPROVE=1 dotnet test)."
            : $"Output differs from {approved}; see {received} (diff them, then approve with EF_APPROVE=1 if the change is intended).");
    }
}

/// <summary>Paths in the repository the tests run in.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The official SARIF schema, kept in shared/ beside the repository (never copied into it).</summary>
    public static string SarifSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "sarif-schema-2.1.0.json"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElementFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the ElementFlow repository.");
    }
}
