using System.Xml.Linq;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary><c>rules test --format junit</c>: JUnit XML for CI servers, the summary line on stderr.</summary>
public sealed class RulesTestJUnitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ef-junit-").FullName;

    [Fact]
    public void Junit_BuiltInRules_OneSuitePerRuleOneCasePerFixture()
    {
        var (exit, stdout, stderr) = Repo.Cli("rules", "test", Repo.Rules, "--format", "junit");
        var root = XDocument.Parse(stdout).Root!;
        var cases = Directory.GetDirectories(Path.Combine(Repo.Rules, "tests")).SelectMany(Directory.GetDirectories).Count();

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(cases.ToString(), root.Attribute("tests")!.Value);
        Assert.Equal("0", root.Attribute("failures")!.Value);
        var line001 = root.Elements("testsuite").Single(s => s.Attribute("name")!.Value == "LINE-001");
        Assert.Contains(line001.Elements("testcase"), c => c.Attribute("name")!.Value == "fires" && c.Attribute("classname")!.Value == "rules.LINE-001");
        Assert.Matches(@"^\d+ passed, 0 failed\n?$", stderr.Replace("\r", ""));
    }

    [Fact]
    public void Junit_FailingCaseAndMissingCase_AreFailureElementsWithTheProblems()
    {
        // A copy of LINE-001 whose must-fire case expects the wrong value and which has no silent case.
        var data = File.ReadAllText(Path.Combine(Repo.Rules, "redlines.yaml"));
        var head = data[..data.IndexOf("rules:", StringComparison.Ordinal)];
        var start = data.IndexOf("  - id: LINE-001", StringComparison.Ordinal);
        var end = data.IndexOf("  - id: LINE-002", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "redlines.yaml"), head + "rules:\n" + data[start..end]);
        var fires = Path.Combine(_folder, "tests", "LINE-001", "fires");
        CopyFolder(Path.Combine(Repo.Rules, "tests", "LINE-001", "fires"), fires);
        File.WriteAllText(Path.Combine(fires, "expect.yaml"), "fires:\n  - subjects: [ecological_redline/E1, permanent_basic_farmland/P1]\n    value: 1\n");
        var report = Path.Combine(_folder, "junit.xml");

        var (exit, stdout, stderr) = Repo.Cli("rules", "test", _folder, "--format", "junit", "--out", report);
        var suite = XDocument.Load(report).Root!.Elements("testsuite").Single();

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Equal("", stdout);
        Assert.Equal("0 passed, 2 failed", stderr.Trim());
        Assert.Equal(("LINE-001", "2", "2"), (suite.Attribute("name")!.Value, suite.Attribute("tests")!.Value, suite.Attribute("failures")!.Value));
        var failures = suite.Elements("testcase").Select(c => c.Element("failure")!).ToList();
        Assert.Contains("expected a finding [ecological_redline/E1, permanent_basic_farmland/P1] value 1", failures[0].Attribute("message")!.Value);
        Assert.Contains("no must-not-fire (silent) test case", failures[1].Value);
    }

    [Fact]
    public void Text_IsStillTheDefault()
    {
        var (_, stdout, _) = Repo.Cli("rules", "test", Repo.Rules);

        Assert.StartsWith("通过 DATA-001/", stdout);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
