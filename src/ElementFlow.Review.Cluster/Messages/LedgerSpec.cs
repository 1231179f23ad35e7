using ElementFlow.Review.Ledger;

namespace ElementFlow.Review.Cluster.Messages;

/// <summary>The review's ledger, as a silo opens it: a folder (silos on the client's host, or shared storage) or a PostgreSQL connection string.</summary>
[GenerateSerializer, Immutable]
public sealed record LedgerSpec
{
    [Id(0)] public string? Folder { get; init; }

    [Id(1)] public string? Connection { get; init; }

    /// <summary>Which review the rows of a PostgreSQL ledger belong to.</summary>
    [Id(2)] public required string Review { get; init; }

    public string Key => Folder ?? $"{Connection}\u001f{Review}";

    /// <summary>Where the ledger is, whichever review: a folder or a connection string.</summary>
    public string Location => Folder ?? Connection!;

    public IReviewLedger Open() => Folder is { } folder ? new FolderLedger(folder) : new PostgresLedger(Connection!, Review);

    /// <summary>The spec of a ledger the client has open.</summary>
    public static LedgerSpec Of(IReviewLedger ledger, string? connection, string review) => ledger switch
    {
        FolderLedger folder => new LedgerSpec { Folder = folder.Name, Review = review },
        PostgresLedger when connection is not null => new LedgerSpec { Connection = connection, Review = review },
        _ => throw new ArgumentException($"a silo cannot open the ledger {ledger.Name}: use a folder or PostgreSQL ledger", nameof(ledger)),
    };
}
