using System.Globalization;
using System.Text;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>
/// The input limits of issue 8, each just exceeded with a low setting (fast), and bad option values.
/// A refusal is <c>limit.exceeded</c> naming the file, the limit and the option that raises it; exit 2.
/// </summary>
public static class LimitCases
{
    private const string Erl = "pkg/layers/erl.geojson";

    private static string Squares(int count) =>
        Samples.Collection(Enumerable.Range(0, count).Select(i => Samples.Square($"E{i + 1}", Samples.X + 10 * (i % 90), Samples.Y + 10 * (i / 90), 5)).ToArray());

    private static string Circle(int vertices)
    {
        using var bytes = new MemoryStream();
        Samples.CircleFeatureCollection(bytes, "C1", vertices, 300);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public static IEnumerable<CorpusCase> All()
    {
        CorpusCase Limit(string name, Action<CaseFolder> build, string file, string option, params string[] args) => new($"limit/{name}")
        {
            Rules = CaseRules.Minimal,
            Build = build,
            Args = args,
            RequiresLimits = true,
            Exit = 2,
            Console = [Expect.Limit(file, option)],
        };

        yield return Limit("features-one-over", f => f.Base().Layer("erl.geojson", Squares(11)), Erl, "--max-features", "--max-features", "10");
        yield return Limit("features-far-over", f => f.Base().Layer("erl.geojson", Squares(5000)), Erl, "--max-features", "--max-features", "100");
        yield return Limit("features-in-a-shapefile", f => EncodingCases.ZoningShapefile(f, count: 3), "pkg/layers/zoning.shp", "--max-features", "--max-features", "2");
        yield return Limit("vertices-one-over", f => f.Base().Layer("erl.geojson", Circle(1000)), Erl, "--max-vertices", "--max-vertices", "1000");
        yield return Limit("vertices-two-million", f => f.Base().Stream(Erl, s => Samples.CircleFeatureCollection(s, "C1", 2_000_000, 300)), Erl, "--max-vertices", "--max-vertices", "100000");
        yield return Limit("vertices-summed-over-parts", f => f.Base().Layer("erl.geojson", Samples.Collection(Samples.Feature("M1",
            "{\"type\":\"MultiPolygon\",\"coordinates\":[" + string.Join(",", Enumerable.Range(0, 30).Select(i => "[" + Samples.Ring(Samples.X + 20 * i, Samples.Y, 10) + "]")) + "]}"))),
            Erl, "--max-vertices", "--max-vertices", "100");
        yield return Limit("yaml-aliases-in-plan", f => f.Base(plan: Samples.Plan("anchor: &a x\nmany: [" + string.Join(", ", Enumerable.Repeat("*a", 20)) + "]\n")),
            "pkg/plan.yaml", "--max-yaml-aliases", "--max-yaml-aliases", "10");
        yield return Limit("package-size-of-a-folder", f => f.Base().Layer("erl.geojson", Squares(2000)), "pkg", "--max-package-size", "--max-package-size", "100KB");
        yield return Limit("package-size-of-a-zip", f =>
        {
            f.Base("src").Layer("erl.geojson", Squares(2000), "src");
            f.Zip("pkg.zip", f.Entries("src"));
            Directory.Delete(f.Full("src"), recursive: true);
        }, "pkg.zip", "--max-package-size", "--max-package-size", "100KiB") with { Target = "pkg.zip" };
        yield return new CorpusCase("limit/yaml-aliases-in-rules-lint")
        {
            Command = CaseCommand.RulesLint,
            Build = f => f.Text("rules.yaml", RuleSetCases.Condition("feature.Area > 1") + "anchors:\n  a: &a x\n  b:\n    - *a\n    - *a\n    - *a\n    - *a\n    - *a\n"),
            Args = ["--max-yaml-aliases", "2"],
            RequiresLimits = true,
            Exit = 2,
            Console = [Expect.Limit("rules.yaml", "--max-yaml-aliases")],
        };

        CorpusCase BadValue(string option, string value) => new($"limit/bad-value{option}-{value.Replace(".", "")}")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base(),
            Args = [option, value],
            RequiresLimits = true,
            Exit = 2,
            Console = [$"{option}.*{System.Text.RegularExpressions.Regex.Escape(value)}"],
        };
        yield return BadValue("--max-package-size", "lots");
        yield return BadValue("--max-package-size", "10XB");
        yield return BadValue("--max-package-size", "0");
        yield return BadValue("--max-package-size", "-5MB");
        yield return BadValue("--max-features", "-5");
        yield return BadValue("--max-features", "1.5");
        yield return BadValue("--max-vertices", "0");
        yield return BadValue("--max-vertices", "99999999999999999999");
        yield return BadValue("--max-yaml-aliases", "abc");
        _ = CultureInfo.InvariantCulture;
    }
}
