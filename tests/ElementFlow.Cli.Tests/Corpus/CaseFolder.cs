using System.IO.Compression;
using System.Text;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>The folder a case builds its input in; paths are relative to it and use forward slashes.</summary>
public sealed class CaseFolder(string root)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Root { get; } = root;

    public string Full(string relative) => Path.Combine(Root, relative);

    public CaseFolder Text(string relative, string text) => Bytes(relative, Utf8.GetBytes(text));

    public CaseFolder Bytes(string relative, byte[] bytes)
    {
        var path = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>Writes a file by streaming chunks (for inputs too large to hold as one string).</summary>
    public CaseFolder Stream(string relative, Action<Stream> write)
    {
        var path = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        write(file);
        return this;
    }

    /// <summary>pkg/plan.yaml.</summary>
    public CaseFolder Plan(string yaml, string package = "pkg") => Text($"{package}/plan.yaml", yaml);

    /// <summary>pkg/layers/NAME.</summary>
    public CaseFolder Layer(string name, string geojson, string package = "pkg") => Text($"{package}/layers/{name}", geojson);

    /// <summary>The clean base package (<see cref="Samples.Plan"/>, boundary, red line, farmland), with files replaced or added.</summary>
    public CaseFolder Base(string package = "pkg", string? plan = null)
    {
        Plan(plan ?? Samples.Plan(), package);
        Layer("boundary.geojson", Samples.Boundary, package);
        Layer("erl.geojson", Samples.RedLine, package);
        Layer("pbf.geojson", Samples.Farmland, package);
        return this;
    }

    /// <summary>A zip archive with the given entries (names exactly as given, unsafe ones included).</summary>
    public CaseFolder Zip(string relative, params (string Name, byte[] Content)[] entries)
    {
        return Stream(relative, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                using var s = entry.Open();
                s.Write(content);
            }
        });
    }

    /// <summary>The files of a package folder built in this case, as zip entries under <paramref name="prefix"/>.</summary>
    public (string Name, byte[] Content)[] Entries(string package, string prefix = "")
    {
        var folder = Full(package);
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (prefix + Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToArray();
    }

    public static byte[] Utf8Bytes(string text) => Utf8.GetBytes(text);
}
