using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Text;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Tests.Packages;

/// <summary><c>--max-package-size</c>: zips by declared and by actually unpacked size, folders by the files plan.yaml references.</summary>
public sealed class PackageLimitTests
{
    private const string Layers = "\nlayers:\n  ecological_redline: layers/erl.geojson\n";

    private static readonly string Squares = TempPackage.Rectangles(
        ("E1", 0, 0, 100, 100, "{}"),
        ("E2", 200, 0, 300, 100, "{}"));

    private static long DeclaredSize(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Sum(e => e.Length);
    }

    [Fact]
    public void Load_ZipDeclaringMoreThanTheLimit_IsRefusedNamingSizeLimitAndOption()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + Layers, ("layers/erl.geojson", Squares));
        var zip = p.Zip();
        var declared = DeclaredSize(zip);

        var result = PlanLoader.Load(zip, new InputLimits { MaxPackageBytes = declared - 1 });

        Assert.Null(result.Plan);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((LimitDiagnostics.Code, zip), (d.Code, d.File));
        Assert.Contains($"Package {zip} unpacks to {declared:N0} bytes", d.Message(Language.En));
        Assert.Contains("(--max-package-size). If this is genuine, raise the limit: --max-package-size ", d.Message(Language.En));
    }

    [Fact]
    public void Load_ZipDeclaringExactlyTheLimit_Loads()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + Layers, ("layers/erl.geojson", Squares));
        var zip = p.Zip();

        var result = PlanLoader.Load(zip, new InputLimits { MaxPackageBytes = DeclaredSize(zip) });

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Plan!.Layers["ecological_redline"].Features.Count);
    }

    [Fact]
    public void Load_ZipWhoseHeadersUnderstateALayer_NeverUnpacksMoreThanDeclared()
    {
        // 200 KB of features that compress to almost nothing, declared as 10 bytes: whatever stops the
        // entry (the runtime at its declared length, else the package's byte count), it is a clean refusal.
        var many = TempPackage.Rectangles(Enumerable.Range(0, 1500).Select(i => ($"E{i}", 0.0, 0.0, 10.0, 10.0, "{}")).ToArray());
        using var p = new TempPackage(TempPackage.MinimalPlan + Layers, ("layers/erl.geojson", many));
        var zip = p.Zip();
        Forge(zip, "layers/erl.geojson", declaredLength: 10);

        var result = PlanLoader.Load(zip, new InputLimits { MaxPackageBytes = 50_000 });

        var d = Assert.Single(result.Diagnostics);
        Assert.True(d.Code is "layer.unreadable" or LimitDiagnostics.Code, d.Code);
        Assert.EndsWith("layers/erl.geojson", d.Message(Language.En).Split(')')[0].Split('(').Last());
        Assert.DoesNotContain("ecological_redline", result.Plan?.Layers.Keys ?? []);
    }

    [Fact]
    public void OpenRead_ZipEntryUnpackingPastTheLimit_StopsWithTheLimitDiagnostic()
    {
        var many = TempPackage.Rectangles(Enumerable.Range(0, 1500).Select(i => ($"E{i}", 0.0, 0.0, 10.0, 10.0, "{}")).ToArray());
        using var p = new TempPackage(TempPackage.MinimalPlan + Layers, ("layers/erl.geojson", many));
        var zip = p.Zip();
        using var package = new ZipPackage(zip, new InputLimits { MaxPackageBytes = 50_000 }) { DisplayPath = zip };

        using var stream = package.OpenRead("layers/erl.geojson");
        var e = Assert.Throws<PackageSizeException>(() => stream.CopyTo(Stream.Null));

        Assert.Equal((LimitDiagnostics.Code, zip), (e.Diagnostic.Code, e.Diagnostic.File));
        Assert.Contains("unpacks to more than its entry headers declare", e.Diagnostic.Message(Language.En));
    }

    [Fact]
    public void OpenRead_SameZipEntryReadTwice_CountsItOnce()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + Layers, ("layers/erl.geojson", Squares));
        var zip = p.Zip();
        var size = new FileInfo(Path.Combine(p.Folder, "layers/erl.geojson")).Length;
        using var package = new ZipPackage(zip, new InputLimits { MaxPackageBytes = size + 10 }) { DisplayPath = zip };

        for (var i = 0; i < 3; i++)
        {
            using var stream = package.OpenRead("layers/erl.geojson");
            stream.CopyTo(Stream.Null);
        }
    }

    [Fact]
    public void Load_FolderWhoseReferencedFilesExceedTheLimit_IsRefused()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + Layers, ("layers/erl.geojson", Squares));
        var total = new FileInfo(Path.Combine(p.Folder, "plan.yaml")).Length + new FileInfo(Path.Combine(p.Folder, "layers/erl.geojson")).Length;

        var result = PlanLoader.Load(p.Folder, new InputLimits { MaxPackageBytes = total - 1 });

        Assert.Null(result.Plan);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(LimitDiagnostics.Code, d.Code);
        Assert.Contains($"Package {p.Folder} holds {total:N0} bytes in the files plan.yaml references", d.Message(Language.En));
    }

    [Fact]
    public void Load_FolderWithALargeUnreferencedFile_CountsOnlyReferencedFiles()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + Layers, ("layers/erl.geojson", Squares), ("notes/big.txt", new string('x', 100_000)));
        var total = new FileInfo(Path.Combine(p.Folder, "plan.yaml")).Length + new FileInfo(Path.Combine(p.Folder, "layers/erl.geojson")).Length;

        var result = PlanLoader.Load(p.Folder, new InputLimits { MaxPackageBytes = total });

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public void Load_PlanYamlOverTheAliasLimit_IsAYamlRefusalNamingPlanYaml()
    {
        var plan = TempPackage.MinimalPlan + "\nx: &x v\ndescription: [*x, *x, *x]\n";
        using var p = new TempPackage(plan);

        var result = PlanLoader.Load(p.Folder, new InputLimits { MaxYamlAliases = 2 });

        Assert.Null(result.Plan);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(LimitDiagnostics.Code, d.Code);
        Assert.EndsWith("plan.yaml", d.File);
        Assert.Contains("uses 3 aliases (*name) once expanded, more than the limit of 2 (--max-yaml-aliases)", d.Message(Language.En));
    }

    [Fact]
    public void Load_PlanYamlAtTheAliasLimit_IsRead()
    {
        using var p = new TempPackage(TempPackage.MinimalPlan + "\nx: &x v\ndescription: [*x, *x]\n");

        var result = PlanLoader.Load(p.Folder, new InputLimits { MaxYamlAliases = 2 });

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == LimitDiagnostics.Code);
    }

    /// <summary>Rewrites the uncompressed size of one entry in both its local header and the central directory.</summary>
    private static void Forge(string zip, string entryName, uint declaredLength)
    {
        var bytes = File.ReadAllBytes(zip);
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (nameAt, sizeAt) = signature switch
            {
                0x04034b50 => (30, 22),
                0x02014b50 => (46, 24),
                _ => (0, 0),
            };
            if (nameAt == 0) continue;
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + nameAt - (signature == 0x04034b50 ? 4 : 18)));
            if (nameLength == name.Length && bytes.AsSpan(i + nameAt, nameLength).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), declaredLength);
            }
        }

        File.WriteAllBytes(zip, bytes);
    }
}
