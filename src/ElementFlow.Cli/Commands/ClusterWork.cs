using System.Globalization;
using ElementFlow.Checking;
using ElementFlow.Core.Limits;
using ElementFlow.Review;
using ElementFlow.Review.Cluster.Messages;
using ElementFlow.Review.Cluster.Silo;
using ElementFlow.Rules;

namespace ElementFlow.Cli.Commands;

/// <summary>
/// The review's check settings as they travel to silos, and back into a check request there: the one place that
/// turns <c>review</c>'s options into <see cref="WorkSettings"/>, and <see cref="WorkSettings"/> into the runner a silo uses.
/// </summary>
internal sealed class ClusterWork : IWorkRunnerFactory
{
    public static WorkSettings Settings(IEnumerable<string>? rules, string language, DateOnly asOf, InputLimits limits) => new()
    {
        // builtin stays a word: each silo loads the built-in rules shipped beside its own binary.
        Rules = [.. (rules ?? []).Select(r => r == CommonOptions.BuiltIn ? r : Path.GetFullPath(r))],
        Language = language,
        AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        MaxPackageBytes = limits.MaxPackageBytes,
        MaxFeatures = limits.MaxFeatures,
        MaxVertices = limits.MaxVertices,
        MaxYamlAliases = limits.MaxYamlAliases,
        SourceRoot = Directory.GetCurrentDirectory(),
        ToolVersion = ToolInfo.Version,
    };

    public static CheckRequest Request(WorkSettings settings, RuleCatalog catalog, InputLimits limits) => new()
    {
        Plans = [],
        Rules = catalog,
        Settings = new CheckSettings
        {
            Language = CommonOptions.ParseLanguage(settings.Language),
            AsOf = DateOnly.ParseExact(settings.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Limits = limits,
            SourceRoot = settings.SourceRoot,
            Sources = PackageSources.All,
        },
    };

    public static InputLimits Limits(WorkSettings settings) => new()
    {
        MaxPackageBytes = settings.MaxPackageBytes,
        MaxFeatures = settings.MaxFeatures,
        MaxVertices = settings.MaxVertices,
        MaxYamlAliases = settings.MaxYamlAliases,
    };

    /// <summary>On a silo: the rules loaded as <c>check</c> loads them; a rule set that does not load refuses the review.</summary>
    public ITaskRunner Create(WorkSettings settings)
    {
        var limits = Limits(settings);
        var catalog = CommonOptions.LoadRules(settings.Rules, limits);
        if (catalog.HasErrors)
            throw new InvalidOperationException(string.Join("; ", catalog.Diagnostics.Select(d => d.Format(CommonOptions.ParseLanguage(settings.Language)))));
        return new CheckTaskRunner(Request(settings, catalog, limits), settings.ToolVersion);
    }
}
