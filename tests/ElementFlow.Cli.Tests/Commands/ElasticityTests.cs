using System.Text.Json;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary>Issue 4 through the real CLI: profiles tighten or loosen defaults; approvals waive findings visibly.</summary>
public class ElasticityTests
{
    private static string Example(string plan) => Repo.Relative(Path.Combine(Repo.Examples, plan));

    private static string Profile => Repo.Relative(Path.Combine(Repo.Rules, "profiles", "example-province.yaml"));

    private static IEnumerable<JsonElement> Findings(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().ToList();

    [Fact]
    public void Profile_RaisingTheFlexibleShare_SilencesTheNationalWarning()
    {
        var national = Repo.Cli("check", Example("dongping-county"), "--rules", Repo.Rules, "--format", "json", "--lang", "en").Out;
        var province = Repo.Cli("check", Example("dongping-county"), "--rules", Profile, "--format", "json", "--lang", "en").Out;

        Assert.Contains(Findings(national), f => f.GetProperty("rule").GetString() == "ELAS-001");
        Assert.DoesNotContain(Findings(province), f => f.GetProperty("rule").GetString() == "ELAS-001");
    }

    [Fact]
    public void Profile_TighteningTheExpansionFactor_ReportsTheProvincialLimit()
    {
        var (_, stdout, _) = Repo.Cli("check", Example("xishan-county"), "--rules", Profile, "--format", "json", "--lang", "en");

        var finding = Assert.Single(Findings(stdout), f => f.GetProperty("rule").GetString() == "LINE-004");
        Assert.Equal(1.2, finding.GetProperty("measure").GetProperty("limit").GetDouble());
    }

    [Fact]
    public void Explain_WithTheProfile_SaysWhichFileSetTheParameter()
    {
        var (_, stdout, _) = Repo.Cli("explain", "ELAS-001", "--rules", Profile, "--lang", "en");

        Assert.Matches(@"max: 0\.2\s+\(set by .*example-province\.yaml:\d+\)", stdout);
    }

    [Fact]
    public void Approval_WaivesItsFindingInTextJsonAndSarif()
    {
        var city = Example("qinghe-city");
        var json = Repo.Cli("check", city, "--rules", Repo.Rules, "--format", "json", "--lang", "en").Out;
        var text = Repo.Cli("check", city, "--rules", Repo.Rules, "--lang", "en").Out;
        var sarif = Repo.Cli("check", city, "--rules", Repo.Rules, "--format", "sarif", "--lang", "en").Out;

        var waived = Assert.Single(Findings(json), f => f.GetProperty("waived_by").ValueKind != JsonValueKind.Null);
        Assert.Equal("LINE-003", waived.GetProperty("rule").GetString());
        Assert.Equal("ADJ-2024-015", waived.GetProperty("waived_by").GetProperty("approval").GetString());
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("summary").GetProperty("waived").GetInt32());
        Assert.Matches(@"LINE-003 .*\[waived by ADJ-2024-015 \(.+\)\]", text);
        var suppressed = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "LINE-003");
        Assert.Equal("external", suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void ExpiredApproval_WaivesNothingAndIsReported()
    {
        var (_, stdout, _) = Repo.Cli("check", Example("qinghe-city"), "--rules", Repo.Rules, "--format", "json", "--lang", "en", "--as-of", "2026-11-24");

        var line006 = Assert.Single(Findings(stdout), f => f.GetProperty("rule").GetString() == "LINE-006");
        Assert.Equal(JsonValueKind.Null, line006.GetProperty("waived_by").ValueKind);
        Assert.Contains(Findings(stdout), f => f.GetProperty("rule").GetString() == "ELAS-007" && f.GetProperty("message").GetString()!.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public void ApprovalBeforeItsExpiry_WaivesItsFinding()
    {
        var (_, stdout, _) = Repo.Cli("check", Example("qinghe-city"), "--rules", Repo.Rules, "--format", "json", "--lang", "en", "--as-of", "2024-06-01");

        var line006 = Assert.Single(Findings(stdout), f => f.GetProperty("rule").GetString() == "LINE-006");
        Assert.Equal("WVR-2023-008", line006.GetProperty("waived_by").GetProperty("approval").GetString());
    }
}
