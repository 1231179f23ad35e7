using System.Text.Json;

namespace ElementFlow.Cli.Tests.Commands;

public class CheckCommandTests
{
    private static string Example(string plan) => Repo.Relative(Path.Combine(Repo.Examples, plan));

    private static readonly string Rules = Repo.Relative(Repo.Rules);

    [Fact]
    public void Check_CleanPlan_ExitsZero()
    {
        // Xishan's only deliberate violation is hierarchical (HIER-008); against the control-line rules it is clean.
        var linesOnly = Directory.CreateTempSubdirectory("ef-lines-").FullName;
        File.Copy(Path.Combine(Repo.Rules, "redlines.yaml"), Path.Combine(linesOnly, "redlines.yaml"));

        var (exit, stdout, _) = Repo.Cli("check", Example("xishan-county"), "--rules", linesOnly, "--lang", "en");

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Contains("No findings.", stdout);
        Directory.Delete(linesOnly, recursive: true);
    }

    [Fact]
    public void Check_PlanWithErrors_ExitsOne()
    {
        var (exit, _, _) = Repo.Cli("check", Example("qinghe-city"), "--rules", Rules);

        Assert.Equal(ExitCodes.Findings, exit);
    }

    [Fact]
    public void Check_FailOnNever_ExitsZeroDespiteErrors()
    {
        var (exit, _, _) = Repo.Cli("check", Example("qinghe-city"), "--rules", Rules, "--fail-on", "never");

        Assert.Equal(ExitCodes.Clean, exit);
    }

    [Fact]
    public void Check_FailOnError_IgnoresWarningsButFailOnWarningDoesNot()
    {
        // A rule set whose only rule is the sliver warning (DATA-007); the example city has one sliver.
        var folder = Directory.CreateTempSubdirectory("ef-warn-").FullName;
        var data = File.ReadAllText(Path.Combine(Repo.Rules, "data.yaml"));
        var head = data[..data.IndexOf("rules:", StringComparison.Ordinal)];
        var start = data.IndexOf("  - id: DATA-007", StringComparison.Ordinal);
        var end = data.IndexOf("  - id: DATA-008", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "slivers.yaml"), head + "rules:\n" + data[start..end]);

        Assert.Equal(ExitCodes.Clean, Repo.Cli("check", Example("qinghe-city"), "--rules", folder, "--fail-on", "error").Exit);
        Assert.Equal(ExitCodes.Findings, Repo.Cli("check", Example("qinghe-city"), "--rules", folder, "--fail-on", "warning").Exit);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Check_MissingPlan_ExitsTwoAndNamesThePath()
    {
        var (exit, stdout, _) = Repo.Cli("check", "no/such/plan", "--rules", Rules, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no/such/plan", stdout);
    }

    [Fact]
    public void Check_UnknownFormat_IsAUsageErrorExitingTwo()
    {
        var (exit, _, stderr) = Repo.Cli("check", Example("xishan-county"), "--format", "docx");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("docx", stderr);
    }

    [Fact]
    public void Check_NoArguments_IsAUsageErrorExitingTwo()
    {
        Assert.Equal(ExitCodes.BadInput, Repo.Cli("check").Exit);
    }

    [Fact]
    public void Check_JsonReport_CarriesEveryFieldOfTheContract()
    {
        var (_, stdout, _) = Repo.Cli("check", Example("qinghe-city"), "--rules", Rules, "--format", "json", "--lang", "en");
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;

        Assert.Equal("elementflow/report/v1", root.GetProperty("schema").GetString());
        Assert.Equal("elementflow", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("tool").GetProperty("version").GetString()));
        var plan = root.GetProperty("plans")[0];
        Assert.Equal(("qinghe-city", "city", "overall"), (plan.GetProperty("id").GetString(), plan.GetProperty("level").GetString(), plan.GetProperty("type").GetString()));
        Assert.EndsWith("example-plans/qinghe-city", plan.GetProperty("path").GetString());
        Assert.Contains(root.GetProperty("rulesets").EnumerateArray(), s => s.GetProperty("id").GetString() == "redlines" && s.GetProperty("version").GetString() == "1.0.0");
        var finding = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "LINE-001");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("qinghe-city", finding.GetProperty("plan").GetString());
        Assert.Equal("Red line ERL-04 overlaps basic farmland PBF-05 by 2,400.0 m²", finding.GetProperty("message").GetString());
        Assert.Equal(
            ["ecological_redline/ERL-04", "permanent_basic_farmland/PBF-05"],
            finding.GetProperty("subjects").EnumerateArray().Select(s => $"{s.GetProperty("layer").GetString()}/{s.GetProperty("id").GetString()}"));
        Assert.Equal("overlap_area_m2", finding.GetProperty("measure").GetProperty("name").GetString());
        Assert.Equal(2400, finding.GetProperty("measure").GetProperty("value").GetDouble(), 6);
        Assert.Equal(1, finding.GetProperty("measure").GetProperty("limit").GetDouble());
        Assert.Equal("Polygon", finding.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("waived_by").ValueKind);
        var summary = root.GetProperty("summary");
        foreach (var field in new[] { "error", "warning", "info", "waived", "rules_run", "not_applicable" })
        {
            Assert.Equal(JsonValueKind.Number, summary.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public void Check_Out_WritesTheReportFileAndNothingToStdout()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ef-{Guid.NewGuid():N}.json");

        var (_, stdout, _) = Repo.Cli("check", Example("xishan-county"), "--rules", Rules, "--format", "json", "--out", file);

        Assert.Equal("", stdout);
        Assert.Equal("elementflow/report/v1", JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("schema").GetString());
        File.Delete(file);
    }

    [Fact]
    public void Check_Stats_PrintsPhasesRulesAndPeakMemoryToStderr()
    {
        var (_, stdout, stderr) = Repo.Cli("check", Example("xishan-county"), "--rules", Rules, "--format", "json", "--stats");

        Assert.Contains("measure", stderr);
        Assert.Contains("decide", stderr);
        Assert.Contains("LINE-001", stderr);
        Assert.Contains("peak working set", stderr);
        Assert.DoesNotContain("peak", stdout);
    }

    [Fact]
    public void Check_Folder_ChecksEveryPlanUnderIt()
    {
        var (_, stdout, _) = Repo.Cli("check", Repo.Relative(Repo.Examples), "--rules", Rules, "--format", "json");

        Assert.Equal(6, JsonDocument.Parse(stdout).RootElement.GetProperty("plans").GetArrayLength());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Check_TextReportOfTheExampleCity_MatchesTheApprovedSnapshot(string lang)
    {
        var (_, stdout, _) = Repo.Cli("check", Example("qinghe-city"), "--rules", Rules, "--lang", lang);

        Approver.Verify($"check-qinghe-city.{lang}", stdout);
    }

    [Fact]
    public void Check_JsonReportOfTheExampleTree_MatchesTheApprovedSnapshot()
    {
        var (_, stdout, _) = Repo.Cli("check", Repo.Relative(Repo.Examples), "--rules", Rules, "--format", "json", "--lang", "en");

        Approver.Verify("check-example-plans.json", stdout);
    }
}
