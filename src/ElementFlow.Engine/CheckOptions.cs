namespace ElementFlow.Engine;

/// <summary>How a check runs beyond the rules: the date approvals expire against, and the rules approvals may name.</summary>
/// <param name="AsOf">The day the check is made for (<c>--as-of</c>); an approval expiring before it waives nothing.</param>
/// <param name="KnownRules">Rule ids approvals may name; null: the rules the checker runs.</param>
public sealed record CheckOptions(DateOnly AsOf, IReadOnlySet<string>? KnownRules = null)
{
    public static CheckOptions Today => new(DateOnly.FromDateTime(DateTime.Today));
}
