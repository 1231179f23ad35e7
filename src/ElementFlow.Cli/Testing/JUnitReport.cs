using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ElementFlow.Cli.Testing;

/// <summary>One outcome of <c>rules test</c> as JUnit sees it: a case, or a rule's missing case.</summary>
public sealed record JUnitCase(string Rule, string Name, string? Folder, IReadOnlyList<string> Problems, TimeSpan Time)
{
    public bool Passed => Problems.Count == 0;

    public static JUnitCase From(RuleTestResult result, TimeSpan time) =>
        new(result.Case.Rule, result.Case.Name, result.Case.Folder, [.. result.Problems.Select(p => p.En)], time);
}

/// <summary>
/// Writes rule-test outcomes as JUnit XML, which CI servers (GitLab, Jenkins, Azure DevOps) show as test
/// results: one testsuite per rule, one testcase per case, a failure element listing the problems.
/// </summary>
public static class JUnitReport
{
    public static void Write(IReadOnlyList<JUnitCase> cases, Stream output)
    {
        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var suites = cases.GroupBy(c => c.Rule).Select(g => new XElement(
            "testsuite",
            new XAttribute("name", g.Key),
            new XAttribute("tests", g.Count()),
            new XAttribute("failures", g.Count(c => !c.Passed)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(Sum(g))),
            g.Select(c => new XElement(
                "testcase",
                new XAttribute("classname", $"rules.{c.Rule}"),
                new XAttribute("name", c.Name),
                new XAttribute("time", Seconds(c.Time)),
                c.Folder is null ? null : new XAttribute("file", c.Folder.Replace('\\', '/')),
                c.Passed ? null : new XElement("failure", new XAttribute("message", c.Problems[0]), new XAttribute("type", "rule-test"), string.Join("\n", c.Problems))))));
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "elementflow rules test"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => !c.Passed)),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(Sum(cases))),
            suites);
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    private static TimeSpan Sum(IEnumerable<JUnitCase> cases) => cases.Aggregate(TimeSpan.Zero, (t, c) => t + c.Time);
}
