using System.Text.Json;
using ElementFlow.Rules;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary>
/// Conformance: each example plan, checked by the real CLI, reports exactly the findings its
/// expected-findings.json lists (computed independently by example-plans/tools/verify_examples.py).
/// </summary>
public class ExamplePlanTests
{
    private static readonly HashSet<string> LoadedRules = RuleCatalog.Load([Repo.Rules]).Rules.Select(r => r.Id).ToHashSet();

    public static TheoryData<string> Plans()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.Examples, "expected-findings.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)!));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Check_ExamplePlan_ReportsExactlyTheExpectedFindings(string plan)
    {
        var folder = Path.Combine(Repo.Examples, plan);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected-findings.json")));
        var (exit, stdout, stderr) = Repo.Cli("check", folder, "--rules", Repo.Rules, "--format", "json", "--lang", "en");
        using var report = JsonDocument.Parse(stdout);

        var actual = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var wanted = expected.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => LoadedRules.Contains(f.GetProperty("rule").GetString()!))
            .ToList();
        var unmatched = actual.ToList();
        foreach (var w in wanted)
        {
            var match = unmatched.FirstOrDefault(a => Matches(w, a));
            Assert.True(match.ValueKind != JsonValueKind.Undefined, $"{plan}: expected {w} but the report has {string.Join("; ", actual.Select(Describe))}");
            unmatched.Remove(match);
        }

        Assert.True(unmatched.Count == 0, $"{plan}: spurious findings {string.Join("; ", unmatched.Select(Describe))}");

        // The file's exit code assumes the whole catalogue; with rules still missing, derive it from the loaded ones.
        var allLoaded = expected.RootElement.GetProperty("findings").EnumerateArray().All(f => LoadedRules.Contains(f.GetProperty("rule").GetString()!));
        var expectedExit = allLoaded
            ? expected.RootElement.GetProperty("exit_code").GetInt32()
            : wanted.Any(f => f.GetProperty("severity").GetString() == "error") ? 1 : 0;
        Assert.Equal(expectedExit, exit);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Check_WholeTree_ReportsExactlyTheFindingsOfItsPackages()
    {
        // Checked as one tree, the flows between the counties balance: nothing beyond each package's own findings.
        var wanted = Directory.GetFiles(Repo.Examples, "expected-findings.json", SearchOption.AllDirectories)
            .SelectMany(file =>
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                var plan = doc.RootElement.GetProperty("plan").GetString()!;
                return doc.RootElement.GetProperty("findings").EnumerateArray()
                    .Where(f => LoadedRules.Contains(f.GetProperty("rule").GetString()!))
                    .Select(f => (Plan: plan, Finding: f.Clone())).ToList();
            })
            .ToList();
        var (exit, stdout, _) = Repo.Cli("check", Repo.Examples, "--rules", Repo.Rules, "--format", "json", "--lang", "en");
        using var report = JsonDocument.Parse(stdout);

        var unmatched = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        foreach (var (plan, w) in wanted)
        {
            var match = unmatched.FirstOrDefault(a => a.GetProperty("plan").GetString() == plan && Matches(w, a));
            Assert.True(match.ValueKind != JsonValueKind.Undefined, $"{plan}: expected {w}");
            unmatched.Remove(match);
        }

        Assert.True(unmatched.Count == 0, $"spurious findings {string.Join("; ", unmatched.Select(Describe))}");
        Assert.Equal(1, exit);
    }

    [Fact]
    public void Check_WholeTreeWithTheRelocationApprovedByTheState_HasNoFlowFinding()
    {
        var copy = Directory.CreateTempSubdirectory("ef-flows-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Repo.Examples, "*", SearchOption.AllDirectories).Where(f => !f.Contains("tools")))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(Repo.Examples, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var text = File.ReadAllText(file);
                File.WriteAllText(target, Path.GetFileName(file) == "plan.yaml"
                    ? text.Replace("document: \"清政函〔2024〕7号\"\n    approved_by: \"330100\"", "document: \"清政函〔2024〕7号\"\n    approved_by: \"000000\"")
                    : text);
            }

            var (_, stdout, _) = Repo.Cli("check", copy, "--rules", Repo.Rules, "--format", "json", "--lang", "en");
            using var report = JsonDocument.Parse(stdout);

            Assert.Contains(report.RootElement.GetProperty("flows").EnumerateArray(), f => f.GetProperty("mirror_status").GetString() == "found");
            Assert.DoesNotContain(report.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString()!.StartsWith("FLOW-", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static bool Matches(JsonElement wanted, JsonElement actual)
    {
        if (wanted.GetProperty("rule").GetString() != actual.GetProperty("rule").GetString()) return false;
        if (wanted.TryGetProperty("severity", out var s) && s.GetString() != actual.GetProperty("severity").GetString()) return false;
        var subjects = actual.GetProperty("subjects").EnumerateArray()
            .Select(x => $"{x.GetProperty("layer").GetString()}/{x.GetProperty("id").GetString()}").ToHashSet();
        if (!wanted.GetProperty("subjects").EnumerateArray().All(x => subjects.Contains(x.GetString()!))) return false;
        if (wanted.TryGetProperty("value", out var v))
        {
            var measured = actual.GetProperty("measure").GetProperty("value").GetDouble();
            if (Math.Abs(measured - v.GetDouble()) > 0.01 + Math.Abs(v.GetDouble()) * 1e-6) return false;
        }

        return true;
    }

    private static string Describe(JsonElement f) =>
        $"{f.GetProperty("rule").GetString()} [{string.Join(", ", f.GetProperty("subjects").EnumerateArray().Select(x => $"{x.GetProperty("layer").GetString()}/{x.GetProperty("id").GetString()}"))}] {f.GetProperty("measure")}";
}
