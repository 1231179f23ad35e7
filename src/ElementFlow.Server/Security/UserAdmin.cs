using ElementFlow.Core.Text;
using ElementFlow.Server.Store;

namespace ElementFlow.Server.Security;

/// <summary>Adds users and issues tokens: what <c>elementflow users</c> and the admin API do.</summary>
public sealed class UserAdmin(IReviewStore store)
{
    /// <summary>Adds a user with a hashed password; the error in both languages when refused.</summary>
    public LocalizedText? Add(string name, Role role, string password, string by)
    {
        if (!ValidName(name)) return Messages.BadUserName(name);
        if (password.Length < 8) return Messages.ShortPassword;
        if (!store.AddUser(new StoredUser(name, role, Passwords.Hash(name, password)))) return Messages.UserExists(name);
        store.Audit(by, "add-user", null, $"{name} as {role.Name()}", DateTimeOffset.UtcNow);
        return null;
    }

    /// <summary>A new API token for the user, or null when there is no such user.</summary>
    public string? IssueToken(string name, string by)
    {
        if (store.FindUser(name) is null) return null;
        var token = Tokens.New();
        store.AddToken(name, Tokens.Hash(token));
        store.Audit(by, "issue-token", null, name, DateTimeOffset.UtcNow);
        return token;
    }

    /// <summary>Names of letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, up to 64.</summary>
    public static bool ValidName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-');
}
