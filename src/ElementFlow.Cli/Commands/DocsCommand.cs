using System.CommandLine;
using ElementFlow.Cli.Docs;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary>
/// <c>elementflow docs</c>: writes the generated reference (rule catalogue, command line) into a folder, or with
/// <c>--check</c> says whether the files there are still what the code generates.
/// </summary>
internal static class DocsCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out", "-o") { Description = T("写入的文件夹", "The folder to write to"), DefaultValueFactory = _ => "docs" };
        var check = new Option<bool>("--check") { Description = T("不写文件，只检查文件是否与生成结果一致；不一致时退出码为 1", "Write nothing; exit 1 when a file differs from what would be generated") };
        var rules = CommonOptions.Rules();
        var command = new Command("docs", T("生成参考文档：规则目录（rules.md）和命令行（command-line.md）", "Generate the reference docs: the rule catalogue (rules.md) and the command line (command-line.md)")) { output, check, rules };
        command.SetAction(parse =>
        {
            var catalog = CommonOptions.LoadRules(parse.GetValue(rules));
            if (catalog.HasErrors)
            {
                foreach (var d in catalog.Diagnostics) console.Error.WriteLine(d.Format(Language));
                return ExitCodes.BadInput;
            }

            var folder = parse.GetValue(output)!;
            var stale = 0;
            foreach (var (name, text) in ReferenceDocs.All(catalog))
            {
                var path = Path.Combine(folder, name);
                if (parse.GetValue(check))
                {
                    if (File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == text) continue;
                    stale++;
                    console.Error.WriteLine(T($"{path} 与生成结果不一致；请运行 elementflow docs --out {folder}", $"{path} differs from what the code generates; run elementflow docs --out {folder}"));
                    continue;
                }

                Directory.CreateDirectory(folder);
                File.WriteAllText(path, text);
                console.Out.WriteLine(path);
            }

            return stale == 0 ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }
}
