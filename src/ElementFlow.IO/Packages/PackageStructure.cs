using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Limits;
using ElementFlow.IO.Layers;
using ElementFlow.Yaml;

namespace ElementFlow.IO.Packages;

/// <summary>What a zipped package's structure says before any layer is read: its plan id, or why it is refused.</summary>
/// <param name="PlanId">The <c>id</c> of plan.yaml; null when the package is refused.</param>
/// <param name="Diagnostics">Every problem found; errors refuse the package.</param>
/// <param name="TooLarge">True when the entries unpack to more than <see cref="InputLimits.MaxPackageBytes"/>.</param>
public sealed record PackageStructure(string? PlanId, IReadOnlyList<Diagnostic> Diagnostics, bool TooLarge)
{
    public bool Accepted => PlanId is not null && !TooLarge && !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>
    /// Reads a <c>.zip</c> package's entries, their sizes as they unpack (every entry is unpacked and counted), and plan.yaml (read against
    /// <paramref name="limits"/>), without loading layers: what a server checks before it queues an upload.
    /// </summary>
    /// <param name="path">The zip on disk.</param>
    /// <param name="displayPath">The package as messages name it (the uploaded file's name).</param>
    /// <param name="sources">The layer sources plan.yaml entries may name.</param>
    public static PackageStructure Inspect(string path, string displayPath, InputLimits limits, Sources.LayerSources? sources = null)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            using var zip = new ZipPackage(path, limits) { DisplayPath = displayPath };
            if (zip.DeclaredSize > limits.MaxPackageBytes)
            {
                return new PackageStructure(null, [LimitDiagnostics.ZipDeclared(limits, displayPath, zip.DeclaredSize)], TooLarge: true);
            }

            // Headers can lie: the sizes that count are those the entries unpack to.
            zip.UnpackAll();
            diagnostics.AddRange(zip.UnsafeEntries.Select(e => Diagnostic.Error("plan.zip-unsafe-entry", displayPath, null, null, ("entry", e))));
            diagnostics.AddRange(zip.DuplicateEntries.Select(e => Diagnostic.Error("plan.zip-duplicate-entry", displayPath, null, null, ("entry", e))));
            if (!zip.Exists("plan.yaml"))
            {
                diagnostics.Add(Diagnostic.Error("plan.not-found", displayPath, null, null, ("path", displayPath)));
                return new PackageStructure(null, diagnostics, false);
            }

            var yamlFile = zip.Show("plan.yaml");
            var text = YamlText.Decode(zip.ReadAllBytes("plan.yaml"), yamlFile, out var notText);
            if (notText is not null) diagnostics.Add(notText);
            var dto = text is null ? null : PlanYamlReader.Read(text, yamlFile, diagnostics, limits, (sources ?? PackageFormats.Sources).EntryKeys);
            return new PackageStructure(string.IsNullOrWhiteSpace(dto?.Id) ? null : dto.Id, diagnostics, false);
        }
        catch (PackageSizeException e)
        {
            return new PackageStructure(null, [e.Diagnostic], TooLarge: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error("plan.zip-unreadable", displayPath, null, null, ("path", displayPath), ("detail", e.Message)));
            return new PackageStructure(null, diagnostics, false);
        }
    }
}
