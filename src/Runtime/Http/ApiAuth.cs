using System;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace ContractFirst.Http;

/// <summary>
/// Applies the credentials of a security scheme to a request. A <see langword="null"/> or empty credential adds nothing,
/// so an operation whose schemes are alternatives can apply each that is configured.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiAuth
{
    // The last header value made for each scheme. AuthenticationHeaderValue is immutable, so requests can share it;
    // a client uses the same credentials call after call, so this saves encoding them on every request.
    private static CachedHeader? s_bearer;
    private static CachedHeader? s_basic;

    private sealed record CachedHeader(string First, string? Second, AuthenticationHeaderValue Value);

    /// <summary><c>http</c> <c>bearer</c>: <c>Authorization: Bearer {token}</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="token">The token.</param>
    public static void ApplyBearer(HttpRequestMessage request, string? token)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(token))
        {
            CachedHeader? cached = s_bearer;
            if (cached is null || !string.Equals(cached.First, token, StringComparison.Ordinal))
            {
                s_bearer = cached = new CachedHeader(token, null, new AuthenticationHeaderValue("Bearer", token));
            }

            request.Headers.Authorization = cached.Value;
        }
    }

    /// <summary><c>http</c> <c>basic</c>: <c>Authorization: Basic base64(username:password)</c> (UTF-8).</summary>
    /// <param name="request">The request.</param>
    /// <param name="username">The user name; nothing is added when it is null or empty.</param>
    /// <param name="password">The password (may be empty).</param>
    public static void ApplyBasic(HttpRequestMessage request, string? username, string? password)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(username))
        {
            CachedHeader? cached = s_basic;
            if (cached is null || !string.Equals(cached.First, username, StringComparison.Ordinal) || !string.Equals(cached.Second, password, StringComparison.Ordinal))
            {
                string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));
                s_basic = cached = new CachedHeader(username, password, new AuthenticationHeaderValue("Basic", credentials));
            }

            request.Headers.Authorization = cached.Value;
        }
    }

    /// <summary><c>apiKey</c> <c>in: header</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="headerName">The header the scheme names.</param>
    /// <param name="apiKey">The key.</param>
    public static void ApplyApiKeyHeader(HttpRequestMessage request, string headerName, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Remove(headerName);
            request.Headers.TryAddWithoutValidation(headerName, apiKey);
        }
    }

    /// <summary><c>apiKey</c> <c>in: query</c>: adds <c>name=key</c> to the request URI's query.</summary>
    /// <param name="request">The request, with its URI already set.</param>
    /// <param name="parameterName">The query parameter the scheme names.</param>
    /// <param name="apiKey">The key.</param>
    public static void ApplyApiKeyQuery(HttpRequestMessage request, string parameterName, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(apiKey))
        {
            return;
        }

        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI yet.");
        string pair = Uri.EscapeDataString(parameterName) + "=" + Uri.EscapeDataString(apiKey);
        string text = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
        int hash = text.IndexOf('#', StringComparison.Ordinal);
        string fragment = hash >= 0 ? text[hash..] : string.Empty;
        string beforeFragment = hash >= 0 ? text[..hash] : text;
        string separator = beforeFragment.Contains('?', StringComparison.Ordinal) ? (beforeFragment.EndsWith('?') || beforeFragment.EndsWith('&') ? string.Empty : "&") : "?";
        request.RequestUri = new Uri(beforeFragment + separator + pair + fragment, uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
    }

    /// <summary><c>apiKey</c> <c>in: cookie</c>: adds <c>name=key</c> to the <c>Cookie</c> header (value percent-encoded).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cookieName">The cookie the scheme names.</param>
    /// <param name="apiKey">The key.</param>
    public static void ApplyApiKeyCookie(HttpRequestMessage request, string cookieName, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(apiKey))
        {
            return;
        }

        string cookie = cookieName + "=" + Uri.EscapeDataString(apiKey);
        if (request.Headers.TryGetValues("Cookie", out var existing))
        {
            cookie = string.Join("; ", existing) + "; " + cookie;
            request.Headers.Remove("Cookie");
        }

        request.Headers.TryAddWithoutValidation("Cookie", cookie);
    }
}
