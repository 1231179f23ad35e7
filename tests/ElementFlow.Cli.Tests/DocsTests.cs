using System.Text.RegularExpressions;
using ElementFlow.Cli.Docs;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Units;
using ElementFlow.Rules;

namespace ElementFlow.Cli.Tests;

/// <summary>README and docs/ stay true: generated pages match the code, links resolve inside the repository, the sample run is what a run prints.</summary>
public partial class DocsTests
{
    private static string Docs => Path.Combine(Repo.Root, "docs");

    private static string Readme => File.ReadAllText(Path.Combine(Repo.Root, "README.md"));

    /// <summary>README.md and every page under docs/, relative to the repository.</summary>
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.EnumerateFiles(Docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repo.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [GeneratedRegex(@"(?<!\!)\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    public static TheoryData<string> GeneratedPages() => new(ReferenceDocs.RulesFile, ReferenceDocs.CommandLineFile);

    [Theory]
    [MemberData(nameof(GeneratedPages))]
    public void Generated_DocsPage_IsWhatTheCodeGenerates(string name)
    {
        var expected = ReferenceDocs.All(RuleCatalog.Load([Repo.Rules]))[name];
        var file = Path.Combine(Docs, name);

        var actual = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "(missing)";

        Assert.True(expected == actual, $"docs/{name} is stale: run `dotnet run --project src/ElementFlow.Cli -- docs`");
    }

    [Fact]
    public void Generated_RuleCatalogue_ListsEveryBuiltInRuleWithBothTitles()
    {
        var catalog = RuleCatalog.Load([Repo.Rules]);

        var text = ReferenceDocs.Rules(catalog);

        Assert.All(catalog.Rules, r => Assert.Contains($"| [{r.Id}](#{r.Id.ToLowerInvariant()}) | {r.Title.En.Replace("|", "\\|")} | {r.Title.Zh.Replace("|", "\\|")} |", text));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Links_EveryLinkOfThePage_ResolvesInsideTheRepository(string page)
    {
        var file = Path.Combine(Repo.Root, page);
        var folder = Path.GetDirectoryName(file)!;
        var broken = new List<string>();
        foreach (Match m in Link().Matches(File.ReadAllText(file)))
        {
            var target = m.Groups["target"].Value;
            if (target.StartsWith('#')) continue;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                broken.Add($"{target} (outside the repository)");
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(target.Split('#')[0])));
            if (!path.StartsWith(Repo.Root, StringComparison.Ordinal)) broken.Add($"{target} (outside the repository)");
            else if (!File.Exists(path) && !Directory.Exists(path)) broken.Add($"{target} (does not exist)");
        }

        Assert.True(broken.Count == 0, $"{page}: " + string.Join(", ", broken));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Links_ThePage_SendsNoReaderToContractsOutsideTheRepository(string page)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, page));

        Assert.DoesNotMatch(@"DESIGN(\.md)? §|DOMAIN\.md|STYLE\.md", text);
    }

    [Fact]
    public void Readme_FirstScreen_HasExactlyTwoCommands()
    {
        var block = Regex.Match(Readme, "```sh\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value;

        Assert.Equal(
            ["dotnet run --project src/ElementFlow.Cli -- check example-plans/qinghe-city", "dotnet test"],
            block.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Readme_SampleRun_IsWhatTheCheckPrints()
    {
        var section = Readme[Readme.IndexOf("## What a run looks like", StringComparison.Ordinal)..];
        var lines = Regex.Match(section, "```text\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value.TrimEnd('\n').Split('\n');
        const string prompt = "$ dotnet run --project src/ElementFlow.Cli -- ";
        Assert.StartsWith(prompt, lines[0], StringComparison.Ordinal);
        var args = lines[0][prompt.Length..].Split(' ').Select(a => File.Exists(Path.Combine(Repo.Root, a)) || Directory.Exists(Path.Combine(Repo.Root, a)) ? Path.Combine(Repo.Root, a) : a).ToArray();

        var (_, stdout, _) = Repo.Cli(args);

        var printed = stdout.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        var at = 0;
        foreach (var line in lines.Skip(1).Select(l => l.TrimEnd()).Where(l => l.Trim() != "..."))
        {
            var found = printed.IndexOf(line, at);
            Assert.True(found >= 0, $"README's sample run shows a line the check does not print (in this order):\n{line}\n\nThe check printed:\n{stdout}");
            at = found + 1;
        }
    }

    [Fact]
    public void PlanPackageDoc_NamesEveryRoleIndicatorAndUnit()
    {
        var text = File.ReadAllText(Path.Combine(Docs, "plan-package.md"));
        var names = LayerRole.All.SelectMany(r => r.Aliases.Prepend(r.Name))
            .Concat(IndicatorCatalog.All.Select(i => i.Key))
            .Concat(Unit.Names)
            .Concat(PlanKinds.LevelNames).Concat(PlanKinds.TypeNames);

        Assert.All(names, name => Assert.Contains(name, text));
    }
}
