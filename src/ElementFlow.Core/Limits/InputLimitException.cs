using ElementFlow.Core.Diagnostics;

namespace ElementFlow.Core.Limits;

/// <summary>
/// Input went past one of the <see cref="InputLimits"/>; carries the diagnostic to report.
/// Thrown where reading must stop at once (deep inside a stream or a reader loop) and caught where the
/// refused unit ends: the layer, or for <see cref="PackageSizeException"/> the whole package.
/// </summary>
/// <remarks>Deliberately not an <see cref="IOException"/>, so that readers' catches for broken files let it through.</remarks>
public class InputLimitException(Diagnostic diagnostic) : Exception(diagnostic.Message(Text.Language.En))
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}

/// <summary>The package unpacked to more than <see cref="InputLimits.MaxPackageBytes"/>: the package is refused, not just a layer.</summary>
public sealed class PackageSizeException(Diagnostic diagnostic) : InputLimitException(diagnostic);
