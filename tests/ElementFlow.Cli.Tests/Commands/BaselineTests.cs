using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary><c>check --baseline</c>: only findings new against an earlier JSON report count.</summary>
public sealed class BaselineTests : IDisposable
{
    private static readonly string City = Repo.Relative(Path.Combine(Repo.Examples, "qinghe-city"));
    private static readonly string Rules = Repo.Relative(Repo.Rules);
    private readonly string _folder = Directory.CreateTempSubdirectory("ef-baseline-").FullName;

    private string Baseline(Func<JsonObject, JsonObject>? edit = null)
    {
        var (_, json, _) = Repo.Cli("check", City, "--rules", Rules, "--format", "json", "--lang", "en");
        var report = JsonNode.Parse(json)!.AsObject();
        var file = Path.Combine(_folder, "previous.json");
        File.WriteAllText(file, (edit?.Invoke(report) ?? report).ToJsonString());
        return file;
    }

    /// <summary>How many findings the city has today, so the counts below follow the example data.</summary>
    private static int CityFindings()
    {
        var (_, json, _) = Repo.Cli("check", City, "--rules", Rules, "--format", "json", "--lang", "en");
        return JsonNode.Parse(json)!["findings"]!.AsArray().Count;
    }

    private static JsonObject WithoutFinding(JsonObject report, string rule)
    {
        var findings = report["findings"]!.AsArray();
        findings.Remove(findings.First(f => f!["rule"]!.GetValue<string>() == rule));
        return report;
    }

    private static JsonObject WithExtraFinding(JsonObject report)
    {
        report["findings"]!.AsArray().Add(JsonNode.Parse("""{"rule":"LINE-002","plan":"qinghe-city","subjects":[{"layer":"urban_development_boundary","id":"UDB-09"},{"layer":"permanent_basic_farmland","id":"PBF-99"}]}"""));
        return report;
    }

    [Fact]
    public void Check_AgainstItsOwnReport_HasNothingNewAndExitsZero()
    {
        var (exit, stdout, _) = Repo.Cli("check", City, "--rules", Rules, "--format", "json", "--baseline", Baseline());
        using var doc = JsonDocument.Parse(stdout);
        var baseline = doc.RootElement.GetProperty("baseline");

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Equal(0, doc.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal((0, 0, CityFindings()), (baseline.GetProperty("new").GetInt32(), baseline.GetProperty("fixed").GetInt32(), baseline.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public void Check_OneFindingNewOneFixed_ReportsOnlyTheNewOne()
    {
        var file = Baseline(r => WithExtraFinding(WithoutFinding(r, "LINE-001")));

        var (exit, stdout, _) = Repo.Cli("check", City, "--rules", Rules, "--format", "json", "--baseline", file);
        using var doc = JsonDocument.Parse(stdout);
        var baseline = doc.RootElement.GetProperty("baseline");

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Equal("LINE-001", Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("rule").GetString());
        Assert.Equal((1, 1, CityFindings() - 1), (baseline.GetProperty("new").GetInt32(), baseline.GetProperty("fixed").GetInt32(), baseline.GetProperty("unchanged").GetInt32()));
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("error").GetInt32());
    }

    [Fact]
    public void Check_ChangedMessagesAndGeometries_StillMatchByRulePlanAndSubjects()
    {
        var file = Baseline(r =>
        {
            foreach (var f in r["findings"]!.AsArray())
            {
                f!["message"] = "something else";
                f["geometry"] = null;
                f["measure"] = null;
            }

            return r;
        });

        var (_, stdout, _) = Repo.Cli("check", City, "--rules", Rules, "--format", "json", "--baseline", file);

        Assert.Equal(0, JsonDocument.Parse(stdout).RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Check_TextReport_SaysHowManyWereFixed()
    {
        var (_, stdout, _) = Repo.Cli("check", City, "--rules", Rules, "--lang", "en", "--baseline", Baseline(r => WithExtraFinding(r)));

        Assert.Contains($"Against the baseline: 0 new, 1 fixed, {CityFindings()} unchanged (only new findings are listed).", stdout);
        Assert.Contains("No findings.", stdout);
    }

    [Theory]
    [InlineData("{ \"schema\": ", "not JSON")]
    [InlineData("{\"schema\":\"elementflow/report/v2\",\"findings\":[]}", "not an ElementFlow JSON report")]
    [InlineData("{\"schema\":\"elementflow/report/v1\",\"findings\":[{\"rule\":\"LINE-001\"}]}", "findings[0] lacks rule, plan or subjects")]
    public void Check_MalformedBaseline_ExitsTwoWithAClearMessage(string text, string expected)
    {
        var file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, text);

        var (exit, stdout, stderr) = Repo.Cli("check", City, "--rules", Rules, "--lang", "en", "--baseline", file);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"elementflow: the baseline file {file} cannot be used: ", stderr);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Check_MissingBaseline_ExitsTwo()
    {
        var (exit, _, stderr) = Repo.Cli("check", City, "--rules", Rules, "--lang", "zh", "--baseline", Path.Combine(_folder, "none.json"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("找不到基线文件", stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
