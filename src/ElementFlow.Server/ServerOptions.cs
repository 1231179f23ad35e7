using ElementFlow.Checking;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Text;
using ElementFlow.IO.Layers;
using ElementFlow.Sources;

namespace ElementFlow.Server;

/// <summary>How a review server runs: where it keeps its data, where it listens, what it accepts.</summary>
public sealed record ServerOptions
{
    /// <summary>The default for <c>--max-upload</c>: 256 MB as sent.</summary>
    public const long DefaultMaxUploadBytes = 256L * 1000 * 1000;

    /// <summary>The default for <c>--max-package-size</c> on the server: 1 GiB unpacked (the CLI allows more).</summary>
    public const long DefaultMaxPackageBytes = 1L << 30;

    /// <summary>The folder of the embedded store: the database, uploaded packages and written reports.</summary>
    public required string DataFolder { get; init; }

    /// <summary>An Npgsql connection string: users, reviews, decisions and the audit trail in PostgreSQL instead of the embedded store; files stay in <see cref="DataFolder"/>.</summary>
    public string? StoreConnection { get; init; }

    /// <summary>The addresses to listen on; default <c>http://127.0.0.1:8080</c>.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:8080"];

    /// <summary>Most bytes one upload may send.</summary>
    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    /// <summary>How large a package, layer and geometry may be; the package size defaults lower than the CLI's.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default with { MaxPackageBytes = DefaultMaxPackageBytes };

    /// <summary>Checks that run at once; the rest wait in the queue. Zero runs none (the queue only fills).</summary>
    public int MaxConcurrentChecks { get; init; } = DefaultConcurrency;

    /// <summary>Bytes of managed heap above which no further check starts while one runs (a check alone always runs).</summary>
    public long MemoryBudget { get; init; } = MemoryGate.DefaultBudget;

    /// <summary>The rule-set folders or files the checks run with.</summary>
    public required IReadOnlyList<string> RuleFolders { get; init; }

    /// <summary>The built-in rule sets, for profiles that extend them.</summary>
    public required string BuiltInRules { get; init; }

    /// <summary>The layer sources plan.yaml entries may name: the package formats, plus any the host adds (FileGDB).</summary>
    public LayerSources Sources { get; init; } = PackageFormats.Sources;

    /// <summary>The language reports are written in and messages default to.</summary>
    public Language Language { get; init; } = Language.Zh;

    /// <summary>One check per two cores, at least one: a check already measures on several threads.</summary>
    public static int DefaultConcurrency => Math.Max(1, Environment.ProcessorCount / 2);
}
