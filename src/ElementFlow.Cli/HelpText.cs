using System.CommandLine;
using ElementFlow.Core.Text;

namespace ElementFlow.Cli;

/// <summary>
/// <c>--help</c> in the user's language: Chinese under <c>--lang zh</c> or a Chinese locale (<c>LANG=zh_CN.UTF-8</c>),
/// English otherwise; every command's help ends with examples.
/// </summary>
internal static class HelpText
{
    private static readonly AsyncLocal<Language?> Current = new();

    /// <summary>The language descriptions are written in for this run (English until <see cref="Use"/> says otherwise).</summary>
    public static Language Language => Current.Value ?? Language.En;

    public static void Use(Language language) => Current.Value = language;

    /// <summary>The text in the help language.</summary>
    public static string T(string zh, string en) => Language == Language.Zh ? zh : en;

    /// <summary>
    /// The help language: <c>--lang</c> when given, else Chinese when the locale (<c>LC_ALL</c>, <c>LC_MESSAGES</c>,
    /// <c>LANG</c>, the first one set) is Chinese, else English.
    /// </summary>
    public static Language Choose(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var value = args[i] == "--lang" && i + 1 < args.Count ? args[i + 1]
                : args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal) ? args[i][7..]
                : null;
            if (value == "zh") return Language.Zh;
            if (value == "en") return Language.En;
        }

        var locale = new[] { "LC_ALL", "LC_MESSAGES", "LANG" }.Select(environment).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.Zh : Language.En;
    }

    /// <summary>An example of a command: what to type and what it does.</summary>
    public sealed record Example(string CommandLine, string Zh, string En);

    /// <summary>Examples by command path (<c>elementflow rules test</c>).</summary>
    private static readonly Dictionary<string, Example[]> Examples = new(StringComparer.Ordinal)
    {
        ["elementflow"] =
        [
            new("elementflow check path/to/plan", "检查一个规划包（含 plan.yaml 的文件夹或 .zip）", "check one plan package (a folder or .zip with plan.yaml)"),
            new("elementflow explain LINE-001", "说明一条规则：检查什么、依据、参数和整改方法", "what one rule checks, its basis, parameters and how to fix it"),
            new("elementflow rules list", "列出生效的规则", "list the rules in effect"),
            new("elementflow completion bash >> ~/.bashrc", "安装 bash 命令补全", "install bash completion"),
        ],
        ["elementflow check"] =
        [
            new("elementflow check path/to/plan", "检查一个规划包，报告输出到终端", "check one plan package, report to the terminal"),
            new("elementflow check plans/ --format sarif --out report.sarif", "检查文件夹下所有规划包，写出 SARIF 供代码扫描", "check every package under a folder, write SARIF for code scanning"),
            new("elementflow check path/to/plan --format html --out report.html --lang zh", "为审查人员生成中文 HTML 报告", "an HTML report in Chinese for reviewers"),
            new("elementflow check path/to/plan --rules builtin --rules my-rules/", "内置规则加上自己的规则集", "the built-in rules plus rule sets of your own"),
            new("elementflow check path/to/plan --baseline last.json", "只报告相对上次 JSON 报告新增的问题", "only the findings that are new against an earlier JSON report"),
            new("elementflow check path/to/plan --db postgres://checker@yzt:5432/yizhangtu --publish review.findings", "图层取自一张图 PostGIS 库（postgis: 图层），检查结果写回其 review.findings 表", "read postgis: layers from the 一张图 PostGIS store and write the findings back into its review.findings table"),
        ],
        ["elementflow init"] =
        [
            new("elementflow init submission/qinghe.gdb --out submission/plan.yaml", "为提交的 .gdb 生成 plan.yaml，再用 elementflow check submission 检查", "write a plan.yaml for a submitted .gdb, then check it with elementflow check submission"),
            new("elementflow init submission.gdb.zip", "把生成的 plan.yaml 输出到终端查看", "print the plan.yaml it would write"),
        ],
        ["elementflow review"] =
        [
            new("elementflow review national/ --out review-2026", "审查文件夹下全部规划包（每个规划一个任务，再按上级检查跨规划规则），写出 review-2026/report.json", "review every package under a folder (a task per plan, then the cross-plan rules per parent); writes review-2026/report.json"),
            new("elementflow review national/ --out review-2026", "中断后以相同 --out 再次运行：台账中已完成的任务不再重做", "run again with the same --out after an interruption: tasks finished in the ledger are not redone"),
            new("elementflow review plans.txt --out review-2026 --workers 4 --attempts 2", "清单文件逐行列出规划包；4 个任务并行；失败两次的任务记为 ENGINE-FAILED", "a manifest lists the packages one a line; 4 tasks at a time; a task failing twice becomes ENGINE-FAILED"),
            new("elementflow review /shared/national --out /shared/review-2026 --cluster postgres://ef@db:5432/review --ledger postgres://ef@db:5432/review", "在 Orleans 集群的节点上运行（先用 elementflow silo 启动）；台账放在集群数据库中", "run on the silos of an Orleans cluster (start them with elementflow silo), the ledger in the cluster's database"),
        ],
        ["elementflow silo"] =
        [
            new("elementflow silo --cluster postgres://ef@db:5432/review", "启动一个工作节点，加入集群（成员表不存在时创建）；输出 silo ready 后即可接收任务", "start a worker that joins the cluster (creating the membership tables when missing); it prints silo ready once it takes tasks"),
            new("elementflow silo --cluster postgres://ef@127.0.0.1:5432/review --address 127.0.0.1 --workers 1 --memory-budget 6GiB", "同一台机器上多个节点：各取空闲端口，每个一次检查一个任务，托管堆超过 6 GiB 时不再开始新任务", "several silos on one host: each picks free ports, checks one task at a time and starts none while its heap is above 6 GiB"),
        ],
        ["elementflow rules"] =
        [
            new("elementflow rules lint my-rules/", "校验规则集", "validate rule sets"),
            new("elementflow rules test my-rules/", "运行规则的测试用例", "run the rules' test cases"),
            new("elementflow rules list --lang en", "用英文列出生效的规则", "list the rules in effect, in English"),
        ],
        ["elementflow rules lint"] =
        [
            new("elementflow rules lint", "校验内置规则集", "validate the built-in rule sets"),
            new("elementflow rules lint my-rules/ --lang en", "校验一个文件夹中的规则集，英文提示", "validate the rule sets in a folder, messages in English"),
        ],
        ["elementflow rules test"] =
        [
            new("elementflow rules test", "运行当前目录 rules/ 下（或内置规则自带）的测试用例", "run the cases under ./rules (or those shipped with the built-in rules)"),
            new("elementflow rules test my-rules/ --format junit --out results.xml", "写出 JUnit XML 供 CI 展示", "write JUnit XML for CI test views"),
        ],
        ["elementflow rules list"] =
        [
            new("elementflow rules list", "列出内置规则：编号、级别、适用范围", "list the built-in rules: ids, severities, where they apply"),
            new("elementflow rules list --rules province.yaml", "列出某省配置生效后的规则", "list the rules with a province's profile in effect"),
        ],
        ["elementflow explain"] =
        [
            new("elementflow explain LINE-004", "说明规则 LINE-004", "explain rule LINE-004"),
            new("elementflow explain LINE-004 --rules province.yaml --lang en", "说明某省配置下的参数值及其来源", "the values a province's profile sets, and where each comes from"),
        ],
        ["elementflow docs"] =
        [
            new("elementflow docs", "重新生成 docs/rules.md 和 docs/command-line.md", "regenerate docs/rules.md and docs/command-line.md"),
            new("elementflow docs --check", "检查文档是否与规则集和命令一致（CI 使用）", "check that the docs match the rule sets and commands (for CI)"),
            new("elementflow docs --rules my-rules/ --out my-docs/", "为自己的规则集生成规则目录", "a rule catalogue of your own rule sets"),
        ],
        ["elementflow serve"] =
        [
            new("elementflow serve", "在 http://127.0.0.1:8080 启动审查服务器，数据存于 ./elementflow-data", "start the review server at http://127.0.0.1:8080, data in ./elementflow-data"),
            new("elementflow serve --data /srv/elementflow --urls http://0.0.0.0:8080", "指定数据文件夹，并在所有网络接口上监听", "a data folder of your own, listening on every interface"),
        ],
        ["elementflow users"] =
        [
            new("elementflow users add wang --role reviewer < password.txt", "添加审查人员（密码从标准输入读取一行）", "add a reviewer (the password is one line on stdin)"),
            new("elementflow users token wang", "为用户签发 API 令牌", "issue an API token for a user"),
        ],
        ["elementflow users add"] =
        [
            new("elementflow users add li --role planner --data /srv/elementflow", "添加规划编制人员，随后输入密码并回车", "add a planner, then type the password and Enter"),
        ],
        ["elementflow users token"] =
        [
            new("elementflow users token li", "签发 API 令牌（只显示这一次）", "issue an API token (shown this once)"),
        ],
        ["elementflow completion"] =
        [
            new("elementflow completion bash >> ~/.bashrc", "bash 补全", "bash completion"),
            new("elementflow completion zsh > \"${fpath[1]}/_elementflow\"", "zsh 补全", "zsh completion"),
            new("elementflow completion pwsh >> $PROFILE", "PowerShell 补全", "PowerShell completion"),
        ],
    };

    /// <summary>The examples of a command.</summary>
    public static IReadOnlyList<Example> ExamplesOf(Command command) => Examples.GetValueOrDefault(PathOf(command), []);

    /// <summary>The commands that have examples, by path.</summary>
    public static IReadOnlyCollection<string> CommandsWithExamples => Examples.Keys;

    /// <summary>The path of a command from the root: <c>elementflow rules test</c>.</summary>
    public static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is not null; s = s.Parents.FirstOrDefault())
        {
            if (s is Command c) names.Insert(0, c is RootCommand ? "elementflow" : c.Name);
        }

        return string.Join(" ", names);
    }

    /// <summary>The help System.CommandLine wrote, with its headings in the help language and the command's examples after it.</summary>
    public static string Finish(string help, Command command)
    {
        var text = help.TrimEnd();
        if (Language == Language.Zh)
        {
            foreach (var (en, zh) in Headings) text = text.Replace(en, zh, StringComparison.Ordinal);
        }

        var examples = Examples.GetValueOrDefault(PathOf(command), []);
        if (examples.Length == 0) return text + Environment.NewLine;
        var lines = new List<string> { "", T("示例：", "Examples:") };
        foreach (var e in examples)
        {
            lines.Add("  " + e.CommandLine);
            lines.Add("      " + T(e.Zh, e.En));
        }

        return text + Environment.NewLine + string.Join(Environment.NewLine, lines) + Environment.NewLine + Environment.NewLine;
    }

    private static readonly (string En, string Zh)[] Headings =
    [
        ("Description:", "说明："),
        ("Usage:", "用法："),
        ("Arguments:", "参数："),
        ("Options:", "选项："),
        ("Commands:", "命令："),
        ("Show help and usage information", "显示帮助和用法"),
        ("Show version information", "显示版本信息"),
        ("[command]", "[命令]"),
        ("[options]", "[选项]"),
        ("[default: ", "[默认："),
    ];
}
