namespace ElementFlow.Core.Findings;

/// <summary>
/// What identifies a finding across runs: its rule, its plan and its subjects (sorted), never its
/// message, measure or coordinates, so a finding keeps its identity while its numbers change.
/// </summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Plan">The plan id.</param>
/// <param name="Subjects">The subjects as <c>layer/id</c>, sorted ordinally.</param>
public sealed record FindingKey(string Rule, string Plan, IReadOnlyList<string> Subjects)
{
    public static FindingKey Of(Finding finding) =>
        Create(finding.Rule, finding.Plan, finding.Subjects.Select(s => s.ToString()));

    public static FindingKey Create(string rule, string plan, IEnumerable<string> subjects) =>
        new(rule, plan, subjects.Order(StringComparer.Ordinal).ToList());

    /// <summary><c>rule|plan|subject|subject...</c>: the text that fingerprints hash.</summary>
    public override string ToString() => string.Join("|", Subjects.Prepend(Plan).Prepend(Rule));

    public bool Equals(FindingKey? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
