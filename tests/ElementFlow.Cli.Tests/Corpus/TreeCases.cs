namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>Plan trees: a <c>parent</c> that points outside the tree, at no package, at itself, or round in a loop; duplicate ids and regions.</summary>
public static class TreeCases
{
    /// <summary>A special plan (few rules) at <paramref name="folder"/>, with a boundary, and its parent entry if any.</summary>
    private static CaseFolder Package(this CaseFolder f, string folder, string id, string? parent, string level = "county", string type = "special", string region = "330122")
    {
        var yaml = Samples.Plan()
            .Replace("id: corpus-plan", $"id: {id}")
            .Replace("level: county", $"level: {level}")
            .Replace("type: special", $"type: {type}")
            .Replace("code: \"330122\"", $"code: \"{region}\"");
        if (parent is not null) yaml = yaml.Replace("crs: EPSG:4527", $"parent: {parent}\ncrs: EPSG:4527");
        return f.Base(folder, yaml);
    }

    public static IEnumerable<CorpusCase> All()
    {
        CorpusCase Case(string name, Action<CaseFolder> build, string target, int exit, params string[] console) => new($"tree/{name}")
        {
            Rules = CaseRules.Minimal,
            Build = build,
            Target = target,
            Exit = exit,
            Console = console,
        };

        yield return Case("parent-missing", f => f.Package("pkg", "a", "../nowhere"), "pkg", 2,
            Expect.ErrorAtLine("pkg/plan.yaml", @"tree\.parent-missing", "\\.\\./nowhere"));
        yield return Case("parent-far-outside", f => f.Package("pkg", "a", string.Concat(Enumerable.Repeat("../", 40)) + "nowhere"), "pkg", 2,
            Expect.ErrorAtLine("pkg/plan.yaml", @"tree\.parent-missing", "nowhere"));
        yield return Case("parent-is-itself", f => f.Package("pkg", "a", "."), "pkg", 2,
            Expect.ErrorAtLine("pkg/plan.yaml", @"tree\.cycle", "a → a"));
        yield return Case("parent-is-itself-by-name", f => f.Package("pkg", "a", "../pkg"), "pkg", 2,
            Expect.ErrorAtLine("pkg/plan.yaml", @"tree\.cycle", "a → a"));
        yield return Case("parent-empty-string", f => f.Package("pkg", "a", "\"\""), "pkg", 2,
            Expect.Error("pkg/plan.yaml", @"(tree\.cycle|plan\.field-(invalid|required))", "parent|a → a"));
        yield return Case("two-plans-loop", f => f.Package("tree/a", "a", "../b").Package("tree/b", "b", "../a", region: "330100", level: "city"), "tree", 2,
            Expect.ErrorAtLine("tree/a/plan.yaml", @"tree\.cycle", "loops"));
        yield return Case("three-plans-loop", f => f.Package("tree/a", "a", "../b").Package("tree/b", "b", "../c", region: "330100", level: "city")
            .Package("tree/c", "c", "../a", region: "330000", level: "province"), "tree", 2,
            @"tree/[abc]/plan\.yaml:\d+: error tree\.cycle");
        yield return Case("loop-reached-from-outside", f => f.Package("tree/a", "a", "../b").Package("tree/b", "b", "../c", region: "330100", level: "city")
            .Package("tree/c", "c", "../b", region: "330000", level: "province"), "tree/a", 2,
            "tree/[bc]/plan\\.yaml:\\d+: error tree\\.cycle");
        yield return Case("parent-is-a-folder-without-plan", f => f.Package("pkg", "a", "../empty").Text("empty/readme.txt", "nothing here"), "pkg", 2,
            Expect.Error("empty", @"plan\.not-found"));
        yield return Case("parent-is-a-text-file", f => f.Package("pkg", "a", "../notes.txt").Text("notes.txt", "not a plan"), "pkg", 2,
            Expect.Error("notes.txt", @"plan\.not-found"));
        yield return Case("parent-is-the-root-folder", f => f.Package("pkg", "a", "/"), "pkg", 2,
            Expect.Error("/", @"plan\.not-found"));
        yield return Case("parent-has-broken-yaml", f => f.Package("pkg", "a", "../up").Plan("schema: elementflow/plan/v1\nid: up\n  level: : city\n", "up"), "pkg", 2,
            Expect.ErrorAtLine("up/plan.yaml", @"yaml\.syntax"));
        yield return Case("parent-with-nul-character", f => f.Package("pkg", "a", "\"../up\\0stairs\""), "pkg", 2,
            Expect.Error("pkg/plan.yaml", @"(tree\.parent-missing|plan\.field-invalid)", "parent|up"));
        yield return Case("parent-path-too-long", f => f.Package("pkg", "a", "../" + new string('x', 5000)), "pkg", 2,
            Expect.ErrorAtLine("pkg/plan.yaml", @"tree\.parent-missing"));
        yield return Case("parent-is-a-list", f => f.Package("pkg", "a", "[../up]"), "pkg", 2,
            Expect.ErrorAtLine("pkg/plan.yaml", @"yaml\.wrong-shape", "parent"));
        yield return Case("duplicate-ids", f => f.Package("tree/a", "same", null).Package("tree/b", "same", null, region: "330100", level: "city"), "tree", 2,
            Expect.Error("tree/b/plan.yaml", @"tree\.duplicate-id", "same"));
        yield return Case("duplicate-region", f => f.Package("tree/a", "a", null, type: "overall").Package("tree/b", "b", null, type: "overall"), "tree", 2,
            Expect.Error("tree/b/plan.yaml", @"tree\.duplicate-region", "330122"));
        yield return new CorpusCase("tree/parent-of-the-wrong-level")
        {
            Build = f => f.Package("tree/county", "county", "../township", type: "overall").Package("tree/township", "township", null, level: "township", type: "overall", region: "330122101"),
            Target = "tree",
            Exit = 1,
            Report = [Expect.Finding("HIER-002", "")],
        };
        yield return new CorpusCase("tree/parent-in-a-zip")
        {
            Build = f =>
            {
                f.Package("up", "up", null, level: "city", type: "overall", region: "330100").Package("pkg", "a", "../up.zip");
                f.Zip("up.zip", f.Entries("up"));
                Directory.Delete(f.Full("up"), recursive: true);
            },
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("tree/parent-zip-is-broken")
        {
            Build = f => f.Package("pkg", "a", "../up.zip").Bytes("up.zip", PlanYamlCases.Garbage(1000, seed: 5)),
            Exit = 2,
            Console = [Expect.Error("up.zip", @"plan\.zip-unreadable")],
        };
    }
}
