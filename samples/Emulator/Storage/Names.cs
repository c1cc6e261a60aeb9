using System.Security.Cryptography;
using System.Text;

namespace ContractFirst.Emulator.Storage;

/// <summary>Generated names and ids, in the style of the emulated services.</summary>
public static class Names
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary><c>"Orders DB!"</c> → <c>orders-db</c>; empty when nothing is left (then <paramref name="fallback"/>).</summary>
    public static string Slug(string text, string fallback)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9')) slug.Append(ch);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? fallback : result[..Math.Min(result.Length, 40)];
    }

    /// <summary>A random lower-case suffix, e.g. <c>k3x9q2</c>.</summary>
    public static string Suffix(int length = 6) => RandomNumberGenerator.GetString(Lower, length);

    /// <summary>An environment variable prefix: <c>orders-db</c> → <c>ORDERS_DB</c>.</summary>
    public static string EnvironmentPrefix(string name)
    {
        var prefix = new StringBuilder(name.Length);
        foreach (var ch in name.ToUpperInvariant()) prefix.Append(ch is (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? ch : '_');
        return prefix.ToString();
    }

    /// <summary>A UUID that is always the same for the same inputs (for resources the emulator does not store).</summary>
    public static Guid StableGuid(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
