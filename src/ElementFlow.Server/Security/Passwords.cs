using ElementFlow.Server.Store;
using Microsoft.AspNetCore.Identity;

namespace ElementFlow.Server.Security;

/// <summary>Password hashes by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned).</summary>
public static class Passwords
{
    private static readonly PasswordHasher<StoredUser> Hasher = new();

    public static string Hash(string name, string password) => Hasher.HashPassword(new StoredUser(name, Role.Planner, ""), password);

    public static bool Verify(StoredUser user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
