using System.Globalization;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Text;

namespace ElementFlow.Core.Limits;

/// <summary>
/// The <c>limit.exceeded</c> diagnostics: each names the file (and layer role and feature where known),
/// the amount found, the limit, the option that raises it and a value to raise it to.
/// </summary>
public static class LimitDiagnostics
{
    public const string Code = "limit.exceeded";

    public static Diagnostic Vertices(InputLimits limits, string file, string role, string featureId, long count) => Create(
        file, null, featureId,
        DiagnosticCatalog.LimitPhrase("feature", ("role", role), ("file", file), ("feature", featureId)),
        DiagnosticCatalog.LimitPhrase("vertices", ("count", Count(count))),
        Count(limits.MaxVertices), InputLimits.VerticesOption, Plain(Math.Min(InputLimits.SuggestAbove(count), int.MaxValue)));

    public static Diagnostic Features(InputLimits limits, string file, string role, long count) => Create(
        file, null, null,
        DiagnosticCatalog.LimitPhrase("layer", ("role", role), ("file", file)),
        DiagnosticCatalog.LimitPhrase("features", ("count", Count(count))),
        Count(limits.MaxFeatures), InputLimits.FeaturesOption, Plain(Math.Min(InputLimits.SuggestAbove(count), int.MaxValue)));

    /// <summary>A zip whose entries declare more unpacked bytes than the limit.</summary>
    public static Diagnostic ZipDeclared(InputLimits limits, string package, long bytes) => Package(
        limits, package, DiagnosticCatalog.LimitPhrase("zip-declared", ("size", InputLimits.FormatBytes(bytes))), InputLimits.SuggestSize(bytes));

    /// <summary>A zip that unpacked to more than the limit although its entries declared less (forged headers, a bomb).</summary>
    public static Diagnostic ZipRead(InputLimits limits, string package) => Package(
        limits, package, DiagnosticCatalog.LimitPhrase("zip-read", ("size", InputLimits.Binary(limits.MaxPackageBytes))), InputLimits.SuggestSize(limits.MaxPackageBytes * 2));

    /// <summary>A folder package whose referenced files (plan.yaml, layers) add up to more than the limit.</summary>
    public static Diagnostic FolderFiles(InputLimits limits, string package, long bytes) => Package(
        limits, package, DiagnosticCatalog.LimitPhrase("folder-files", ("size", InputLimits.FormatBytes(bytes))), InputLimits.SuggestSize(bytes));

    public static Diagnostic YamlAliases(InputLimits limits, string file, int line, long count) => Create(
        file, line, null,
        DiagnosticCatalog.LimitPhrase("yaml", ("file", file)),
        DiagnosticCatalog.LimitPhrase("aliases", ("count", Count(count))),
        Count(limits.MaxYamlAliases), InputLimits.YamlAliasesOption, Plain(Math.Min(InputLimits.SuggestAbove(count), int.MaxValue)));

    /// <summary>Nesting deeper than <see cref="InputLimits.MaxYamlDepth"/>: fixed, so its own code without advice to raise it.</summary>
    public static Diagnostic YamlDepth(string file, int line) =>
        Diagnostic.Error("yaml.too-deep", file, line, null, ("limit", InputLimits.MaxYamlDepth));

    private static Diagnostic Package(InputLimits limits, string package, LocalizedText amount, string suggested) => Create(
        package, null, null,
        DiagnosticCatalog.LimitPhrase("package", ("file", package)),
        amount,
        InputLimits.Binary(limits.MaxPackageBytes), InputLimits.PackageSizeOption, suggested);

    private static Diagnostic Create(string file, int? line, string? featureId, LocalizedText subject, LocalizedText amount, string limit, string option, string suggested) =>
        Diagnostic.Error(Code, file, line, featureId,
            ("subject", subject), ("amount", amount), ("limit", limit), ("option", option), ("suggested", suggested));

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plain(long n) => n.ToString(CultureInfo.InvariantCulture);
}
