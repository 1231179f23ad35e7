namespace ElementFlow.IO.Layers;

/// <summary>
/// dBase cuts field names at 10 characters: <c>limited_activity</c> becomes <c>limited_ac</c>. A 10-character
/// field that is the start of exactly one longer name we know (our attribute names, the source names in the
/// layer's <c>fields:</c>) is read as that name; one that starts several is left as it is and named in a warning.
/// </summary>
public static class TruncatedFieldNames
{
    public const int DbfNameLength = 10;

    /// <summary>For each cut field: the full name it stands for, or the candidates when more than one fits.</summary>
    public static IReadOnlyList<(string Field, IReadOnlyList<string> Candidates)> Find(IEnumerable<string> fields, IEnumerable<string> knownNames)
    {
        var fieldList = fields.ToList();
        var longNames = knownNames.Where(n => n.Length > DbfNameLength).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new List<(string, IReadOnlyList<string>)>();
        foreach (var field in fieldList.Where(f => f.Length == DbfNameLength))
        {
            var candidates = longNames.Where(n => n[..DbfNameLength].Equals(field, StringComparison.OrdinalIgnoreCase)).ToList();

            // A full name the table also has as it is (a longer name can't be there, but guard) is no truncation.
            if (candidates.Count > 0 && !fieldList.Any(f => candidates.Contains(f, StringComparer.OrdinalIgnoreCase))) found.Add((field, candidates));
        }

        return found;
    }
}
