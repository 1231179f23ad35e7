using System.Text;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>YAML that expands exponentially through anchors and aliases (billion laughs), or nests very deep.</summary>
public static class YamlBombCases
{
    /// <summary>Nine levels of nine aliases each: 9^9 (387 million) leaves once expanded, from 81 alias uses.</summary>
    private static string Laughs(string indent = "  ")
    {
        var text = new StringBuilder();
        text.Append(indent).Append("lol0: &lol0 [lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append(indent).Append($"lol{level}: &lol{level} [");
            text.Append(string.Join(", ", Enumerable.Repeat($"*lol{level - 1}", 9)));
            text.Append("]\n");
        }

        return text.ToString();
    }

    private static string DeepFlow(int depth) => new string('[', depth) + "x" + new string(']', depth);

    private static string DeepBlock(int depth) => string.Concat(Enumerable.Repeat("- ", depth)) + "x";

    private static string DeepMapping(int depth) => string.Concat(Enumerable.Repeat("{a: ", depth)) + "x" + new string('}', depth);

    public static IEnumerable<CorpusCase> All()
    {
        const string Yaml = "pkg/plan.yaml";
        CorpusCase Plan(string name, string yaml, string pattern, bool limits = true) => new($"yaml-bomb/{name}")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base(plan: yaml),
            RequiresLimits = limits,
            Exit = 2,
            Console = [pattern],
        };
        var aliases = Expect.Limit(Yaml, "--max-yaml-aliases");
        var tooDeep = Expect.ErrorAtLine(Yaml, @"yaml\.too-deep");

        yield return Plan("billion-laughs-in-description", Samples.Plan("description:\n" + Laughs()), aliases);
        yield return Plan("billion-laughs-in-an-unknown-key", Samples.Plan("extra:\n" + Laughs()), aliases);
        yield return Plan("billion-laughs-as-the-name", Samples.Plan("description:\n" + Laughs()).Replace("name: { zh: 语料规划, en: Corpus plan }", "name: *lol9"), aliases);
        yield return Plan("billion-laughs-as-a-mapping-key", Samples.Plan("description:\n" + Laughs() + "? *lol9\n: key\n"), aliases);
        yield return Plan("billion-laughs-as-approval-features", Samples.Plan("description:\n" + Laughs()
            + "approvals:\n  - { id: A, document: d, rule: DATA-003, features: { ecological_redline: *lol9 }, expires: 2030-01-01 }\n"), aliases);
        yield return Plan("thousand-and-one-flat-aliases", Samples.Plan("anchor: &a x\nmany: [" + string.Join(", ", Enumerable.Repeat("*a", 1001)) + "]\n"), aliases);
        yield return Plan("alias-of-its-own-anchor", Samples.Plan().Replace("name: { zh: 语料规划, en: Corpus plan }", "name: &n { zh: 语料规划, en: *n }"),
            Expect.ErrorAtLine(Yaml, @"(yaml\.syntax|yaml\.wrong-shape|plan\.field-required|rules\.field-required)"), limits: false);
        yield return Plan("merge-keys-of-a-bomb", Samples.Plan("description:\n" + Laughs() + "more: { <<: *lol9 }\n"), aliases);
        yield return Plan("deep-flow-sequence-100000", Samples.Plan("description: " + DeepFlow(100_000) + "\n"), tooDeep);
        yield return Plan("deep-block-sequence-100000", Samples.Plan("description:\n  " + DeepBlock(100_000) + "\n"), tooDeep);
        yield return Plan("deep-flow-mapping-100000", Samples.Plan("description: " + DeepMapping(100_000) + "\n"), tooDeep);
        yield return Plan("deep-just-over-the-bound", Samples.Plan("description: " + DeepFlow(101) + "\n"), tooDeep);
        yield return Plan("deep-as-the-region", Samples.Plan().Replace("region: { code: \"330122\", name: 测试县 }", "region: " + DeepMapping(50_000)), tooDeep);
        yield return new CorpusCase("yaml-bomb/deep-rule-set")
        {
            Command = CaseCommand.RulesLint,
            Build = f => f.Text("rules.yaml", "ruleset: local\nversion: 1.0.0\ntitle: { zh: 本地, en: Local }\ndescription: " + DeepFlow(100_000) + "\nrules: []\n"),
            RequiresLimits = true,
            Exit = 2,
            Console = [Expect.ErrorAtLine("rules.yaml", @"yaml\.too-deep")],
        };
        yield return new CorpusCase("yaml-bomb/billion-laughs-in-a-rule-set")
        {
            Command = CaseCommand.RulesLint,
            Build = f => f.Text("rules.yaml", "ruleset: local\nversion: 1.0.0\ntitle: { zh: 本地, en: Local }\ndescription:\n" + Laughs() + "rules: []\n"),
            RequiresLimits = true,
            Exit = 2,
            Console = [Expect.Limit("rules.yaml", "--max-yaml-aliases")],
        };
        yield return new CorpusCase("yaml-bomb/billion-laughs-in-check-rules")
        {
            Rules = CaseRules.Own,
            Build = f => f.Base().Text("rules.yaml", "ruleset: local\nversion: 1.0.0\ntitle: { zh: 本地, en: Local }\ndescription:\n" + Laughs() + "rules: []\n"),
            RequiresLimits = true,
            Exit = 2,
            Console = [Expect.Limit("rules.yaml", "--max-yaml-aliases")],
        };
        yield return new CorpusCase("yaml-bomb/long-scalar-5-mb")
        {
            Build = f => f.Base(plan: Samples.Plan("padding: " + new string('x', 5_000_000) + "\n")),
            Exit = 0,
            Tolerated = true,
            Console = [Expect.Warning(Yaml, @"yaml\.unknown-key", "padding")],
        };
    }
}
