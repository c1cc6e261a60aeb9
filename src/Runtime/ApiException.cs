using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContractFirst;

/// <summary>
/// A response with a status code that the operation does not treat as success. Carries the status, the response body as
/// text, the response headers (sensitive ones redacted) and the request id where the API sends one.
/// It never carries anything from the request: no credential can end up in it, its message or a log of it.
/// </summary>
public class ApiException : Exception
{
    /// <summary>How much of the body the message shows.</summary>
    public const int MaxBodyLengthInMessage = 512;

    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders =
        new Dictionary<string, IEnumerable<string>>(0, StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the exception with a message made from the status, the reason, the request id and the body.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="reasonPhrase">The reason phrase, if the server sent one.</param>
    /// <param name="responseBody">The response body as text.</param>
    /// <param name="headers">The response headers (values of sensitive ones should already be redacted).</param>
    /// <param name="requestId">The request id the API sent, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiException(
        int statusCode,
        string? reasonPhrase,
        string? responseBody,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers = null,
        string? requestId = null,
        Exception? innerException = null)
        : this(BuildMessage(null, statusCode, reasonPhrase, responseBody, requestId), statusCode, reasonPhrase, responseBody, headers, requestId, innerException)
    {
    }

    /// <summary>Creates the exception with a message of the caller's own.</summary>
    /// <param name="message">The message. It must not contain a secret.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="reasonPhrase">The reason phrase, if the server sent one.</param>
    /// <param name="responseBody">The response body as text.</param>
    /// <param name="headers">The response headers (values of sensitive ones should already be redacted).</param>
    /// <param name="requestId">The request id the API sent, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected ApiException(
        string message,
        int statusCode,
        string? reasonPhrase,
        string? responseBody,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? requestId,
        Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        ResponseBody = responseBody;
        Headers = headers ?? NoHeaders;
        RequestId = requestId;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase, if the server sent one.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The response body as text (<see langword="null"/> when there was none).</summary>
    public string? ResponseBody { get; }

    /// <summary>The request id that the API sent (header or <c>requestId</c> body property), if any.</summary>
    public string? RequestId { get; }

    /// <summary>The response headers and content headers. Values of cookie-setting and credential headers are redacted.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>Builds the message: status, reason, optional detail and request id, then the body cut to <see cref="MaxBodyLengthInMessage"/>.</summary>
    /// <param name="detail">A sentence to put after the status, or <see langword="null"/>.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="reasonPhrase">The reason phrase.</param>
    /// <param name="responseBody">The body.</param>
    /// <param name="requestId">The request id.</param>
    protected static string BuildMessage(string? detail, int statusCode, string? reasonPhrase, string? responseBody, string? requestId)
    {
        var sb = new StringBuilder(128);
        sb.Append("HTTP ").Append(statusCode.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(reasonPhrase))
        {
            sb.Append(' ').Append(reasonPhrase);
        }

        sb.Append('.');
        if (!string.IsNullOrEmpty(detail))
        {
            sb.Append(' ').Append(detail);
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            sb.Append(" Request id: ").Append(requestId).Append('.');
        }

        if (string.IsNullOrEmpty(responseBody))
        {
            sb.Append(" The response body is empty.");
        }
        else
        {
            sb.Append(" Body: ").Append(Truncate(responseBody, MaxBodyLengthInMessage));
        }

        return sb.ToString();
    }

    internal static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Do not cut a surrogate pair in half.
        int cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, cut), "… (", (text.Length - cut).ToString(CultureInfo.InvariantCulture), " more characters)");
    }
}

/// <summary>A non-success response whose body the spec declares, deserialized into <see cref="Error"/>.</summary>
/// <typeparam name="TError">The error model of the spec.</typeparam>
public class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="reasonPhrase">The reason phrase.</param>
    /// <param name="responseBody">The response body as text.</param>
    /// <param name="error">The deserialized error body.</param>
    /// <param name="headers">The response headers (sensitive values redacted).</param>
    /// <param name="requestId">The request id, if any.</param>
    public ApiException(
        int statusCode,
        string? reasonPhrase,
        string? responseBody,
        TError error,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers = null,
        string? requestId = null)
        : base(statusCode, reasonPhrase, responseBody, headers, requestId)
    {
        Error = error;
    }

    /// <summary>The typed error body.</summary>
    public TError Error { get; }
}

/// <summary>
/// The response could not be turned into what the operation returns: a malformed or empty body, a body that lacks
/// required properties, or a content type other than the one expected. Says what was expected and what came.
/// </summary>
public class UnexpectedResponseException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="expected">What was expected, e.g. "a JSON body for Service".</param>
    /// <param name="actual">What came instead, e.g. "content type 'text/html'".</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="reasonPhrase">The reason phrase.</param>
    /// <param name="responseBody">The body as text.</param>
    /// <param name="contentType">The response content type, if any.</param>
    /// <param name="headers">The response headers (sensitive values redacted).</param>
    /// <param name="requestId">The request id, if any.</param>
    /// <param name="innerException">The cause, e.g. the <see cref="System.Text.Json.JsonException"/>.</param>
    public UnexpectedResponseException(
        string expected,
        string actual,
        int statusCode,
        string? reasonPhrase,
        string? responseBody,
        string? contentType = null,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(
            BuildMessage($"Unexpected response: expected {expected}, but got {actual}.", statusCode, reasonPhrase, responseBody, requestId),
            statusCode, reasonPhrase, responseBody, headers, requestId, innerException)
    {
        Expected = expected;
        Actual = actual;
        ContentType = contentType;
    }

    /// <summary>What the client expected.</summary>
    public string Expected { get; }

    /// <summary>What came instead.</summary>
    public string Actual { get; }

    /// <summary>The response content type, if any.</summary>
    public string? ContentType { get; }
}
