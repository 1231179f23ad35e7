using System.CommandLine;
using ElementFlow.Cli.Init;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Standards;
using ElementFlow.IO.Standards;
using ElementFlow.Rules.Model;

namespace ElementFlow.Cli.Commands;

/// <summary>
/// <c>elementflow init DATABASE [--out plan.yaml]</c>: a first plan.yaml for a submitted File Geodatabase, so that a
/// reviewer goes from a <c>.gdb</c> to a report in two commands (init, then check).
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var database = new Argument<string>("database")
        {
            Description = HelpText.T("提交的规划数据库：.gdb 文件夹或 .gdb.zip", "The submitted plan database: a .gdb folder or a .gdb.zip"),
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = HelpText.T("写入的 plan.yaml（默认写到标准输出）；应与数据库同在一个文件夹或其上级", "The plan.yaml to write (default: standard output); put it in the database's folder or above it"),
        };
        var force = new Option<bool>("--force") { Description = HelpText.T("覆盖已有的文件", "Overwrite an existing file") };
        var lang = CommonOptions.Lang();
        var command = new Command("init", HelpText.T(
            "为提交的数据库生成 plan.yaml：图层角色取自标准图层名，行政区取自 XZQDM，层级取自代码，坐标系取自数据",
            "Write a plan.yaml for a submitted database: roles from the standard layer names, region from XZQDM, level from the code, crs from the data"))
        {
            database, output, force, lang,
        };
        command.SetAction(parse => Run(console, parse.GetValue(database)!, parse.GetValue(output), parse.GetValue(force)));
        return command;
    }

    private static int Run(CliConsole console, string path, string? output, bool force)
    {
        var (survey, error) = DatabaseSurvey.Read(path);
        if (survey is null)
        {
            console.Error.WriteLine(error switch
            {
                "missing" => HelpText.T($"elementflow init：路径不存在：{path}", $"elementflow init: no such file or folder: {path}"),
                "not-database" => HelpText.T(
                    $"elementflow init：{path} 不是文件地理数据库（应为 .gdb 文件夹或 .gdb.zip）。",
                    $"elementflow init: {path} is not a File Geodatabase (a .gdb folder or a .gdb.zip)."),
                _ => HelpText.T($"elementflow init：无法读取数据库 {path}：{error}", $"elementflow init: cannot read the database {path}: {error}"),
            });
            return ExitCodes.BadInput;
        }

        if (output is not null && File.Exists(output) && !force)
        {
            console.Error.WriteLine(HelpText.T($"elementflow init：{output} 已存在；用 --force 覆盖。", $"elementflow init: {output} exists; use --force to overwrite it."));
            return ExitCodes.BadInput;
        }

        var region = PlanDraft.RegionOf(survey.RegionCodes);
        var level = region?.Level ?? PlanLevel.County;
        var standard = level is PlanLevel.City or PlanLevel.County ? BuiltInStandard(level.Name()) : null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(output ?? "plan.yaml"))!;
        var file = Path.GetRelativePath(folder, Path.GetFullPath(path.TrimEnd('/', '\\'))).Replace('\\', '/');
        if (file.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(file))
        {
            console.Error.WriteLine(HelpText.T(
                $"elementflow init：警告：plan.yaml 只能引用其所在文件夹内的文件，而数据库在 {file}；请把 plan.yaml 放在数据库所在文件夹或其上级。",
                $"elementflow init: warning: plan.yaml can only name files in its own folder, and the database is at {file}; put plan.yaml in the database's folder or above it."));
        }

        var text = PlanDraft.Write(survey, file, region, standard, IndicatorsFor(level));
        if (output is null) console.Out.Write(text);
        else File.WriteAllText(output, text);
        if (region is null)
        {
            console.Error.WriteLine(HelpText.T("elementflow init：数据库中没有 XZQDM，行政区和层级须手工填写。", "elementflow init: the database has no XZQDM; fill in the region and level by hand."));
        }

        return ExitCodes.Clean;
    }

    private static DatabaseStandard? BuiltInStandard(string name) =>
        StandardReader.Load(name, r => StandardSources.ReadBuiltIn(r) is { } t ? (t, StandardSources.ShowBuiltIn(r)) : null, new List<Diagnostic>(), "init", 0);

    /// <summary>The indicators the built-in rules require of an overall plan of the level (DATA-002, HIER-006), in catalogue order.</summary>
    private static IReadOnlyList<string> IndicatorsFor(PlanLevel level)
    {
        var keys = CommonOptions.LoadRules(null).Rules
            .SelectMany(r => r.Checks.OfType<RequiredCheck>())
            .SelectMany(c => c.Indicators.Where(kv => kv.Key == $"{level.Name()}/overall" || kv.Key == "*/overall").SelectMany(kv => kv.Value))
            .ToHashSet(StringComparer.Ordinal);
        return IndicatorCatalog.All.Select(d => d.Key).Where(keys.Contains).ToList();
    }
}
