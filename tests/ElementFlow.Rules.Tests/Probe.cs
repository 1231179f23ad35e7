using static ElementFlow.Rules.Tests.RuleYaml;
namespace ElementFlow.Rules.Tests;
public sealed class Probe
{
    [Fact] public void P() {
        var (_, d) = LoadRules("""
              - id: TEST-001
                title: { en: Title }
                severity: error
                check: { kind: valid-geometry }
                message: { zh: "", en: Message }
            """);
        Assert.Fail(Describe(d));
    }
}
