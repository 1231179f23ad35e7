using System.IO.Compression;
using ElementFlow.Core.Limits;
using ElementFlow.IO.Packages;

namespace ElementFlow.IO.Tests.Packages;

public sealed class PackageStructureTests : IDisposable
{
    private readonly string _zip = Path.Combine(Path.GetTempPath(), $"ef-structure-{Guid.NewGuid():N}.zip");

    private string Zip(params (string Name, string Text)[] entries)
    {
        using var archive = ZipFile.Open(_zip, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var w = new StreamWriter(archive.CreateEntry(name).Open());
            w.Write(text);
        }

        return _zip;
    }

    [Fact]
    public void Inspect_APlanInsideOneTopFolder_IsAcceptedWithItsId()
    {
        var structure = PackageStructure.Inspect(Zip(("county/plan.yaml", TempPackage.MinimalPlan)), "county.zip", InputLimits.Default);

        Assert.True(structure.Accepted);
        Assert.Equal("test-county", structure.PlanId);
    }

    [Fact]
    public void Inspect_EntriesUnpackingPastTheLimit_AreTooLarge()
    {
        var structure = PackageStructure.Inspect(Zip(("plan.yaml", TempPackage.MinimalPlan), ("layers/big.geojson", new string(' ', 50_000))), "big.zip",
            InputLimits.Default with { MaxPackageBytes = 10_000 });

        Assert.True(structure.TooLarge);
        Assert.False(structure.Accepted);
    }

    [Fact]
    public void Inspect_PlanYamlThatDoesNotParse_IsRefusedWithItsDiagnostic()
    {
        var structure = PackageStructure.Inspect(Zip(("plan.yaml", "id: [unclosed")), "bad.zip", InputLimits.Default);

        Assert.False(structure.Accepted);
        Assert.NotEmpty(structure.Diagnostics);
    }

    public void Dispose() => File.Delete(_zip);
}
