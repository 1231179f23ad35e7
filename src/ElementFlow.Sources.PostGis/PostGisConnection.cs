using System.Globalization;
using ElementFlow.Core.Text;
using Npgsql;

namespace ElementFlow.Sources.PostGis;

/// <summary>
/// Where the PostGIS store is: <c>--db</c> (a <c>postgres://</c> URI or an Npgsql connection string) or, without it,
/// the libpq environment (<c>PGHOST</c>, <c>PGPORT</c>, <c>PGDATABASE</c>, <c>PGUSER</c>, <c>PGPASSWORD</c>; a password
/// left out is looked up in <c>PGPASSFILE</c> or <c>~/.pgpass</c>, as libpq does).
/// </summary>
public sealed class PostGisConnection
{

    private PostGisConnection(NpgsqlConnectionStringBuilder settings, TimeSpan statementTimeout)
    {
        Settings = settings;
        StatementTimeout = statementTimeout;
    }

    public NpgsqlConnectionStringBuilder Settings { get; }

    /// <summary>How long one statement may run (<c>--statement-timeout</c>); zero for no limit.</summary>
    public TimeSpan StatementTimeout { get; }

    public string Host => Settings.Host ?? "localhost";
    public int Port => Settings.Port;
    public string Database => Settings.Database ?? Settings.Username ?? "";
    public string User => Settings.Username ?? "";

    /// <summary><c>host:port/database</c>, as messages name the store (never the password).</summary>
    public string Shown => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Database}";

    /// <summary>Reads <c>--db</c>, or the environment when it is absent.</summary>
    /// <param name="db">The <c>--db</c> value, or null.</param>
    /// <param name="environment">The process environment (a parameter so tests need not change the real one).</param>
    /// <param name="error">Why the value cannot be used, in both languages.</param>
    public static PostGisConnection? Resolve(string? db, Func<string, string?> environment, TimeSpan statementTimeout, out LocalizedText? error)
    {
        error = null;
        NpgsqlConnectionStringBuilder settings;
        if (string.IsNullOrWhiteSpace(db))
        {
            settings = new NpgsqlConnectionStringBuilder();
        }
        else if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            settings = FromUri(db, out error) ?? new NpgsqlConnectionStringBuilder();
            if (error is not null) return null;
        }
        else
        {
            try
            {
                settings = new NpgsqlConnectionStringBuilder(db);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                error = new LocalizedText(
                    $"--db 既不是 postgres:// 地址也不是可用的 Npgsql 连接串（{e.Message}）；例如 --db postgres://reviewer@db.example:5432/yizhangtu",
                    $"--db is neither a postgres:// URI nor a usable Npgsql connection string ({e.Message}); e.g. --db postgres://reviewer@db.example:5432/yizhangtu");
                return null;
            }
        }

        // The libpq environment fills what --db leaves out, as psql does.
        if (string.IsNullOrEmpty(settings.Host)) settings.Host = environment("PGHOST") is { Length: > 0 } h ? h : "localhost";
        if (!PortGiven(db) && environment("PGPORT") is { Length: > 0 } p)
        {
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                error = new LocalizedText($"环境变量 PGPORT 的值 '{p}' 不是端口号（1–65535）", $"PGPORT is '{p}', which is not a port number (1–65535)");
                return null;
            }

            settings.Port = port;
        }

        if (string.IsNullOrEmpty(settings.Username)) settings.Username = environment("PGUSER") is { Length: > 0 } u ? u : Environment.UserName;
        if (string.IsNullOrEmpty(settings.Database)) settings.Database = environment("PGDATABASE") is { Length: > 0 } d ? d : settings.Username;
        if (string.IsNullOrEmpty(settings.Password) && environment("PGPASSWORD") is { Length: > 0 } password) settings.Password = password;
        if (string.IsNullOrEmpty(settings.Passfile))
        {
            var passfile = environment("PGPASSFILE") is { Length: > 0 } pf ? pf
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pgpass");
            if (File.Exists(passfile)) settings.Passfile = passfile;
        }

        settings.ApplicationName ??= "elementflow";
        // The server's statement_timeout ends a long statement; the client's own timeout is only a backstop behind it.
        settings.CommandTimeout = statementTimeout <= TimeSpan.Zero ? 0 : (int)Math.Min(int.MaxValue, statementTimeout.TotalSeconds + 30);
        settings.Pooling = true;
        return new PostGisConnection(settings, statementTimeout);
    }

    private static bool PortGiven(string? db)
    {
        if (string.IsNullOrWhiteSpace(db)) return false;
        if (db.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && db.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(db, UriKind.Absolute, out var uri) && (uri.Port > 0 || uri.Query.Contains("port=", StringComparison.OrdinalIgnoreCase));
        }

        return new System.Data.Common.DbConnectionStringBuilder { ConnectionString = db }.ContainsKey("port");
    }

    /// <summary><c>postgres://user:password@host:port/database?sslmode=require</c>, as libpq reads it.</summary>
    private static NpgsqlConnectionStringBuilder? FromUri(string text, out LocalizedText? error)
    {
        error = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) && uri.AbsolutePath.Length <= 1)
        {
            error = new LocalizedText(
                "--db 的地址无法解析；应写作 postgres://用户@主机:端口/数据库",
                "--db is not a URI that can be read; write postgres://user@host:port/database");
            return null;
        }

        var settings = new NpgsqlConnectionStringBuilder();
        if (!string.IsNullOrEmpty(uri.Host)) settings.Host = uri.Host.Trim('[', ']');
        if (uri.Port > 0) settings.Port = uri.Port;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) settings.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            settings.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) settings.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                switch (key.ToLowerInvariant())
                {
                    case "sslmode": settings.SslMode = Enum.Parse<SslMode>(value, ignoreCase: true); break;
                    case "connect_timeout": settings.Timeout = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "application_name": settings.ApplicationName = value; break;
                    case "user": settings.Username = value; break;
                    case "password": settings.Password = value; break;
                    case "dbname": settings.Database = value; break;
                    case "host": settings.Host = value; break;
                    case "port": settings.Port = int.Parse(value, CultureInfo.InvariantCulture); break;
                    default:
                        error = new LocalizedText($"--db 中的参数 {key} 不受支持（可用 sslmode、connect_timeout、application_name）",
                            $"--db has the parameter {key}, which is not supported (use sslmode, connect_timeout, application_name)");
                        return null;
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                error = new LocalizedText($"--db 中的参数 {key}={value} 无效", $"--db has an invalid {key}={value}");
                return null;
            }
        }

        return settings;
    }

    /// <summary>What to do when the store cannot be reached, in both languages, naming host, port and database.</summary>
    public LocalizedText Unreachable(string detail) => new(
        $"无法连接 PostGIS 数据库 {Database}（主机 {Host}，端口 {Port}，用户 {User}）：{detail}。请确认数据库已启动且可从本机访问，"
        + "用 --db postgres://用户@主机:端口/数据库 或环境变量 PGHOST、PGPORT、PGDATABASE、PGUSER 指明连接，密码放在 PGPASSWORD 或 ~/.pgpass 中。",
        $"Cannot connect to the PostGIS database {Database} (host {Host}, port {Port}, user {User}): {detail}. Check that the server runs and "
        + "accepts connections from this machine, and name it with --db postgres://user@host:port/database or PGHOST, PGPORT, PGDATABASE, PGUSER; "
        + "put the password in PGPASSWORD or ~/.pgpass.");
}
