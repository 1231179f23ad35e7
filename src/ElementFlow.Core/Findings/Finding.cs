using ElementFlow.Core.Text;
using NetTopologySuite.Geometries;

namespace ElementFlow.Core.Findings;

/// <summary>
/// A feature a finding is about. Whole layers use id <c>*</c>; indicators use layer <c>indicators</c>.
/// <see cref="Plan"/> is set when the feature belongs to another plan of the tree than the finding (the parent's line a child dropped).
/// </summary>
public sealed record Subject(string Layer, string Id) : IComparable<Subject>
{
    public const string WholeLayer = "*";
    public const string IndicatorsLayer = "indicators";
    public const string AllocationsLayer = "allocations";
    public const string PlanLayer = "plan";

    /// <summary>The plan the feature belongs to, when it is not the finding's own plan.</summary>
    public string? Plan { get; init; }

    public int CompareTo(Subject? other) => other is null ? 1
        : string.CompareOrdinal(Layer, other.Layer) is var c and not 0 ? c : NaturalCompare(Id, other.Id);

    public override string ToString() => $"{Layer}/{Id}";

    /// <summary>Compares ids so that "P-9" sorts before "P-10": runs of digits compare by value.</summary>
    public static int NaturalCompare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                int si = i, sj = j;
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                var da = a[si..i].TrimStart('0');
                var db = b[sj..j].TrimStart('0');
                var c = da.Length != db.Length ? da.Length.CompareTo(db.Length) : string.CompareOrdinal(da, db);
                if (c != 0) return c;
            }
            else
            {
                if (a[i] != b[j]) return a[i].CompareTo(b[j]);
                i++;
                j++;
            }
        }

        return (a.Length - i).CompareTo(b.Length - j) is var rest and not 0 ? rest : string.CompareOrdinal(a, b);
    }
}

/// <summary>What was measured: a named value (its unit in its name) and the limit it was held to.</summary>
public sealed record Measure(string Name, double Value, double? Limit)
{
    /// <summary>Other figures of the same measurement a reviewer compares with the value (e.g. <c>straight_line_share</c> beside a network share), by name.</summary>
    public IReadOnlyDictionary<string, double>? Related { get; init; }
}

/// <summary>An approval that waived a finding.</summary>
public sealed record Waiver(string Approval, string Document);

/// <summary>
/// A compliance finding: which rule, on which plan and features, what was measured, where (geometry),
/// and the message template with its arguments, rendered in the reader's language by the report writers.
/// </summary>
public sealed record Finding
{
    public required string Rule { get; init; }
    public required Severity Severity { get; init; }
    public required string Plan { get; init; }
    public required LocalizedText MessageTemplate { get; init; }
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = new Dictionary<string, object?>();
    public IReadOnlyList<Subject> Subjects { get; init; } = [];
    public Measure? Measure { get; init; }
    public Geometry? Geometry { get; init; }
    public Waiver? WaivedBy { get; init; }

    /// <summary>
    /// The message in one language; arguments that are themselves texts in two languages follow it, and in
    /// Chinese a catalogue key (an indicator, zone, facility kind or layer) reads as its name.
    /// </summary>
    public string Message(Language language) => Text.MessageTemplate.Render(
        MessageTemplate[language],
        Arguments.ToDictionary(kv => kv.Key, kv => kv.Value switch
        {
            LocalizedText t => t[language],
            string s when language == Language.Zh && Planning.Terms.Zh(s) is { } name => name,
            _ => kv.Value,
        }));
}
