namespace ElementFlow.Core.Text;

/// <summary>"Did you mean": the known name a misspelt one is closest to, when it is close enough to be a slip.</summary>
public static class Suggestions
{
    /// <summary>
    /// The known name nearest to <paramref name="given"/> (letters swapped, dropped, added or changed; case ignored),
    /// or null when none is within a slip of it: one edit for names up to 3 characters, two up to 6, three beyond.
    /// </summary>
    public static string? Nearest(string? given, IEnumerable<string> known)
    {
        if (string.IsNullOrEmpty(given)) return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            if (string.Equals(name, given, StringComparison.Ordinal)) return null;
            var d = Distance(given.ToLowerInvariant(), name.ToLowerInvariant());
            if (d <= Allowed(name) && d < bestDistance)
            {
                best = name;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>The end of a sentence, with "did you mean X?" when there is a suggestion: "; did you mean X?" or ".".</summary>
    public static LocalizedText Hint(string? suggestion) => suggestion is null
        ? new LocalizedText("。", ".")
        : new LocalizedText($"，是否应为 {suggestion}？", $"; did you mean {suggestion}?");

    private static int Allowed(string name) => name.Length <= 3 ? 1 : name.Length <= 6 ? 2 : 3;

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3) return Math.Abs(a.Length - b.Length);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
