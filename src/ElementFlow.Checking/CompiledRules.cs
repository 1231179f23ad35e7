using ElementFlow.Engine;
using ElementFlow.Rules;

namespace ElementFlow.Checking;

/// <summary>
/// Rules compiled once for many checks (a review's thousands of tasks run the same rules): pass it in
/// <see cref="CheckRequest.Compiled"/>. A check uses it only when it was compiled for the request's catalogue, rule
/// selection and as-of day; otherwise the check compiles its own, as without it. Safe to share between checks
/// running at the same time.
/// </summary>
public sealed class CompiledRules
{
    private CompiledRules(RuleCatalog catalog, IReadOnlyCollection<string>? only, DateOnly asOf, Checker checker)
    {
        Catalog = catalog;
        Only = only;
        AsOf = asOf;
        Checker = checker;
    }

    internal RuleCatalog Catalog { get; }

    /// <summary>The rule selection it was compiled for; pass this instance as <see cref="CheckRequest.OnlyRules"/>.</summary>
    public IReadOnlyCollection<string>? Only { get; }

    internal DateOnly AsOf { get; }

    internal Checker Checker { get; }

    /// <param name="only">The rules to run (null: all), as <see cref="CheckRequest.OnlyRules"/>; the same instance must be passed there.</param>
    public static CompiledRules Compile(RuleCatalog catalog, IReadOnlyCollection<string>? only, DateOnly asOf) =>
        new(catalog, only, asOf, Build(catalog, only, asOf));

    internal static Checker Build(RuleCatalog catalog, IReadOnlyCollection<string>? only, DateOnly asOf)
    {
        var rules = only is { } o ? catalog.Rules.Where(r => o.Contains(r.Id)) : catalog.Rules;
        return new Checker(rules, new CheckOptions(asOf, catalog.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal)));
    }

    internal bool Serves(CheckRequest request) =>
        ReferenceEquals(Catalog, request.Rules) && ReferenceEquals(Only, request.OnlyRules) && AsOf == request.Settings.AsOf;
}
