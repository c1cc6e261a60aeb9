using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContractFirst.Emulator.Auth;

/// <summary>
/// <c>Authorization: Basic base64(keyId:secret)</c>, for ClickHouse Cloud: <c>Emulator:Keys:{keyId}:Secret</c> must match
/// (compared in constant time) and <c>Emulator:Keys:{keyId}:Tenant</c> names the tenant.
/// </summary>
public sealed class BasicKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<EmulatorOptions> emulator)
    : TenantAuthenticationHandler(options, logger, encoder, emulator)
{
    protected override string AuthorizationScheme => "Basic";

    protected override string Challenge => "Basic realm=\"emulator\", charset=\"UTF-8\"";

    protected override (string Tenant, string Subject)? Resolve(string credential)
    {
        if (Decode(credential) is not { } pair || !Emulator.Keys.TryGetValue(pair.KeyId, out var key)) return null;
        var expected = Encoding.UTF8.GetBytes(key.Secret);
        var actual = Encoding.UTF8.GetBytes(pair.Secret);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? (key.Tenant, pair.KeyId) : null;
    }

    private static (string KeyId, string Secret)? Decode(string credential)
    {
        Span<byte> buffer = stackalloc byte[512];
        if (credential.Length > 680 || !Convert.TryFromBase64String(credential, buffer, out var written)) return null;
        var text = Encoding.UTF8.GetString(buffer[..written]);
        var colon = text.IndexOf(':');
        return colon <= 0 ? null : (text[..colon], text[(colon + 1)..]);
    }
}
