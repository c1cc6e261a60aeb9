using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Http;

/// <summary>
/// Logs each request: method, path (query values of secret-looking parameters redacted), status code and duration.
/// Never headers, never bodies, never the host's credentials.
/// </summary>
public sealed partial class ContractFirstLoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">The logger.</param>
    public ContractFirstLoggingHandler(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        string method = request.Method.Method;
        string path = LoggingPath.Redact(request.RequestUri);
        long start = Stopwatch.GetTimestamp();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            LogCompleted(_logger, method, path, (int)response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCanceled(_logger, method, path, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }
        catch (Exception ex)
        {
            // The exception's type only: messages of transport errors can carry the full URL.
            LogFailed(_logger, method, path, ex.GetType().Name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(EventId = 2001, EventName = "ContractFirstRequestCompleted", Level = LogLevel.Information,
        Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogCompleted(ILogger logger, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 2002, EventName = "ContractFirstRequestFailed", Level = LogLevel.Warning,
        Message = "HTTP {Method} {Path} failed with {ExceptionType} after {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string method, string path, string exceptionType, double elapsedMs);

    [LoggerMessage(EventId = 2003, EventName = "ContractFirstRequestCanceled", Level = LogLevel.Information,
        Message = "HTTP {Method} {Path} was canceled after {ElapsedMs:0.0} ms")]
    private static partial void LogCanceled(ILogger logger, string method, string path, double elapsedMs);
}

/// <summary>The path and query of a request URI as logged: values of secret-looking query parameters are redacted.</summary>
internal static class LoggingPath
{
    private const string Redacted = "***";

    private static readonly string[] SensitiveFragments =
        ["key", "token", "secret", "password", "passwd", "pwd", "auth", "credential", "signature", "session", "cookie", "jwt"];

    public static string Redact(Uri? uri)
    {
        if (uri is null)
        {
            return "(none)";
        }

        string pathAndQuery = uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
        int q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return pathAndQuery;
        }

        int hash = pathAndQuery.IndexOf('#', q);
        string query = hash < 0 ? pathAndQuery[(q + 1)..] : pathAndQuery[(q + 1)..hash];
        var sb = new System.Text.StringBuilder(pathAndQuery.Length).Append(pathAndQuery, 0, q + 1);
        bool first = true;
        foreach (string pair in query.Split('&'))
        {
            if (!first)
            {
                sb.Append('&');
            }

            first = false;
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? pair : pair[..eq];
            sb.Append(name);
            if (eq >= 0)
            {
                sb.Append('=').Append(IsSensitive(Uri.UnescapeDataString(name)) ? Redacted : pair[(eq + 1)..]);
            }
        }

        return sb.ToString();
    }

    public static bool IsSensitive(string name)
    {
        string normalized = name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (string fragment in SensitiveFragments)
        {
            if (normalized.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return normalized.Equals("sig", StringComparison.OrdinalIgnoreCase) || normalized.Equals("code", StringComparison.OrdinalIgnoreCase);
    }
}
