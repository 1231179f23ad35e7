using System.Text;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>
/// Rule sets, through <c>rules lint rules.yaml</c> and <c>check --rules rules.yaml</c>: malformed and
/// truncated, unknown kinds and parameters, missing and bad fields, conditions that reach for
/// reflection, files or processes. All are bad input: exit 2 naming rules.yaml and the line.
/// </summary>
public static class RuleSetCases
{
    private const string File = "rules.yaml";

    private const string Header = """
        ruleset: local
        version: 1.0.0
        title: { zh: 本地规则, en: Local rules }
        rules:

        """;

    private const string Overlap = """
          - id: LOC-001
            title: { zh: 红线与农田不重叠, en: Red line does not overlap farmland }
            severity: error
            check:
              kind: no-overlap
              a: ecological_redline
              b: permanent_basic_farmland
              tolerance-m2: 1
            message: { zh: "重叠 {value} 平方米", en: "overlap of {value} m²" }

        """;

    /// <summary>A rule set whose last key is its quoted id: every cut before the closing quote leaves a syntax error or no id.</summary>
    private const string Truncatable = """
        version: 1.0.0
        title: { zh: 本地规则（截断）, en: Local rules (truncated) }
        rules:
          - id: LOC-001
            title: { zh: 红线与农田不重叠, en: Red line does not overlap farmland }
            severity: error
            applies-to: { levels: [county, city], types: [overall] }
            check:
              kind: no-overlap
              a: ecological_redline
              b: permanent_basic_farmland
              tolerance-m2: 1
            message: { zh: "重叠 {value} 平方米", en: "overlap of {value} m²" }
          - id: LOC-002
            title: { zh: 面积, en: Area }
            severity: warning
            check: { kind: expression, facts: feature, layers: [ecological_redline], when: "feature.Area < 10", value: "feature.Area" }
            message: { zh: "面积 {value}", en: "area {value}" }
        ruleset: "local-truncated"
        """;

    /// <summary>A rule set with one expression rule whose condition is <paramref name="when"/>.</summary>
    public static string Condition(string when) => Header + $$"""
          - id: LOC-009
            title: { zh: 条件, en: Condition }
            severity: warning
            check:
              kind: expression
              facts: feature
              layers: [ecological_redline]
              when: '{{when.Replace("'", "''")}}'
            message: { zh: "条件成立 {value}", en: "condition holds {value}" }

        """;

    public static IEnumerable<CorpusCase> All() => Truncations().Concat(Shapes()).Concat(Conditions());

    private static CorpusCase Lint(string name, string yaml, string code, string message = "") => new($"ruleset/{name}")
    {
        Command = CaseCommand.RulesLint,
        Build = f => f.Text(File, yaml),
        Exit = 2,
        Console = [Expect.ErrorAtLine(File, code, message)],
    };

    private static CorpusCase Check(string name, string yaml, string code, string message = "") => new($"ruleset/check-{name}")
    {
        Rules = CaseRules.Own,
        Build = f => f.Base().Text(File, yaml),
        Exit = 2,
        Console = [Expect.ErrorAtLine(File, code, message)],
    };

    private static IEnumerable<CorpusCase> Truncations()
    {
        var bytes = Encoding.UTF8.GetBytes(Truncatable);
        foreach (var cut in Enumerable.Range(0, 16).Select(i => i * (bytes.Length - 1) / 16))
        {
            var head = bytes[..cut];
            yield return new CorpusCase($"ruleset/truncated-at-{cut:D4}")
            {
                Command = CaseCommand.RulesLint,
                Build = f => f.Bytes(File, head),
                Exit = 2,
                Console = [Expect.ErrorAtLine(File, @"(yaml\.syntax|yaml\.wrong-shape|yaml\.not-unicode|rules\.field-required: Rule \(rule set\): ruleset)")],
            };
        }
    }

    private static IEnumerable<CorpusCase> Shapes()
    {
        string Rule(string from, string to) => Header + Overlap.Replace(from, to);

        yield return Lint("empty-file", "", @"yaml\.wrong-shape");
        yield return Lint("not-yaml", "ruleset: [unclosed\n", @"yaml\.syntax");
        yield return Lint("rules-is-a-mapping", Header.Replace("rules:\n", "rules:\n  LOC-001: {}\n"), @"yaml\.wrong-shape", "rules");
        yield return Lint("unknown-top-level-key", "author: me\n" + Header + Overlap, @"yaml\.unknown-key", "author");
        yield return Lint("missing-ruleset-id", Header.Replace("ruleset: local\n", "") + Overlap, @"rules\.field-required", "ruleset");
        yield return Lint("unknown-kind", Rule("kind: no-overlap", "kind: overlap"), @"rules\.unknown-kind", "overlap");
        yield return Lint("unknown-parameter", Rule("tolerance-m2: 1", "tolerance: 1"), @"rules\.unknown-parameter", "tolerance");
        yield return Lint("parameter-of-wrong-type", Rule("tolerance-m2: 1", "tolerance-m2: [1, 2]"), @"(rules\.field-invalid|yaml\.wrong-shape)", "tolerance-m2");
        yield return Lint("parameter-not-a-number", Rule("tolerance-m2: 1", "tolerance-m2: small"), @"(rules\.field-invalid|yaml\.wrong-shape)", "tolerance-m2");
        yield return Lint("missing-id", Rule("  - id: LOC-001\n    title:", "  - title:"), @"rules\.field-required", "id");
        yield return Lint("id-in-lower-case", Rule("id: LOC-001", "id: loc001"), @"rules\.field-invalid", "id");
        yield return Lint("duplicate-id", Header + Overlap + Overlap, @"rules\.duplicate-id", "LOC-001");
        yield return Lint("unknown-severity", Rule("severity: error", "severity: fatal"), @"rules\.field-invalid", "severity");
        yield return Lint("missing-severity", Rule("    severity: error\n", ""), @"rules\.field-required", "severity");
        yield return Lint("missing-message", Rule("    message: { zh: \"重叠 {value} 平方米\", en: \"overlap of {value} m²\" }\n", ""), @"rules\.field-required", "message");
        yield return Lint("message-without-english", Rule(", en: \"overlap of {value} m²\"", ""), @"rules\.field-required", "en");
        yield return Lint("message-unknown-placeholder", Rule("overlap of {value} m²", "overlap of {area} m²"), @"rules\.unknown-placeholder", "area");
        yield return Lint("message-unclosed-placeholder", Rule("overlap of {value} m²", "overlap of {value m²"), @"rules\.[a-z-]+", "message|placeholder|\\{") with
        {
            KnownBug = "a message with an unclosed placeholder ({value m²) passes lint; the brace is printed as it is",
        };
        yield return Lint("check-is-a-list", Rule("    check:\n      kind: no-overlap\n      a: ecological_redline\n      b: permanent_basic_farmland\n      tolerance-m2: 1\n", "    check: [no-overlap]\n"), @"(yaml\.wrong-shape|rules\.field-required)", "check");
        yield return Lint("check-and-checks", Rule("    check:\n", "    checks: [{ kind: valid-geometry, layers: all }]\n    check:\n"), @"rules\.field-invalid", "check");
        yield return Lint("unknown-level", Rule("severity: error", "severity: error\n    applies-to: { levels: [prefecture] }"), @"rules\.field-invalid", "prefecture");
        yield return new CorpusCase("ruleset/levels-is-a-scalar")
        {
            Command = CaseCommand.RulesLint,
            Build = f => f.Text(File, Rule("severity: error", "severity: error\n    applies-to: { levels: county }")),
            Exit = 0,
            Tolerated = true,
            Console = ["1 rule sets, 1 rules, 0 errors"],
        };
        yield return Lint("unknown-role", Rule("a: ecological_redline", "a: redline"), @"rules\.unknown-role", "redline");
        yield return Lint("extends-unknown-set", "extends: [nosuchset]\n" + Header + Overlap, @"rules\.extends-unknown", "nosuchset");
        yield return Lint("override-unknown-rule", "ruleset: local\nversion: 1.0.0\ntitle: { zh: 本地, en: Local }\nextends: [builtin]\noverrides:\n  NOPE-001: { severity: warning }\n", @"rules\.override-unknown-rule", "NOPE-001");
        yield return Lint("override-id", "ruleset: local\nversion: 1.0.0\ntitle: { zh: 本地, en: Local }\nextends: [builtin]\noverrides:\n  LINE-001: { id: LINE-999 }\n", @"rules\.override-id", "LINE-001");
        yield return new CorpusCase("ruleset/binary-garbage")
        {
            Command = CaseCommand.RulesLint,
            Build = f => f.Bytes(File, PlanYamlCases.Garbage(3000, seed: 7)),
            Exit = 2,
            Console = [Expect.ErrorAtLine(File, @"yaml\.[a-z-]+")],
        };
        yield return Check("malformed", "ruleset: [unclosed\n", @"yaml\.syntax");
        yield return Check("unknown-kind", Rule("kind: no-overlap", "kind: overlap"), @"rules\.unknown-kind", "overlap");
        yield return new CorpusCase("ruleset/check-rules-file-missing")
        {
            Rules = CaseRules.Own,
            Build = f => f.Base(),
            Exit = 2,
            Console = [Expect.Error(File, @"rules\.folder-missing")],
        };
        yield return new CorpusCase("ruleset/check-rules-folder-empty")
        {
            Rules = CaseRules.Own,
            Build = f => f.Base().Text("rules.yaml/README.txt", "no rules here"),
            Exit = 2,
            Console = [Expect.Error(File, @"rules\.none")],
        };
    }

    private static IEnumerable<CorpusCase> Conditions()
    {
        CorpusCase Refused(string name, string when, string mention) => Lint($"condition-{name}", Condition(when), @"rules\.condition", mention);

        yield return Refused("get-type", "feature.GetType().Name == \"Feature\"", "GetType");
        yield return Refused("file-read", "System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"", "File|System");
        yield return Refused("file-exists", "File.Exists(\"/etc/passwd\")", "File");
        yield return Refused("process-start", "System.Diagnostics.Process.Start(\"sh\") != null", "Process|System");
        yield return Refused("type-get-type", "Type.GetType(\"System.IO.File\") != null", "Type|GetType");
        yield return Refused("typeof", "typeof(System.IO.File) != null", "typeof");
        yield return Refused("app-domain", "AppDomain.CurrentDomain.FriendlyName != \"\"", "AppDomain");
        yield return Refused("environment-exit", "Environment.Exit(3) == null", "Environment");
        yield return Refused("activator", "Activator.CreateInstance(\"System\", \"System.Object\") != null", "Activator");
        yield return Refused("new-web-client", "new System.Net.WebClient() != null", "creating objects");
        yield return Refused("assembly-load", "System.Reflection.Assembly.Load(\"x\") != null", "Assembly|System");
        yield return Refused("reflection-via-a-string", "\"x\".GetType().Assembly.Location != \"\"", "GetType");
        yield return Refused("dynamic-linq-it", "it.Area > 1", "it");
        yield return Refused("dynamic-linq-np", "np(feature.Area) > 1", "np");
        yield return Refused("dynamic-linq-parameter", "feature.Area > @0", "@0");
        yield return Refused("huge-string", "\"x\".PadLeft(2000000000) == \"\"", "PadLeft");
        yield return Refused("nested-parentheses", new string('(', 300) + "feature.Area > 1" + new string(')', 300), "nest|deep|parenthes");
        yield return Refused("deep-parentheses", new string('(', 10_000) + "feature.Area > 1" + new string(')', 10_000), "longer than");
        yield return Refused("does-not-parse", "feature.Area <", "parse");
        yield return new CorpusCase("ruleset/check-condition-reads-a-file")
        {
            Rules = CaseRules.Own,
            Build = f => f.Base().Text(File, Condition("System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"")),
            Exit = 2,
            Console = [Expect.ErrorAtLine(File, @"rules\.condition", "File|System")],
        };
    }
}
