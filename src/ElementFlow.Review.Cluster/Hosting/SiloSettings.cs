using System.Net;
using ElementFlow.Review.Cluster.Silo;

namespace ElementFlow.Review.Cluster.Hosting;

/// <summary>What <c>elementflow silo</c> was given.</summary>
public sealed record SiloSettings
{
    /// <summary>The Npgsql connection string of the membership database.</summary>
    public required string Cluster { get; init; }

    /// <summary>Silo-to-silo port; 0: a free one.</summary>
    public int Port { get; init; }

    /// <summary>Port clients connect to; 0: a free one.</summary>
    public int GatewayPort { get; init; }

    /// <summary>The address other silos and clients reach this one at; null: this host's first address.</summary>
    public IPAddress? Address { get; init; }

    public WorkshopOptions Workshop { get; init; } = new();

    /// <summary>Where the silo's log goes: the host decides (the CLI writes it to stderr); null: nowhere.</summary>
    public Action<Microsoft.Extensions.Logging.ILoggingBuilder>? Logging { get; init; }
}
