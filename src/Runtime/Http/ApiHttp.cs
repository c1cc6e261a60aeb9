using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace ContractFirst.Http;

/// <summary>
/// What a generated operation method does with <see cref="HttpClient"/>: build the request, send it, read the body
/// (JSON, text or a stream) and turn any other response into an <see cref="ApiException"/>.
/// </summary>
/// <example><code>
/// using HttpRequestMessage request = ApiHttp.CreateRequest(_http, HttpMethod.Get, url, _options);
/// ApiAuth.ApplyBearer(request, _options?.BearerToken);
/// using HttpResponseMessage response = await ApiHttp.SendAsync(_http, request, "getService", cancellationToken).ConfigureAwait(false);
/// if (response.IsSuccessStatusCode) return await ApiHttp.ReadJsonAsync(response, ServiceJson.Service, cancellationToken).ConfigureAwait(false);
/// throw await ApiHttp.CreateExceptionAsync(response, ServiceJson.Error, cancellationToken).ConfigureAwait(false);
/// </code></example>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiHttp
{
    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "Request-Id", "X-Amzn-RequestId", "X-Amz-Request-Id", "X-Correlation-Id"];

    // Values of these response headers are credentials or sessions: they are never kept in an exception.
    private static readonly HashSet<string> SensitiveResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Set-Cookie2", "Authorization", "Proxy-Authorization", "Cookie", "X-Api-Key", "Api-Key",
    };

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Creates the request for <paramref name="url"/> under <see cref="ContractFirstClientOptions.BaseAddress"/> or else
    /// <see cref="HttpClient.BaseAddress"/>, with the options' default headers.
    /// </summary>
    /// <param name="client">The client (for its base address).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The operation's relative URL.</param>
    /// <param name="options">The client options, if any.</param>
    /// <exception cref="InvalidOperationException">Neither base address is set.</exception>
    public static HttpRequestMessage CreateRequest(HttpClient client, HttpMethod method, UrlBuilder url, ContractFirstClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        Uri baseAddress = options?.BaseAddress ?? client.BaseAddress
            ?? throw new InvalidOperationException("The client has no base address: set HttpClient.BaseAddress or the options' BaseAddress.");
        var request = new HttpRequestMessage(method, url.ToUri(baseAddress));
        if (options is not null)
        {
            foreach (KeyValuePair<string, string> header in options.DefaultHeaders)
            {
                request.Headers.Remove(header.Key);
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return request;
    }

    /// <summary>
    /// Creates the request as <see cref="CreateRequest(HttpClient, HttpMethod, UrlBuilder, ContractFirstClientOptions?)"/>
    /// does, with an <c>Accept</c> header: the media types of the operation's success responses.
    /// </summary>
    /// <param name="client">The client (for its base address).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The operation's relative URL.</param>
    /// <param name="options">The client options, if any.</param>
    /// <param name="accept">The <c>Accept</c> header's value.</param>
    /// <exception cref="InvalidOperationException">Neither base address is set.</exception>
    public static HttpRequestMessage CreateRequest(HttpClient client, HttpMethod method, UrlBuilder url, ContractFirstClientOptions? options, string accept)
    {
        HttpRequestMessage request = CreateRequest(client, method, url, options);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    /// <summary>A JSON request body serialized up front: validated as it will be sent, then sent as it was validated.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">Its generated metadata.</param>
    public static byte[] SerializeJson<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    /// <summary>A JSON body from text serialized before (and validated) by <see cref="SerializeJson{T}"/>.</summary>
    /// <param name="utf8Json">The UTF-8 JSON text.</param>
    public static HttpContent JsonContent(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>A JSON request body, serialized up front (so it has a Content-Length and can be re-sent on retry).</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">Its generated metadata.</param>
    public static HttpContent JsonContent<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>
    /// Sends the request with <see cref="HttpCompletionOption.ResponseHeadersRead"/> (the body is not buffered here)
    /// inside an activity of <see cref="ContractFirstDiagnostics.ActivitySource"/>: one per operation call, around all its
    /// retries (each attempt gets the HTTP client span of <c>System.Net.Http</c> beneath it), tagged
    /// <c>http.request.method</c>, <c>url.path</c> (never the query), <c>server.address</c> and <c>http.response.status_code</c>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="operationId">The spec's operation id, the activity's display name (else the method).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string? operationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        Activity? activity = ContractFirstDiagnostics.ActivitySource.StartActivity(operationId ?? request.Method.Method, ActivityKind.Internal);

        if (activity is not null)
        {
            return SendInActivityAsync(client, request, operationId, activity, cancellationToken);
        }

        // Nobody listens: hand back HttpClient's own task, without an async layer (and its task or state machine) of
        // ours. What HttpClient throws before it starts (a request sent twice, a disposed client) still comes back in
        // the task, as it did from the async method.
        try
        {
            return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<HttpResponseMessage>(ex);
        }
    }

    private static async Task<HttpResponseMessage> SendInActivityAsync(HttpClient client, HttpRequestMessage request, string? operationId, Activity activity, CancellationToken cancellationToken)
    {
        using (activity)
        {
            activity.SetTag("http.request.method", request.Method.Method);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("url.path", uri.AbsolutePath);
                activity.SetTag("server.address", uri.Host);
            }

            if (operationId is not null)
            {
                activity.SetTag("contractfirst.operation_id", operationId);
            }

            try
            {
                HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                activity.SetTag("http.response.status_code", status);
                if (status >= 400)
                {
                    activity.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    activity.SetStatus(ActivityStatusCode.Error);
                }

                return response;
            }
            catch (Exception ex)
            {
                activity.SetTag("error.type", ex.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, ex.Message);
                throw;
            }
        }
    }

    /// <summary>Sends the request (see <see cref="SendAsync(HttpClient, HttpRequestMessage, string?, CancellationToken)"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(client, request, operationId: null, cancellationToken);

    /// <summary>
    /// Reads a JSON body. The content type, when present, must be JSON (<c>application/json</c>, <c>text/json</c> or
    /// <c>*/*+json</c>); an empty, malformed or incomplete body (a missing required property), or JSON <c>null</c>,
    /// throws an <see cref="UnexpectedResponseException"/> that carries the body text.
    /// </summary>
    /// <typeparam name="T">The expected model.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="typeInfo">The model's generated metadata.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        string? mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJson(mediaType))
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw Unexpected(response, Expected<T>(), $"content type '{mediaType}'", text, null);
        }

        // Buffered once by HttpClient (so that a failure can quote the body); read from that buffer without a copy.
#if NET9_0_OR_GREATER
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
        await response.Content.LoadIntoBufferAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
        using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (body.CanSeek && body.Length == 0)
        {
            throw Unexpected(response, Expected<T>(), "an empty body", null, null);
        }

        T? value;
        try
        {
            value = IsUtf8(response.Content.Headers.ContentType?.CharSet)
                ? JsonSerializer.Deserialize(body, typeInfo)
                : JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), typeInfo);
        }
        catch (JsonException ex)
        {
            throw Unexpected(response, Expected<T>(), "a body that does not match: " + ex.Message, await BodyTextAsync(response, cancellationToken).ConfigureAwait(false), ex);
        }

        return value ?? throw Unexpected(response, Expected<T>(), "JSON null", await BodyTextAsync(response, cancellationToken).ConfigureAwait(false), null);
    }

    private static string Expected<T>() => "a JSON body for " + DisplayName(typeof(T));

    /// <summary>The (already buffered) body as text, for an exception.</summary>
    private static async Task<string> BodyTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        => Decode(response, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Reads the body as text (charset from the content type, UTF-8 by default).</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>
    /// The body as a stream, not buffered. The stream owns the response: disposing it disposes the response, so the
    /// caller must not dispose the response itself.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        Stream inner = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new ResponseStream(inner, response);
    }

    /// <summary>Creates the exception for a non-success response; reads the body as text. Does not dispose the response.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<ApiException> CreateExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? body = await ReadBodyForErrorAsync(response, cancellationToken).ConfigureAwait(false);
        return new ApiException((int)response.StatusCode, response.ReasonPhrase, body, CopyHeaders(response), FindRequestId(response, body));
    }

    /// <summary>
    /// Creates the exception for a non-success response whose body the spec declares: an <see cref="ApiException{TError}"/>
    /// when the body parses as <typeparamref name="TError"/>, else a plain <see cref="ApiException"/> with the text.
    /// </summary>
    /// <typeparam name="TError">The error model.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="errorTypeInfo">The error model's generated metadata.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<ApiException> CreateExceptionAsync<TError>(HttpResponseMessage response, JsonTypeInfo<TError> errorTypeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(errorTypeInfo);
        string? body = await ReadBodyForErrorAsync(response, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, IEnumerable<string>> headers = CopyHeaders(response);
        string? requestId = FindRequestId(response, body);
        string? mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.IsNullOrEmpty(body) && (mediaType is null || IsJson(mediaType)))
        {
            try
            {
                if (JsonSerializer.Deserialize(body, errorTypeInfo) is { } error)
                {
                    return new ApiException<TError>((int)response.StatusCode, response.ReasonPhrase, body, error, headers, requestId);
                }
            }
            catch (JsonException ex)
            {
                return new ApiException((int)response.StatusCode, response.ReasonPhrase, body, headers, requestId, ex);
            }
        }

        return new ApiException((int)response.StatusCode, response.ReasonPhrase, body, headers, requestId);
    }

    /// <summary>Creates an <see cref="UnexpectedResponseException"/> for a response (e.g. a status or content type that the spec does not list).</summary>
    /// <param name="response">The response.</param>
    /// <param name="expected">What was expected.</param>
    /// <param name="actual">What came.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<UnexpectedResponseException> CreateUnexpectedAsync(HttpResponseMessage response, string expected, string actual, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? body = await ReadBodyForErrorAsync(response, cancellationToken).ConfigureAwait(false);
        return Unexpected(response, expected, actual, body, null);
    }

    /// <summary>True for JSON media types: <c>application/json</c>, <c>text/json</c> and any <c>…+json</c>.</summary>
    /// <param name="mediaType">The media type, without parameters.</param>
    public static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The request id: the first of the <c>X-Request-Id</c>, <c>Request-Id</c>, <c>X-Amzn-RequestId</c>,
    /// <c>X-Amz-Request-Id</c> and <c>X-Correlation-Id</c> headers, else a top-level <c>requestId</c> (or
    /// <c>request_id</c>) string of a JSON body.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="body">The body text, if read.</param>
    public static string? FindRequestId(HttpResponseMessage response, string? body)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (string name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values))
            {
                foreach (string value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value;
                    }
                }
            }
        }

        if (string.IsNullOrEmpty(body) || body.AsSpan().TrimStart().IndexOf('{') != 0)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool match = reader.ValueTextEquals("requestId"u8) || reader.ValueTextEquals("request_id"u8);
                reader.Read();
                if (match && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: no request id in it.
        }

        return null;
    }

    private static async Task<string?> ReadBodyForErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Length == 0 ? null : body;
    }

    private static UnexpectedResponseException Unexpected(HttpResponseMessage response, string expected, string actual, string? body, Exception? inner) =>
        new(expected, actual, (int)response.StatusCode, response.ReasonPhrase, body,
            response.Content.Headers.ContentType?.ToString(), CopyHeaders(response), FindRequestId(response, body), inner);

    private static IReadOnlyDictionary<string, IEnumerable<string>> CopyHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            headers[header.Key] = SensitiveResponseHeaders.Contains(header.Key) ? ["[redacted]"] : [.. header.Value];
        }

        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
        {
            headers[header.Key] = [.. header.Value];
        }

        return headers;
    }

    private static bool IsUtf8(string? charset) =>
        string.IsNullOrEmpty(charset)
        || charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static string Decode(HttpResponseMessage response, byte[] bytes)
    {
        Encoding encoding = Encoding.UTF8;
        if (!IsUtf8(response.Content.Headers.ContentType?.CharSet))
        {
            try
            {
                encoding = Encoding.GetEncoding(response.Content.Headers.ContentType!.CharSet!.Trim('"'));
            }
            catch (ArgumentException)
            {
            }
        }

        return encoding.GetString(bytes);
    }

    private static string DisplayName(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        var sb = new StringBuilder(tick > 0 ? name[..tick] : name).Append('<');
        Type[] args = type.GetGenericArguments();
        for (int i = 0; i < args.Length; i++)
        {
            sb.Append(i > 0 ? ", " : string.Empty).Append(DisplayName(args[i]));
        }

        return sb.Append('>').ToString();
    }

    /// <summary>A read-only stream over the body that disposes the response with it.</summary>
    private sealed class ResponseStream(Stream inner, HttpResponseMessage response) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
            inner.CopyToAsync(destination, bufferSize, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            response.Dispose();
            await base.DisposeAsync().ConfigureAwait(false);
        }
    }
}
