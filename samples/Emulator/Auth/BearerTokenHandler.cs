using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContractFirst.Emulator.Auth;

/// <summary><c>Authorization: Bearer {token}</c>, for Miget and BRIDGEPORT: <c>Emulator:Tokens:{token}</c> names the tenant.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<EmulatorOptions> emulator)
    : TenantAuthenticationHandler(options, logger, encoder, emulator)
{
    protected override string AuthorizationScheme => "Bearer";

    protected override string Challenge => "Bearer realm=\"emulator\"";

    protected override (string Tenant, string Subject)? Resolve(string credential) =>
        Emulator.Tokens.TryGetValue(credential, out var tenant) ? (tenant, "token") : null;
}
