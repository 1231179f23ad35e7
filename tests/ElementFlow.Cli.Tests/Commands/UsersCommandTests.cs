using System.Diagnostics;
using ElementFlow.Server.Security;
using ElementFlow.Server.Store;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary><c>elementflow users</c> and <c>serve</c>'s refusals, run as the built binary with a password on stdin.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "ef-users-" + Guid.NewGuid().ToString("N"));

    private static (int Exit, string Out, string Err) Run(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "elementflow.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        if (stdin is not null) process.StandardInput.WriteLine(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr);
    }

    [Fact]
    public void UsersAdd_StoresTheUserWithTheStdinPasswordHashed()
    {
        var (exit, _, err) = Run("a long password", "users", "add", "wang", "--role", "reviewer", "--data", _data);

        Assert.True(exit == ExitCodes.Clean, err);
        var user = new DataFolder(_data).OpenStore().FindUser("wang")!;
        Assert.Equal(Role.Reviewer, user.Role);
        Assert.True(Passwords.Verify(user, "a long password"));
    }

    [Fact]
    public void UsersAdd_ShortPassword_ExitsTwo()
    {
        var (exit, _, err) = Run("short", "users", "add", "wang", "--role", "planner", "--data", _data, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("at least 8 characters", err, StringComparison.Ordinal);
    }

    [Fact]
    public void UsersToken_PrintsATokenThatSignsTheUserIn()
    {
        Run("a long password", "users", "add", "li", "--role", "planner", "--data", _data);

        var (exit, token, _) = Run(null, "users", "token", "li", "--data", _data);

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Equal("li", new DataFolder(_data).OpenStore().FindUserByToken(Tokens.Hash(token.Trim()))?.Name);
    }

    [Fact]
    public void UsersToken_UnknownUser_ExitsTwo()
    {
        var (exit, _, _) = Run(null, "users", "token", "nobody", "--data", _data);

        Assert.Equal(ExitCodes.BadInput, exit);
    }

    [Fact]
    public void Serve_PostgresStoreThatCannotBeReached_ExitsTwoNamingTheStore()
    {
        var (exit, _, err) = Run(null, "serve", "--store", "postgres://127.0.0.1:1/review");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("127.0.0.1:1/review", err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
