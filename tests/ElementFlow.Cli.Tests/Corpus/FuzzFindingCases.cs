namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>
/// The inputs the fuzzers crashed the readers with (tests/fuzz/crashes), each run through the CLI as a
/// user would meet it: a rule set given to <c>rules lint</c>, a layer file of a plan given to <c>check</c>.
/// A new file in those folders becomes a case here without code.
/// </summary>
public static class FuzzFindingCases
{
    private static string Crashes(string target) => Path.Combine(Repo.Root, "tests", "fuzz", "crashes", target);

    public static IEnumerable<CorpusCase> All() => RuleSets().Concat(Layers());

    private static IEnumerable<CorpusCase> RuleSets()
    {
        foreach (var file in Directory.EnumerateFiles(Crashes("ruleset")).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            yield return new CorpusCase($"fuzz/ruleset-{Path.GetFileNameWithoutExtension(file)}")
            {
                Command = CaseCommand.RulesLint,
                Build = f => f.Bytes("rules.yaml", bytes),
                Exit = 2,
                Console = [Expect.ErrorAtLine("rules.yaml", @"rules\.[a-z-]+")],
            };
        }
    }

    private static IEnumerable<CorpusCase> Layers()
    {
        foreach (var file in Directory.EnumerateFiles(Crashes("geojson")).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            yield return new CorpusCase($"fuzz/geojson-{Path.GetFileNameWithoutExtension(file)}")
            {
                Rules = CaseRules.Minimal,
                Build = f => f.Base().Bytes("pkg/layers/erl.geojson", bytes),
                Exit = 2,
                Console = [Expect.Error("pkg/layers/erl.geojson", @"layer\.unreadable")],
            };
        }
    }
}
