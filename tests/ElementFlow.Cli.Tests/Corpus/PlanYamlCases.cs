using System.Text;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>plan.yaml: truncated, malformed, wrong types, missing and extra fields, unknown roles and units, unsafe layer paths.</summary>
public static class PlanYamlCases
{
    private const string Yaml = "pkg/plan.yaml";

    /// <summary>
    /// A plan whose last key is a quoted crs: a cut anywhere before its closing quote leaves either a YAML
    /// syntax error or a plan without a CRS, so every truncation is broken input.
    /// </summary>
    private const string Truncatable = """
        schema: elementflow/plan/v1
        id: corpus-plan
        name: { zh: 语料规划（截断）, en: Corpus plan (truncated) }
        level: county
        type: special
        region: { code: "330122", name: 测试县 }
        period: { base: 2020, target: 2035 }
        layers:
          boundary: layers/boundary.geojson
          ecological_redline: { file: layers/erl.geojson, fields: { id: BSM } }
        indicators:
          farmland_retention: { value: 12.5, unit: 10k_mu }
        approvals:
          - { id: ADJ-1, document: 文件〔2024〕1号, rule: DATA-003, features: { boundary: ["B1"] }, expires: 2030-01-01 }
        crs: "EPSG:4527"
        """;

    public static IEnumerable<CorpusCase> All() => Truncations().Concat(Documents()).Concat(Fields()).Concat(LayerEntries()).Concat(Quantities());

    private static IEnumerable<CorpusCase> Truncations()
    {
        var bytes = Encoding.UTF8.GetBytes(Truncatable);
        var end = bytes.Length - 1; // before the closing quote of crs
        var offsets = Enumerable.Range(0, 12).Select(i => i * end / 12).ToHashSet();
        // Inside multi-byte characters (语料, 测试县, 〔): the cut leaves half a character.
        foreach (var text in new[] { "语料", "测试县" })
        {
            var at = Encoding.UTF8.GetByteCount(Truncatable[..Truncatable.IndexOf(text, StringComparison.Ordinal)]);
            offsets.Add(at + 1);
            offsets.Add(at + 2);
        }

        foreach (var cut in offsets.Order())
        {
            var head = bytes[..cut];
            yield return new CorpusCase($"plan-yaml/truncated-at-{cut:D4}")
            {
                Rules = CaseRules.Minimal,
                Build = f => f.Base().Bytes(Yaml, head),
                Exit = 2,
                Console = [Expect.Error(Yaml, @"(yaml\.syntax|yaml\.wrong-shape|yaml\.not-unicode|plan\.field-required: crs is required)")],
            };
        }
    }

    private static CorpusCase Broken(string name, string yaml, string code, string message = "", CaseRules rules = CaseRules.Minimal) => new($"plan-yaml/{name}")
    {
        Rules = rules,
        Build = f => f.Base(plan: yaml),
        Exit = 2,
        Console = [Expect.Error(Yaml, code, message)],
    };

    private static IEnumerable<CorpusCase> Documents()
    {
        yield return Broken("empty-file", "", @"yaml\.wrong-shape", "mapping");
        yield return Broken("comments-only", "# a plan\n# nothing else\n", @"yaml\.wrong-shape", "mapping");
        yield return Broken("document-is-a-list", "- schema: elementflow/plan/v1\n- id: x\n", @"yaml\.wrong-shape", "mapping");
        yield return Broken("document-is-a-scalar", "just some text\n", @"yaml\.wrong-shape", "mapping");
        yield return Broken("tab-indentation", Samples.Plan().Replace("  boundary:", "\tboundary:"), @"yaml\.syntax");
        yield return Broken("duplicate-top-level-key", Samples.Plan() + "id: another-plan\n", @"yaml\.syntax", "id|duplicate|key");
        yield return Broken("unclosed-quote", Samples.Plan().Replace("code: \"330122\"", "code: \"330122"), @"yaml\.syntax");
        yield return Broken("unclosed-flow-mapping", Samples.Plan().Replace("en: Corpus plan }", "en: Corpus plan"), @"yaml\.syntax");
        yield return Broken("bad-indentation", Samples.Plan().Replace("level: county", "  level: : county"), @"yaml\.syntax");
        yield return Broken("undefined-alias", Samples.Plan().Replace("level: county", "level: *nowhere"), @"yaml\.syntax", "nowhere|alias|anchor");
        yield return new CorpusCase("plan-yaml/binary-garbage")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base().Bytes(Yaml, Garbage(4096, seed: 8)),
            Exit = 2,
            Console = [Expect.ErrorAtLine(Yaml, @"yaml\.not-unicode")],
        };
        yield return new CorpusCase("plan-yaml/nul-bytes")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Base().Bytes(Yaml, Encoding.UTF8.GetBytes(Samples.Plan().Replace("type: special", "type: spe\0cial"))),
            Exit = 2,
            Console = [Expect.Error(Yaml, @"(yaml\.syntax|plan\.unknown-type)")],
        };
        yield return new CorpusCase("plan-yaml/plan-yaml-is-a-folder")
        {
            Build = f => f.Base().Text("pkg2/plan.yaml/readme.txt", "not a plan").Layer("boundary.geojson", Samples.Boundary, "pkg2"),
            Target = "pkg2",
            Exit = 2,
            Console = [Expect.Error("pkg2", @"plan\.not-found")],
        };
        yield return new CorpusCase("plan-yaml/named-plan-yml")
        {
            Build = f => f.Text("pkg/plan.yml", Samples.Plan()).Layer("boundary.geojson", Samples.Boundary),
            Exit = 2,
            Console = [Expect.Error("pkg", @"plan\.not-found", "no plan.yaml")],
        };
        yield return new CorpusCase("plan-yaml/empty-folder")
        {
            Build = f => Directory.CreateDirectory(f.Full("pkg")),
            Exit = 2,
            Console = [Expect.Error("pkg", @"plan\.not-found")],
        };
        yield return new CorpusCase("plan-yaml/path-does-not-exist")
        {
            Build = _ => { },
            Target = "no-such-package",
            Exit = 2,
            Console = [Expect.Error("no-such-package", @"plan\.path-missing")],
        };
        yield return new CorpusCase("plan-yaml/target-is-a-text-file")
        {
            Build = f => f.Text("notes.txt", "a plan? no"),
            Target = "notes.txt",
            Exit = 2,
            Console = [Expect.Error("notes.txt", @"plan\.not-found")],
        };
        yield return new CorpusCase("plan-yaml/utf8-bom")
        {
            Build = f => f.Base().Bytes(Yaml, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Samples.Plan("unexpected: 1\n"))]),
            Exit = 0,
            Tolerated = true,
            Console = [Expect.Warning(Yaml, @"yaml\.unknown-key", "unexpected")],
        };
        yield return new CorpusCase("plan-yaml/utf16-with-bom")
        {
            Build = f => f.Base().Bytes(Yaml, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Samples.Plan("unexpected: 1\n"))).ToArray()),
            Exit = 0,
            Tolerated = true,
            Console = [Expect.Warning(Yaml, @"yaml\.unknown-key", "unexpected")],
        };
        yield return new CorpusCase("plan-yaml/unknown-top-level-key")
        {
            Build = f => f.Base(plan: Samples.Plan("colour: blue\n")),
            Exit = 0,
            Tolerated = true,
            Console = [Expect.Warning(Yaml, @"yaml\.unknown-key", "colour")],
        };
    }

    private static IEnumerable<CorpusCase> Fields()
    {
        string Without(string key) => string.Join('\n', Samples.Plan().Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal)));
        string With(string line, string replacement) => Samples.Plan().Replace(line, replacement);

        yield return Broken("missing-schema", Without("schema"), @"plan\.field-(invalid|required)", "schema");
        yield return Broken("wrong-schema", With("schema: elementflow/plan/v1", "schema: elementflow/plan/v2"), @"plan\.field-invalid", "schema");
        yield return Broken("missing-id", Without("id"), @"plan\.field-required", "id");
        yield return Broken("missing-name", Without("name"), @"plan\.field-required", "name");
        yield return Broken("missing-level", Without("level"), @"plan\.field-required", "level");
        yield return Broken("missing-type", Without("type"), @"plan\.field-required", "type");
        yield return Broken("missing-region", Without("region"), @"plan\.field-required", "region");
        yield return Broken("missing-crs", Without("crs"), @"plan\.field-required", "crs");
        yield return Broken("unknown-level", With("level: county", "level: prefecture"), @"plan\.unknown-level", "prefecture");
        yield return Broken("unknown-type", With("type: special", "type: general"), @"plan\.unknown-type", "general");
        yield return Broken("level-is-a-list", With("level: county", "level: [county, city]"), @"(yaml\.wrong-shape|plan\.field-required)", "level");
        yield return Broken("id-with-capitals", With("id: corpus-plan", "id: Corpus_Plan"), @"plan\.field-invalid", "id");
        yield return Broken("id-empty", With("id: corpus-plan", "id: \"\""), @"plan\.field-required", "id");
        yield return Broken("region-code-letters", With("code: \"330122\"", "code: \"33a1\""), @"plan\.field-invalid", "region\\.code");
        yield return Broken("region-is-a-scalar", With("region: { code: \"330122\", name: 测试县 }", "region: \"330122\""), @"(yaml\.wrong-shape|plan\.field-required)", "region");
        yield return Broken("name-is-a-list", With("name: { zh: 语料规划, en: Corpus plan }", "name: [语料规划, Corpus plan]"), @"(yaml\.wrong-shape|plan\.field-required)", "name");
        yield return Broken("period-base-text", With("period: { base: 2020, target: 2035 }", "period: { base: twenty-twenty, target: 2035 }"), @"plan\.field-invalid", "period\\.base");
        yield return Broken("period-target-far-future", With("period: { base: 2020, target: 2035 }", "period: { base: 2020, target: 3035 }"), @"plan\.field-invalid", "period\\.target");
        yield return Broken("period-is-a-list", With("period: { base: 2020, target: 2035 }", "period: [2020, 2035]"), @"yaml\.wrong-shape", "period");
        yield return Broken("crs-as-name", With("crs: EPSG:4527", "crs: CGCS2000 GK zone 39"), @"plan\.crs-unparsed");
        yield return Broken("crs-is-a-mapping", With("crs: EPSG:4527", "crs: { epsg: 4527 }"), @"(yaml\.wrong-shape|plan\.field-required)", "crs");
        yield return new CorpusCase("plan-yaml/crs-epsg-overflows-int")
        {
            Build = f => f.Base(plan: With("crs: EPSG:4527", "crs: EPSG:99999999999999999999")),
            Exit = 1,
            Report = [@"DATA-001\s+plan/corpus-plan .*uses EPSG:99999999999999999999"],
        };
        yield return new CorpusCase("plan-yaml/crs-wgs84")
        {
            // EPSG:4490 is accepted and measured in a zone (DESIGN §6); WGS 84 is not CGCS2000.
            Build = f => f.Base(plan: With("crs: EPSG:4527", "crs: EPSG:4326")),
            Exit = 1,
            Console = [],
            Report = [Expect.Finding("DATA-001", "")],
        };
        yield return new CorpusCase("plan-yaml/crs-unknown-epsg")
        {
            Build = f => f.Base(plan: With("crs: EPSG:4527", "crs: EPSG:99999")),
            Exit = 1,
            Report = [Expect.Finding("DATA-001", "")],
        };
    }

    private static IEnumerable<CorpusCase> LayerEntries()
    {
        string Layer(string entry) => Samples.PlanWithLayers("  boundary: layers/boundary.geojson\n" + entry + "\n");

        yield return Broken("layers-is-a-list", Samples.PlanWithLayers("  - layers/boundary.geojson\n  - layers/erl.geojson\n"), @"yaml\.wrong-shape", "layers");
        yield return Broken("unknown-role", Layer("  redline: layers/erl.geojson"), @"plan\.unknown-role", "redline");
        yield return Broken("layer-file-empty", Layer("  ecological_redline: \"\""), @"plan\.field-required", "file");
        yield return Broken("layer-file-null", Layer("  ecological_redline:"), @"(plan\.field-required|yaml\.wrong-shape)", "ecological_redline|file");
        yield return Broken("layer-file-missing", Layer("  ecological_redline: layers/nowhere.geojson"), @"layer\.file-missing", "layers/nowhere\\.geojson");
        yield return Broken("layer-file-is-a-folder", Layer("  ecological_redline: layers"), @"layer\.(file-missing|unreadable)", "layers");
        yield return Broken("layer-unsupported-format", Layer("  ecological_redline: layers/erl.kml"), @"(layer\.unsupported-format|layer\.file-missing)", "erl\\.kml");
        yield return Broken("layer-path-climbs-out", Layer("  ecological_redline: ../outside.geojson"), @"plan\.zip-unsafe-entry", "\\.\\./outside\\.geojson");
        yield return Broken("layer-path-absolute", Layer("  ecological_redline: /etc/passwd"), @"plan\.zip-unsafe-entry", "/etc/passwd");
        yield return Broken("layer-path-backslashes-climb", Layer(@"  ecological_redline: ..\..\outside.geojson"), @"plan\.zip-unsafe-entry", "outside\\.geojson");
        yield return Broken("layer-path-windows-drive", Layer(@"  ecological_redline: 'C:\data\erl.geojson'"), @"plan\.zip-unsafe-entry", "erl\\.geojson");
        yield return Broken("layer-path-url", Layer("  ecological_redline: https://example.com/erl.geojson"), @"plan\.zip-unsafe-entry", "example\\.com");
        yield return Broken("layer-entry-unknown-key", Layer("  ecological_redline: { file: layers/erl.geojson, colour: green }"), @"yaml\.unknown-key", "colour");
        yield return Broken("layer-entry-without-file", Layer("  ecological_redline: { layer: STBHHX }"), @"plan\.field-required", "file");
        yield return Broken("layer-entry-fields-is-a-list", Layer("  ecological_redline: { file: layers/erl.geojson, fields: [BSM] }"), @"yaml\.wrong-shape", "fields");
        yield return Broken("layer-entry-is-a-list", Layer("  ecological_redline: [layers/erl.geojson]"), @"yaml\.wrong-shape", "ecological_redline");
        yield return Broken("duplicate-role-key", Layer("  ecological_redline: layers/erl.geojson\n  ecological_redline: layers/pbf.geojson"), @"yaml\.syntax");
        yield return Broken("role-and-its-alias", Layer("  ecological_redline: layers/erl.geojson\n  STBHHX: layers/pbf.geojson"), @"plan\.field-invalid", "layers\\.STBHHX.*already given");
        yield return Broken("role-in-two-spellings", Layer("  ecological_redline: layers/erl.geojson\n  Ecological_Redline: layers/pbf.geojson"), @"plan\.field-invalid", "layers\\.Ecological_Redline.*already given");
        yield return new CorpusCase("plan-yaml/gpkg-that-is-text")
        {
            Exit = 2,
            Console = [Expect.Error("pkg/layers/erl.gpkg", @"layer\.unreadable", "not a database")],
            Build = f => f.Base(plan: Layer("  ecological_redline: layers/erl.gpkg")).Layer("erl.gpkg", "this is not a GeoPackage"),
        };
        yield return new CorpusCase("plan-yaml/gpkg-without-geopackage-tables")
        {
            Exit = 2,
            Console = [Expect.Error("pkg/layers/erl.gpkg#NOSUCH", @"layer\.unreadable", "gpkg_geometry_columns")],
            Build = f => f.Base(plan: Layer("  ecological_redline: layers/erl.gpkg#NOSUCH")).Bytes("pkg/layers/erl.gpkg", EmptySqlite()),
        };
        yield return new CorpusCase("plan-yaml/layers-empty-mapping")
        {
            Build = f => f.Base(plan: Samples.PlanWithLayers("  {}\n").Replace("layers:\n  {}", "layers: {}")),
            Exit = 1,
            Report = [Expect.Finding("DATA-002", "boundary/")],
        };
        yield return Broken("layers-null", Samples.Header + "layers:\n", @"yaml\.wrong-shape", "layers must be a mapping");
    }

    private static IEnumerable<CorpusCase> Quantities()
    {
        string Indicator(string entry) => Samples.Plan("indicators:\n  " + entry + "\n");

        yield return Broken("indicator-unknown-unit", Indicator("farmland_retention: { value: 1, unit: acre }"), @"plan\.unknown-unit", "acre");
        yield return Broken("indicator-unit-of-other-dimension", Indicator("farmland_retention: { value: 1, unit: persons }"), @"plan\.unit-dimension", "farmland_retention");
        yield return Broken("indicator-value-text", Indicator("farmland_retention: { value: lots, unit: ha }"), @"(yaml\.wrong-shape|plan\.field-(invalid|required))", "value");
        yield return Broken("indicator-value-missing", Indicator("farmland_retention: { unit: ha }"), @"plan\.field-required", "value");
        yield return Broken("indicator-unit-missing", Indicator("farmland_retention: { value: 1 }"), @"(plan\.unknown-unit|plan\.field-required)", "farmland_retention|unit");
        yield return Broken("indicator-value-nan", Indicator("farmland_retention: { value: .nan, unit: ha }"), @"(yaml\.wrong-shape|plan\.field-(invalid|required))", "value");
        yield return Broken("indicator-value-overflows-double", Indicator("farmland_retention: { value: 1e400, unit: ha }"), @"(yaml\.wrong-shape|plan\.field-(invalid|required))", "value");
        yield return Broken("indicator-is-a-scalar", Indicator("farmland_retention: 12"), @"yaml\.wrong-shape", "farmland_retention");
        yield return Broken("indicator-extra-key", Indicator("farmland_retention: { value: 1, unit: ha, source: survey }"), @"yaml\.unknown-key", "source");
        yield return Broken("indicators-is-a-list", Samples.Plan("indicators:\n  - farmland_retention\n"), @"yaml\.wrong-shape", "indicators");
        yield return Broken("allocation-key-not-a-region", Samples.Plan("allocations:\n  qinghe:\n    farmland_retention: { min: 1, unit: ha }\n"), @"plan\.field-invalid", "qinghe|region");
        yield return Broken("allocation-without-bounds", Samples.Plan("allocations:\n  \"330102\":\n    farmland_retention: { unit: ha }\n"), @"plan\.field-required", "min or max");
        yield return Broken("allocation-unknown-unit", Samples.Plan("allocations:\n  \"330102\":\n    farmland_retention: { min: 1, unit: acres }\n"), @"plan\.unknown-unit", "acres");
        yield return Broken("approvals-is-a-mapping", Samples.Plan("approvals:\n  id: ADJ-1\n"), @"yaml\.wrong-shape", "approvals");
        yield return Broken("approval-features-is-a-list", Samples.Plan("approvals:\n  - { id: ADJ-1, document: d, rule: DATA-003, features: [E1], expires: 2030-01-01 }\n"), @"yaml\.wrong-shape", "features");
        yield return new CorpusCase("plan-yaml/approval-expiry-not-a-date")
        {
            Build = f => f.Base(plan: Samples.Plan("approvals:\n  - { id: ADJ-1, document: d, rule: DATA-003, features: { ecological_redline: [E1] }, expires: 2026-13-45 }\n")),
            Exit = 0,
            Tolerated = true,
            Report = [@"ELAS-007\s+approvals/ADJ-1\s.*2026-13-45"],
        };
        yield return new CorpusCase("plan-yaml/approval-names-unknown-rule")
        {
            Build = f => f.Base(plan: Samples.Plan("approvals:\n  - { id: ADJ-1, document: d, rule: NOPE-999, features: { ecological_redline: [E1] }, expires: 2030-01-01 }\n")),
            Exit = 0,
            Tolerated = true,
            Report = [@"ELAS-007\s+approvals/ADJ-1\s.*NOPE-999"],
        };
        yield return new CorpusCase("plan-yaml/unknown-indicator-key")
        {
            Build = f => f.Base(plan: Indicator("happiness_index: { value: 9, unit: \"%\" }")),
            Exit = 0,
            Tolerated = true,
            Console = [Expect.Warning(Yaml, @"plan\.unknown-indicator", "happiness_index")],
        };
    }

    /// <summary>Deterministic pseudo-random bytes.</summary>
    public static byte[] Garbage(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A valid SQLite database with no tables (a GeoPackage without the layer asked for).</summary>
    private static byte[] EmptySqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ef-corpus-{Guid.NewGuid():N}.gpkg");
        try
        {
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);";
                command.ExecuteNonQuery();
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
