using System.Globalization;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Limits;
using ElementFlow.Rules.Yaml;
using ElementFlow.Yaml;

namespace ElementFlow.Cli.Testing;

/// <summary>A finding a rule test expects: subject ids (a subset of the finding's), optionally value and severity.</summary>
public sealed record ExpectedFinding(IReadOnlyList<string> Subjects, double? Value, Severity? Severity, int Line)
{
    public bool Matches(Finding f) =>
        Subjects.All(s => f.Subjects.Any(fs => fs.ToString() == s))
        && (Value is not { } v || (f.Measure is { } m && Math.Abs(m.Value - v) <= 0.01 + Math.Abs(v) * 1e-9))
        && (Severity is not { } sev || f.Severity == sev);

    public override string ToString() =>
        $"[{string.Join(", ", Subjects)}]" + (Value is { } v ? $" value {v.ToString(CultureInfo.InvariantCulture)}" : "") + (Severity is { } s ? $" {s.Name()}" : "");
}

/// <summary>One case folder: <c>rules/tests/RULE-ID/case/</c> with a plan package and expect.yaml.</summary>
public sealed record RuleTestCase(string Rule, string Name, string Folder, IReadOnlyList<ExpectedFinding> Fires, bool Silent)
{
    /// <summary>Cases that fire and cases that stay silent: every rule needs both.</summary>
    public bool IsMustFire => Fires.Count > 0;

    public static RuleTestCase? Read(string rule, string folder, List<Diagnostic> diagnostics, InputLimits? limits = null)
    {
        var file = Path.Combine(folder, "expect.yaml");
        if (!File.Exists(file))
        {
            diagnostics.Add(Diagnostic.Error("plan.path-missing", file, null, null, ("path", file)));
            return null;
        }

        var (root, error) = YamlText.ParseMapping(File.ReadAllText(file), file, limits);
        if (error is not null)
        {
            diagnostics.Add(error);
            return null;
        }

        var map = new YamlMap(root!, file, "", diagnostics);
        var fires = map.MapsIn("fires").Select(m =>
        {
            var expected = new ExpectedFinding(
                m.Strings("subjects") ?? [],
                m.Number("value"),
                Severities.TryParse(m.String("severity"), out var s) ? s : null,
                m.Line);
            m.ReportUnknownKeys(asError: true, ["subjects", "value", "severity", "note"]);
            return expected;
        }).ToList();
        var silent = map.Bool("silent") ?? false;
        map.ReportUnknownKeys(asError: true, ["fires", "silent", "note", "description"]);
        return new RuleTestCase(rule, Path.GetFileName(folder), folder, fires, silent);
    }
}
