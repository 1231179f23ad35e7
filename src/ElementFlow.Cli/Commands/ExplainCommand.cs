using System.CommandLine;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.Rules.Model;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow explain RULE-ID</c>: what a rule checks, its basis, parameters and how to fix it.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("rule-id") { Description = HelpText.T("规则编号，例如 LINE-001", "A rule id, e.g. LINE-001") };
        var rules = CommonOptions.Rules();
        var lang = CommonOptions.Lang();
        var limits = CommonOptions.Limits(packages: false);
        var command = new Command("explain", HelpText.T("说明一条规则：检查什么、依据、参数、整改方法", "Explain one rule: what it checks, its basis, parameters and how to fix it")) { id, rules, lang };
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            var language = CommonOptions.ParseLanguage(parse.GetValue(lang));
            var catalog = CommonOptions.LoadRules(parse.GetValue(rules), limits.Read(parse));
            var rule = catalog.Find(parse.GetValue(id)!);
            if (rule is null)
            {
                console.Error.WriteLine(language == Language.Zh
                    ? $"没有规则 {parse.GetValue(id)}。用 'elementflow rules list' 查看全部规则。"
                    : $"No rule {parse.GetValue(id)}. 'elementflow rules list' shows them all.");
                return ExitCodes.BadInput;
            }

            Write(console.Out, rule, language);
            return ExitCodes.Clean;
        });
        return command;
    }

    public static void Write(TextWriter w, RuleSpec rule, Language language)
    {
        var zh = language == Language.Zh;
        w.WriteLine($"{rule.Id}  {rule.Title[language]}");
        w.WriteLine($"  {(zh ? "级别" : "severity")}: {rule.Severity.Label(language)}");
        w.WriteLine($"  {(zh ? "适用" : "applies to")}: {rule.AppliesTo.Describe(language)}");
        w.WriteLine($"  {(zh ? "依据" : "basis")}: {rule.Basis}");
        w.WriteLine($"  {(zh ? "规则集" : "rule set")}: {rule.RuleSet} ({rule.Source})");
        for (var i = 0; i < rule.Checks.Count; i++)
        {
            var check = rule.Checks[i];
            // A kind that shares its name with a layer (enclaves) gets the name a planner knows beside it.
            var kind = zh && Core.Planning.Terms.Zh(check.Kind) is { } kindZh ? $"{check.Kind}（{kindZh}）" : check.Kind;
            w.WriteLine($"  {(zh ? "检查" : "check")}: {kind}  ({(zh ? "量值" : "measure")} {check.MeasureName}; {check.Source})");
            foreach (var (name, value) in check.Parameters)
            {
                var prefix = rule.Checks.Count == 1 ? "check" : $"checks[{i}]";
                var set = rule.Overrides.LastOrDefault(o => o.Key == $"{prefix}.{name}");
                w.WriteLine($"    {Explained(name, language)}: {Explained(value, language)}" + (set is null ? "" : zh ? $"  （由 {set.Source} 设定）" : $"  (set by {set.Source})"));
            }
        }

        foreach (var s in rule.SeverityWhen) w.WriteLine($"  {(zh ? "当" : "when")} {s.When}: {s.Severity.Label(language)}");
        foreach (var o in rule.Overrides.Where(o => !o.Key.StartsWith("check", StringComparison.Ordinal)))
        {
            w.WriteLine(zh ? $"  {o.Key} 由 {o.Source} 设为 {o.Value}" : $"  {o.Key} set to {o.Value} by {o.Source}");
        }
        w.WriteLine($"  {(zh ? "消息" : "message")}: {rule.Message[language]}");
        if (rule.Fix is { } fix) w.WriteLine($"  {(zh ? "如何修改" : "how to fix")}: {fix[language]}");
    }

    /// <summary>A parameter value as written, followed in Chinese by the names of the catalogue keys it holds: <c>ecological_redline（生态保护红线）</c>.</summary>
    private static string Explained(object? value, Language language)
    {
        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        if (language != Language.Zh) return text;
        return System.Text.RegularExpressions.Regex.Replace(text, @"(?<![\w-])[a-z][a-z0-9_]*(?![\w-])", m =>
            Core.Planning.Terms.Zh(m.Value) is { } name ? $"{m.Value}（{name}）" : m.Value);
    }
}
