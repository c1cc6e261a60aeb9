using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContractFirst.Emulator.Auth;

/// <summary>
/// The specs' security scheme names. The generated servers require exactly these authentication schemes: Miget and
/// BRIDGEPORT both call theirs <c>bearerAuth</c>, ClickHouse Cloud <c>basicAuth</c>.
/// </summary>
public static class SecuritySchemes
{
    public const string Bearer = "bearerAuth";
    public const string Basic = "basicAuth";
}

/// <summary>
/// Base of the emulator's authentication handlers: a credential maps to a tenant, which becomes the <c>tenant</c> claim.
/// A request without a credential of the handler's kind gets no result, a wrong credential a failure: both are answered
/// 401 (with <c>WWW-Authenticate</c>) by the challenge, and the generated server writes the body in the API's error shape.
/// </summary>
public abstract class TenantAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<EmulatorOptions> emulator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected EmulatorOptions Emulator => emulator.Value;

    /// <summary>The <c>Authorization</c> scheme this handler reads, e.g. <c>Bearer</c>.</summary>
    protected abstract string AuthorizationScheme { get; }

    /// <summary>The <c>WWW-Authenticate</c> challenge.</summary>
    protected abstract string Challenge { get; }

    /// <summary>Resolves the credential (the text after the scheme) to a tenant and a subject, or null when it is not valid.</summary>
    protected abstract (string Tenant, string Subject)? Resolve(string credential);

    protected sealed override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var prefix = AuthorizationScheme + " ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());

        if (Resolve(header[prefix.Length..].Trim()) is not { } caller)
        {
            return Task.FromResult(AuthenticateResult.Fail("The credential is not valid."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(TenantClaims.ClaimType, caller.Tenant), new Claim(ClaimTypes.NameIdentifier, caller.Subject)],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected sealed override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Challenge;
        return Task.CompletedTask;
    }
}

/// <summary>The tenant of the authenticated caller.</summary>
public static class TenantClaims
{
    public const string ClaimType = "tenant";

    /// <summary>The caller's tenant. The generated endpoints require authentication, so a handler always has one.</summary>
    public static string Tenant(this HttpContext httpContext) =>
        httpContext.User.FindFirst(ClaimType)?.Value
        ?? throw new InvalidOperationException("The request is not authenticated: the endpoint should have required a tenant.");
}
