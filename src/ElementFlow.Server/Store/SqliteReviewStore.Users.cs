using Microsoft.Data.Sqlite;

namespace ElementFlow.Server.Store;

public sealed partial class SqliteReviewStore
{
    public bool AddUser(StoredUser user)
    {
        using var db = Open();
        try
        {
            Execute(db, "INSERT INTO users (name, role, password) VALUES ($name, $role, $password)",
                ("$name", user.Name), ("$role", user.Role.Name()), ("$password", user.PasswordHash));
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: the name is taken.
            return false;
        }
    }

    public StoredUser? FindUser(string name)
    {
        using var db = Open();
        return Query(db, "SELECT name, role, password FROM users WHERE name = $name", ReadUser, ("$name", name)).FirstOrDefault();
    }

    public StoredUser? FindUserByToken(string tokenHash)
    {
        using var db = Open();
        return Query(db, "SELECT u.name, u.role, u.password FROM tokens t JOIN users u ON u.name = t.user WHERE t.hash = $hash", ReadUser, ("$hash", tokenHash)).FirstOrDefault();
    }

    public void AddToken(string user, string tokenHash)
    {
        using var db = Open();
        Execute(db, "INSERT INTO tokens (hash, user) VALUES ($hash, $user)", ("$hash", tokenHash), ("$user", user));
    }

    public IReadOnlyList<StoredUser> Users()
    {
        using var db = Open();
        return Query(db, "SELECT name, role, password FROM users ORDER BY name", ReadUser);
    }

    private static StoredUser ReadUser(SqliteDataReader r) =>
        new(r.GetString(0), Roles.TryParse(r.GetString(1), out var role) ? role : Role.Planner, r.GetString(2));
}
