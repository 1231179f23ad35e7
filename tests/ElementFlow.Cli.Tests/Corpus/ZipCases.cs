using System.Buffers.Binary;
using System.IO.Compression;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>
/// .zip packages: entries and layer paths that escape the archive (zip-slip), zip bombs (huge and
/// forged sizes), corrupt and truncated archives, unsupported entries.
/// </summary>
public static class ZipCases
{
    private const string Zip = "pkg.zip";

    /// <summary>The base package zipped as pkg.zip (the folder removed), with more entries.</summary>
    private static CaseFolder Zipped(this CaseFolder f, string prefix = "", string? plan = null, params (string Name, byte[] Content)[] more)
    {
        f.Base("src", plan);
        f.Zip(Zip, [.. f.Entries("src", prefix), .. more]);
        Directory.Delete(f.Full("src"), recursive: true);
        return f;
    }

    private static byte[] Bytes(string text) => CaseFolder.Utf8Bytes(text);

    public static IEnumerable<CorpusCase> All() => Slips().Concat(Archives()).Concat(Bombs());

    private static IEnumerable<CorpusCase> Slips()
    {
        CorpusCase Slip(string name, string entry, params string[] mustNotExist) => new($"zip/slip-{name}")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Zipped(more: (entry, Bytes(Samples.RedLine))),
            Target = Zip,
            Exit = 2,
            Console = [Expect.Error(Zip, @"plan\.zip-unsafe-entry", System.Text.RegularExpressions.Regex.Escape(entry))],
            MustNotExist = mustNotExist,
        };

        yield return Slip("dotdot", "../evil-slip-1.geojson", "../evil-slip-1.geojson", "evil-slip-1.geojson", "tmp/evil-slip-1.geojson");
        yield return Slip("deep", string.Concat(Enumerable.Repeat("../", 30)) + "evil-slip-2.geojson", "/evil-slip-2.geojson", "/tmp/evil-slip-2.geojson", "../evil-slip-2.geojson");
        yield return Slip("absolute", "/tmp/ef-corpus-evil-slip-3.geojson", "/tmp/ef-corpus-evil-slip-3.geojson");
        yield return Slip("backslashes", @"..\..\evil-slip-4.geojson", "../evil-slip-4.geojson", "../../evil-slip-4.geojson", @"..\..\evil-slip-4.geojson");
        yield return Slip("windows-drive", @"C:\evil-slip-5.geojson", @"C:\evil-slip-5.geojson", "evil-slip-5.geojson");
        yield return Slip("inside-then-out", "layers/../../evil-slip-6.geojson", "../evil-slip-6.geojson", "evil-slip-6.geojson");
        yield return Slip("plan-yaml-above", "../plan.yaml", "../plan.yaml");
        yield return new CorpusCase("zip/layer-path-climbs-out-of-the-top-folder")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Zipped(prefix: "top/", plan: Samples.PlanWithLayers("  boundary: layers/boundary.geojson\n  ecological_redline: ../outside.geojson\n"),
                more: ("outside.geojson", Bytes(Samples.RedLine))),
            Target = Zip,
            Exit = 2,
            Console = [Expect.ErrorAtLine("pkg.zip/plan.yaml", @"plan\.zip-unsafe-entry", "\\.\\./outside\\.geojson")],
        };
        yield return new CorpusCase("zip/layer-path-absolute")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Zipped(plan: Samples.PlanWithLayers("  boundary: layers/boundary.geojson\n  ecological_redline: /etc/passwd\n")),
            Target = Zip,
            Exit = 2,
            Console = [Expect.ErrorAtLine("pkg.zip/plan.yaml", @"plan\.zip-unsafe-entry", "/etc/passwd")],
        };
        yield return new CorpusCase("zip/shapefile-companion-above")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Zipped(more: ("../layers/erl.dbf", Bytes("not a dbf"))),
            Target = Zip,
            Exit = 2,
            Console = [Expect.Error(Zip, @"plan\.zip-unsafe-entry", "\\.\\./layers/erl\\.dbf")],
            MustNotExist = ["../layers/erl.dbf", "layers/erl.dbf"],
        };
    }

    private static IEnumerable<CorpusCase> Archives()
    {
        CorpusCase Unreadable(string name, Action<CaseFolder> build) => new($"zip/{name}")
        {
            Rules = CaseRules.Minimal,
            Build = build,
            Target = Zip,
            Exit = 2,
            Console = [Expect.Error(Zip, @"plan\.zip-unreadable")],
        };

        yield return Unreadable("garbage", f => f.Bytes(Zip, PlanYamlCases.Garbage(2000, seed: 6)));
        yield return Unreadable("empty-file", f => f.Bytes(Zip, []));
        yield return Unreadable("text-file-named-zip", f => f.Text(Zip, Samples.Plan()));
        foreach (var keep in new[] { 0.1, 0.6, 0.99 })
        {
            yield return Unreadable($"truncated-to-{(int)(keep * 100):D2}-percent", f =>
            {
                f.Zipped();
                var bytes = File.ReadAllBytes(f.Full(Zip));
                File.WriteAllBytes(f.Full(Zip), bytes[..(int)(bytes.Length * keep)]);
            });
        }

        yield return new CorpusCase("zip/without-plan-yaml")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Zip(Zip, ("layers/erl.geojson", Bytes(Samples.RedLine))),
            Target = Zip,
            Exit = 2,
            Console = [Expect.Error(Zip, @"plan\.not-found")],
        };
        yield return new CorpusCase("zip/zip-inside-a-zip")
        {
            Rules = CaseRules.Minimal,
            Build = f =>
            {
                f.Zipped();
                f.Zip("outer.zip", (Zip, File.ReadAllBytes(f.Full(Zip))));
                File.Delete(f.Full(Zip));
            },
            Target = "outer.zip",
            Exit = 2,
            Console = [Expect.Error("outer.zip", @"plan\.not-found")],
        };
        yield return new CorpusCase("zip/plan-yaml-is-a-folder-entry")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Zip(Zip, ("plan.yaml/", []), ("layers/erl.geojson", Bytes(Samples.RedLine))),
            Target = Zip,
            Exit = 2,
            Console = [Expect.ErrorAtLine("pkg.zip/plan.yaml", @"yaml\.wrong-shape", "mapping")],
        };
        yield return new CorpusCase("zip/two-plan-yaml-entries")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Zipped(more: ("plan.yaml", Bytes(Samples.Plan().Replace("id: corpus-plan", "id: the-other-plan")))),
            Target = Zip,
            Exit = 2,
            Console = [Expect.Error(Zip, @"plan\.zip-duplicate-entry", "plan\\.yaml")],
        };
        yield return new CorpusCase("zip/package-in-a-top-folder")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Zipped(prefix: "corpus-plan/"),
            Target = Zip,
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("zip/layer-entry-crc-mismatch")
        {
            Rules = CaseRules.Minimal,
            Build = f =>
            {
                f.Base("src");
                f.Stream(Zip, s =>
                {
                    using var zip = new ZipArchive(s, ZipArchiveMode.Create, leaveOpen: true);
                    foreach (var (name, content) in f.Entries("src"))
                    {
                        using var e = zip.CreateEntry(name, name.EndsWith("erl.geojson", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Fastest).Open();
                        e.Write(content);
                    }
                });
                Directory.Delete(f.Full("src"), recursive: true);
                // Flip one byte of the stored red-line text: a digit of a coordinate, so the text stays valid JSON.
                var bytes = File.ReadAllBytes(f.Full(Zip));
                var at = bytes.AsSpan().IndexOf("39500100"u8) + 7;
                bytes[at] = (byte)'7';
                File.WriteAllBytes(f.Full(Zip), bytes);
            },
            Target = Zip,
            Exit = 2,
            Console = [Expect.Error("pkg.zip/layers/erl.geojson", @"layer\.unreadable")],
        };
        yield return new CorpusCase("zip/layer-entry-unknown-compression-method")
        {
            Rules = CaseRules.Minimal,
            Build = f => Patch(f.Zipped(), "layers/erl.geojson", (local, central) =>
            {
                BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(8), 99);
                BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(10), 99);
            }),
            Target = Zip,
            Exit = 2,
            Console = [Expect.Error("pkg.zip/layers/erl.geojson", @"layer\.unreadable", "unsupported compression method")],
        };
        yield return new CorpusCase("zip/layer-entry-marked-encrypted")
        {
            Rules = CaseRules.Minimal,
            Build = f => Patch(f.Zipped(), "layers/erl.geojson", (local, central) =>
            {
                local[6] |= 1;
                central[8] |= 1;
            }),
            Target = Zip,
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
        yield return new CorpusCase("zip/shapefile-layer-extracted-and-cleaned-up")
        {
            Rules = CaseRules.Minimal,
            Build = f =>
            {
                EncodingCases.ZoningShapefile(f);
                f.Zip(Zip, f.Entries("pkg"));
                Directory.Delete(f.Full("pkg"), recursive: true);
            },
            Target = Zip,
            Exit = 0,
            Tolerated = true,
            Report = ["No findings"],
        };
    }

    /// <summary>The base package with its red line padded with 200 MB of spaces, deflated once for all bomb cases.</summary>
    private static readonly Lazy<byte[]> BombBytes = new(() =>
    {
        var f = new CaseFolder(Directory.CreateTempSubdirectory("ef-corpus-bomb-").FullName);
        try
        {
            using var bytes = new MemoryStream();
            Bomb(bytes, f, 200L * 1000 * 1000);
            return bytes.ToArray();
        }
        finally
        {
            Directory.Delete(f.Root, recursive: true);
        }
    });

    private static IEnumerable<CorpusCase> Bombs()
    {
        yield return new CorpusCase("zip/bomb-200-mb")
        {
            Rules = CaseRules.Minimal,
            Build = f => f.Bytes("bomb.zip", BombBytes.Value),
            Target = "bomb.zip",
            Args = ["--max-package-size", "50MB"],
            RequiresLimits = true,
            Exit = 2,
            Console = [Expect.Limit("bomb.zip", "--max-package-size")],
        };
        yield return new CorpusCase("zip/bomb-with-forged-sizes")
        {
            Rules = CaseRules.Minimal,
            Build = f => Patch(f.Bytes("bomb.zip", BombBytes.Value), "layers/erl.geojson", (local, central) =>
            {
                BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(22), 1000);
                BinaryPrimitives.WriteUInt32LittleEndian(central.AsSpan(24), 1000);
            }, "bomb.zip"),
            Target = "bomb.zip",
            Args = ["--max-package-size", "50MB"],
            RequiresLimits = true,
            Exit = 2,

            // The headers say 1000 bytes: .NET stops the entry there (the cut JSON is unreadable), and were it not to, the
            // count of unpacked bytes would stop it at the limit. Either way nothing expands and the entry is named.
            Console = [@"bomb\.zip/layers/erl\.geojson: error (layer\.unreadable|limit\.exceeded)"],
        };
        yield return new CorpusCase("zip/bomb-with-forged-sizes-default-limits")
        {
            Rules = CaseRules.Minimal,
            Build = f => Patch(f.Bytes("bomb.zip", BombBytes.Value), "layers/erl.geojson", (local, central) =>
            {
                BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(22), 1000);
                BinaryPrimitives.WriteUInt32LittleEndian(central.AsSpan(24), 1000);
            }, "bomb.zip"),
            Target = "bomb.zip",
            Exit = 2,
            Console = [@"bomb\.zip/layers/erl\.geojson: error (layer\.unreadable|limit\.exceeded)"],
        };
    }

    /// <summary>The base package with its red line padded to <paramref name="size"/> bytes of spaces, deflated (a few hundred KB).</summary>
    private static void Bomb(Stream stream, CaseFolder f, long size)
    {
        f.Base("src");
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in f.Entries("src").Where(e => !e.Name.EndsWith("erl.geojson", StringComparison.Ordinal)))
            {
                using var e = zip.CreateEntry(name).Open();
                e.Write(content);
            }

            // Valid GeoJSON around a sea of spaces: a reader has to unpack all of it (zero bytes would fail at the first one).
            using var bomb = zip.CreateEntry("layers/erl.geojson", CompressionLevel.SmallestSize).Open();
            bomb.Write("""{"type":"FeatureCollection","features":["""u8);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < size; written += spaces.Length) bomb.Write(spaces, 0, (int)Math.Min(spaces.Length, size - written));
            bomb.Write("]}"u8);
        }

        Directory.Delete(f.Full("src"), recursive: true);
    }

    /// <summary>Edits the local header and the central-directory header of one entry in place.</summary>
    private static CaseFolder Patch(CaseFolder f, string entry, Action<byte[], byte[]> edit, string zip = Zip)
    {
        var bytes = File.ReadAllBytes(f.Full(zip));
        var name = CaseFolder.Utf8Bytes(entry);
        for (var i = bytes.Length - 46; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != 0x02014b50) continue;
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
            if (!bytes.AsSpan(i + 46, nameLength).SequenceEqual(name)) continue;
            var localAt = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + 42));
            var central = bytes[i..(i + 46)];
            var local = bytes[localAt..(localAt + 30)];
            edit(local, central);
            central.CopyTo(bytes, i);
            local.CopyTo(bytes, localAt);
            File.WriteAllBytes(f.Full(zip), bytes);
            return f;
        }

        throw new InvalidOperationException($"no entry {entry} in {zip}");
    }
}
