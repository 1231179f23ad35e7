using System.CommandLine;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow rules lint</c>: validate rule sets; exit 2 on any problem.</summary>
internal static class RulesLintCommand
{
    public static Command Create(CliConsole console)
    {
        var folders = new Argument<string[]>("dir") { Description = HelpText.T("规则文件夹（默认：内置规则）", "Rule folders (default: the built-in rules)"), Arity = ArgumentArity.ZeroOrMore };
        var lang = CommonOptions.Lang();
        var limits = CommonOptions.Limits(packages: false);
        var command = new Command("lint", HelpText.T("校验规则集；有任何问题时退出码为 2", "Validate rule sets; exit 2 on any problem")) { folders, lang };
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            var language = CommonOptions.ParseLanguage(parse.GetValue(lang));
            var catalog = CommonOptions.LoadRules(parse.GetValue(folders), limits.Read(parse));
            foreach (var d in catalog.Diagnostics) console.Error.WriteLine(d.Format(language));
            var errors = catalog.Diagnostics.Count(d => d.Severity == Core.Findings.Severity.Error);
            console.Out.WriteLine(language == Core.Text.Language.Zh
                ? $"{catalog.RuleSets.Count} 个规则集，{catalog.Rules.Count()} 条规则，{errors} 个错误"
                : $"{catalog.RuleSets.Count} rule sets, {catalog.Rules.Count()} rules, {errors} errors");
            return catalog.Diagnostics.Count == 0 ? ExitCodes.Clean : ExitCodes.BadInput;
        });
        return command;
    }
}
