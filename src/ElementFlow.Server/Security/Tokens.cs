using System.Security.Cryptography;
using System.Text;

namespace ElementFlow.Server.Security;

/// <summary>API tokens: 32 random bytes shown once; the store keeps only their SHA-256.</summary>
public static class Tokens
{
    public const string Prefix = "ef_";

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
