namespace ElementFlow.Server.Store;

/// <summary>What a user may do: a planner uploads and sees their own reviews, a reviewer sees all and decides, an admin also manages users.</summary>
public enum Role
{
    Planner,
    Reviewer,
    Admin,
}

/// <summary>The role names as the command line and the API spell them.</summary>
public static class Roles
{
    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Role role)
    {
        role = default;
        return text is not null && text.All(char.IsAsciiLetterLower) && Enum.TryParse(text, ignoreCase: true, out role);
    }

    /// <summary>True for the roles that see every review and decide on findings.</summary>
    public static bool Reviews(this Role role) => role is Role.Reviewer or Role.Admin;
}

/// <summary>A user as stored: the password only as its hash.</summary>
public sealed record StoredUser(string Name, Role Role, string PasswordHash);

/// <summary>Where a review is.</summary>
public enum ReviewStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>One uploaded package and its check.</summary>
/// <param name="Sequence">The order of upload; later reviews of a plan inherit the decisions of earlier ones.</param>
/// <param name="Version">The how-manieth upload of this plan id (1, 2, ...).</param>
/// <param name="Summary">The report's <c>summary</c> object as JSON, once done.</param>
public sealed record StoredReview(
    string Id, long Sequence, string Owner, string Plan, int Version, string FileName, ReviewStatus Status,
    DateTimeOffset UploadedAt, DateTimeOffset? FinishedAt, string? Summary, string? Error);

/// <summary>What a reviewer decided on a finding, named by its fingerprint.</summary>
public sealed record StoredDecision(
    long Id, string Review, string Plan, string Finding, string Decision, string? Note, string? Document, string User, DateTimeOffset At);

/// <summary>The decisions a reviewer may make.</summary>
public static class Decisions
{
    public static IReadOnlyList<string> All { get; } = ["confirmed", "exception", "comment"];
}
