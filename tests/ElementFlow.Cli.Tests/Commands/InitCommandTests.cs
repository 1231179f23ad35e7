using ElementFlow.Cli.Init;
using ElementFlow.Core.Planning;

namespace ElementFlow.Cli.Tests.Commands;

/// <summary><c>elementflow init</c>: from a submitted .gdb to a plan.yaml that checks, and clear refusals of what is no database.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ef-init-").FullName;

    private static string Gdb => Path.Combine(Repo.Root, "tests", "ElementFlow.IO.Tests", "Fixtures", "qinghe-city-gdb", "qinghe.gdb");

    private string CopyGdb()
    {
        var target = Path.Combine(_folder, "qinghe.gdb");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Gdb)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    [Fact]
    public void InitThenCheck_ReportsWithoutDataOneAndExitsOnFindingsNotBadInput()
    {
        var gdb = CopyGdb();
        var plan = Path.Combine(_folder, "plan.yaml");

        var init = Repo.Cli("init", gdb, "--out", plan);
        var (exit, stdout, _) = Repo.Cli("check", _folder, "--rules", Repo.Rules, "--lang", "en", "--format", "json");

        Assert.Equal(ExitCodes.Clean, init.Exit);
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.DoesNotContain("\"DATA-001\"", stdout);
        Assert.Contains("\"DATA-016\"", stdout);
    }

    [Fact]
    public void Init_TakesRolesRegionLevelCrsAndStandardFromTheDatabase()
    {
        var gdb = CopyGdb();

        var (exit, yaml, _) = Repo.Cli("init", gdb);

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Contains("level: city", yaml);
        Assert.Contains("region: { code: \"330100\", name: 清河市 }", yaml);
        Assert.Contains("crs: EPSG:4527", yaml);
        Assert.Contains("standard: city", yaml);
        Assert.Contains("ecological_redline: { file: qinghe.gdb, layer: STBHHX }", yaml.Replace(Repo.Relative(_folder) + "/", ""));
        Assert.Contains("# farmland_retention: { value: , unit: 10k_mu }", yaml);
    }

    [Fact]
    public void Init_OnAFileThatIsNoDatabase_ExitsTwoSayingWhatItWants()
    {
        var text = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(text, "not a database");

        var (exit, _, stderr) = Repo.Cli("init", text, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(".gdb", stderr);
    }

    [Fact]
    public void Init_OnAMissingPath_ExitsTwo()
    {
        var (exit, _, stderr) = Repo.Cli("init", Path.Combine(_folder, "absent.gdb"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("absent.gdb", stderr);
    }

    [Fact]
    public void Init_RefusesToOverwriteWithoutForce()
    {
        var gdb = CopyGdb();
        var plan = Path.Combine(_folder, "plan.yaml");
        File.WriteAllText(plan, "keep me");

        var (exit, _, _) = Repo.Cli("init", gdb, "--out", plan);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("keep me", File.ReadAllText(plan));
    }

    [Theory]
    [InlineData("330122", "330122", PlanLevel.County)]
    [InlineData("330100", "330100", PlanLevel.City)]
    [InlineData("330000", "330000", PlanLevel.Province)]
    [InlineData("330122001", "330122001", PlanLevel.Township)]
    [InlineData("330122001000", "330122001", PlanLevel.Township)]
    public void RegionOf_OneCode_GivesItsLevelByItsDigits(string code, string region, PlanLevel level) =>
        Assert.Equal((region, level), PlanDraft.RegionOf([code]));

    [Fact]
    public void RegionOf_TheCountiesOfACity_GivesTheCity() =>
        Assert.Equal(("330100", PlanLevel.City), PlanDraft.RegionOf(["330122", "330127", "330102"]));

    [Fact]
    public void RegionOf_TheTownshipsOfACounty_GivesTheCounty() =>
        Assert.Equal(("330122", PlanLevel.County), PlanDraft.RegionOf(["330122001", "330122002"]));

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a temp folder left behind fails no test */ }
    }
}
