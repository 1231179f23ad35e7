namespace ElementFlow.Core.Findings;

/// <summary>How a run compares with an earlier report: findings that are new, fixed since, or still there.</summary>
public sealed record BaselineSummary(int New, int Fixed, int Unchanged);

/// <summary>Compares findings with those of an earlier report by <see cref="FindingKey"/>.</summary>
public static class Baseline
{
    /// <summary>
    /// The findings that are new against <paramref name="previous"/>, and the counts. Keys are counted
    /// as a multiset: two current findings with one key against one earlier finding leave one new.
    /// </summary>
    public static (IReadOnlyList<Finding> New, BaselineSummary Summary) Compare(IReadOnlyList<Finding> current, IEnumerable<FindingKey> previous)
    {
        var remaining = new Dictionary<FindingKey, int>();
        var total = 0;
        foreach (var key in previous)
        {
            remaining[key] = remaining.GetValueOrDefault(key) + 1;
            total++;
        }

        var fresh = new List<Finding>();
        var unchanged = 0;
        foreach (var finding in current)
        {
            var key = FindingKey.Of(finding);
            if (remaining.GetValueOrDefault(key) is > 0 and var left)
            {
                remaining[key] = left - 1;
                unchanged++;
            }
            else
            {
                fresh.Add(finding);
            }
        }

        return (fresh, new BaselineSummary(fresh.Count, total - unchanged, unchanged));
    }
}
