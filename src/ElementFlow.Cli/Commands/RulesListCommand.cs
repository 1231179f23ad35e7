using System.CommandLine;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow rules list</c>: the rules in effect, with ids, severities and where they apply.</summary>
internal static class RulesListCommand
{
    public static Command Create(CliConsole console)
    {
        var rules = CommonOptions.Rules();
        var lang = CommonOptions.Lang();
        var limits = CommonOptions.Limits(packages: false);
        var command = new Command("list", HelpText.T("列出生效的规则：编号、级别、适用范围", "List the rules in effect: ids, severities, where they apply")) { rules, lang };
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            var language = CommonOptions.ParseLanguage(parse.GetValue(lang));
            var catalog = CommonOptions.LoadRules(parse.GetValue(rules), limits.Read(parse));
            foreach (var d in catalog.Diagnostics) console.Error.WriteLine(d.Format(language));
            var rows = catalog.Rules.OrderBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => new[]
                {
                    r.Id, r.Severity.Label(language), r.AppliesTo.Describe(language),
                    r.RuleSet + (r.Overrides.Count == 0 ? "" : $" + {string.Join(", ", r.Overrides.Select(o => $"{o.Key}={o.Value} ({o.Source.File})").Distinct())}"),
                    r.Title[language],
                })
                .ToList();
            var widths = Enumerable.Range(0, 4).Select(i => rows.Select(r => MessageTemplate.DisplayWidth(r[i])).DefaultIfEmpty(0).Max()).ToArray();
            foreach (var row in rows)
            {
                console.Out.WriteLine(string.Join("  ", row.Take(4).Select((c, i) => MessageTemplate.PadRight(c, widths[i]))) + "  " + row[4]);
            }

            return catalog.HasErrors ? ExitCodes.BadInput : ExitCodes.Clean;
        });
        return command;
    }
}
