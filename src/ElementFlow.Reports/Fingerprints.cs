using System.Security.Cryptography;
using System.Text;
using ElementFlow.Core.Findings;

namespace ElementFlow.Reports;

/// <summary>A finding's stable identity across runs, as formats that track findings need it.</summary>
public static class Fingerprints
{
    /// <summary>The name of the fingerprint in SARIF <c>partialFingerprints</c>; bump the version when <see cref="FindingKey"/> changes.</summary>
    public const string Name = "elementflow/v1";

    /// <summary>Lower-case hex SHA-256 of <c>rule|plan|sorted subjects</c> (<see cref="FindingKey"/>).</summary>
    public static string Of(Finding finding) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FindingKey.Of(finding).ToString())));
}
