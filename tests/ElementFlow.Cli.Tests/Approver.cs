namespace ElementFlow.Cli.Tests;

/// <summary>
/// A small snapshot approver: compares text with an approved file beside the tests. On a difference it
/// writes NAME.received.txt and fails; set EF_APPROVE=1 to accept the received text as approved.
/// </summary>
public static class Approver
{
    private static string Folder => Path.Combine(Repo.Root, "tests", "ElementFlow.Cli.Tests", "Approved");

    public static void Verify(string name, string actual)
    {
        var approved = Path.Combine(Folder, name + ".approved.txt");
        var received = Path.Combine(Folder, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("EF_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No approved snapshot {approved}. Review {received} and approve it (EF_APPROVE=1 dotnet test)."
            : $"Output differs from {approved}; see {received} (diff them, then approve with EF_APPROVE=1 if the change is intended).");
    }
}
