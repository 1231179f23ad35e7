namespace ElementFlow.Server.Store;

/// <summary>The files of the embedded store: the database, uploaded packages and written reports, all under one folder.</summary>
public sealed class DataFolder
{
    public DataFolder(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Packages);
        Directory.CreateDirectory(Reports);
        Directory.CreateDirectory(Incoming);
    }

    public string Root { get; }

    public string Database => Path.Combine(Root, "elementflow.db");

    public string Packages => Path.Combine(Root, "packages");

    public string Reports => Path.Combine(Root, "reports");

    /// <summary>The data-protection keys that seal session cookies and anti-forgery tokens.</summary>
    public string Keys => Path.Combine(Root, "keys");

    /// <summary>Uploads being received; a file here was never answered 202 and may be deleted.</summary>
    public string Incoming => Path.Combine(Root, "incoming");

    /// <summary>The package of a review. Ids are checked by <see cref="ReviewIds"/> before they reach a path.</summary>
    public string Package(string id) => Path.Combine(Packages, ReviewIds.Require(id) + ".zip");

    public string Report(string id, string format) => Path.Combine(Reports, ReviewIds.Require(id), "report." + format);

    public string ReportFolder(string id) => Path.Combine(Reports, ReviewIds.Require(id));

    /// <summary>The embedded store in this folder, or the PostgreSQL one when a connection string is given.</summary>
    public IReviewStore OpenStore(string? postgres = null) => postgres is null ? new SqliteReviewStore(Database) : new PostgresReviewStore(postgres);
}

/// <summary>Review ids: 32 lower-case hex digits, nothing else, so an id can never name a path.</summary>
public static class ReviewIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public static string Require(string id) => IsValid(id) ? id : throw new ArgumentException($"'{id}' is not a review id", nameof(id));
}
