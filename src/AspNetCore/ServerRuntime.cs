// The members here are called by generated code only (their types are [EditorBrowsable(Never)]); each group is
// documented where it is declared, not each overload.
#pragma warning disable CS1591

using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ContractFirst.Json;
using ContractFirst.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace ContractFirst.AspNetCore
{
    /// <summary>An error that a generated endpoint answers with, before the handler runs (validation, auth, limits).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ServerError
    {
        public ServerError(int status, string message, string? field = null, string? hint = null, IReadOnlyList<ValidationError>? errors = null)
        {
            Status = status;
            Message = message;
            Field = string.IsNullOrEmpty(field) ? null : field;
            Hint = hint;
            Errors = errors ?? Array.Empty<ValidationError>();
        }

        /// <summary>The HTTP status: 400, 401, 403, 413 or 415.</summary>
        public int Status { get; }

        /// <summary>What is wrong, in one sentence (every validation error, for a 400).</summary>
        public string Message { get; }

        /// <summary>The first offending field, as a dotted path (<c>pgDumpOptions.noOwner</c>, <c>items[2]</c>), if any.</summary>
        public string? Field { get; }

        /// <summary>How to fix it, if there is something to say.</summary>
        public string? Hint { get; }

        /// <summary>Every validation error (empty for other errors).</summary>
        public IReadOnlyList<ValidationError> Errors { get; }

        /// <summary>A short, fixed summary of the status (RFC 9457 <c>title</c>).</summary>
        public string Title => Status switch
        {
            400 => "The request is invalid.",
            401 => "Authentication is required.",
            403 => "The credentials do not permit this operation.",
            413 => "The request body is too large.",
            415 => "The request body has an unsupported media type.",
            _ => "The request failed.",
        };

        /// <summary>A body that cannot be accepted at all: 413 (too large) or 415 (another media type).</summary>
        public static ServerError Body(int status, string mediaType, long limit) => status switch
        {
            413 => new ServerError(413, "The request body is larger than " + limit.ToString(CultureInfo.InvariantCulture) + " bytes.", hint: "Send a smaller body."),
            415 => new ServerError(415, "The request body must be " + mediaType + ".", hint: "Send the header Content-Type: " + mediaType + "."),
            _ => new ServerError(status, "The request body cannot be accepted."),
        };

        /// <summary>A 400 listing every error of <paramref name="context"/>.</summary>
        public static ServerError Validation(ValidationContext context)
        {
            var errors = context.Errors;
            var message = new StringBuilder(errors.Count == 1 ? "The request is invalid: " : "The request is invalid (" + errors.Count.ToString(CultureInfo.InvariantCulture) + " errors): ");
            string? field = null;
            var others = new List<string>();
            for (var i = 0; i < errors.Count; i++)
            {
                var error = errors[i];
                if (i > 0) message.Append("; ");
                if (error.Field.Length > 0)
                {
                    message.Append(error.Field).Append(' ');
                    if (field is null) field = error.Field;
                    else if (error.Field != field && !others.Contains(error.Field)) others.Add(error.Field);
                }

                message.Append(error.Message);
            }

            message.Append('.');
            var hint = others.Count == 0 ? null : "Also invalid: " + string.Join(", ", others) + ".";
            return new ServerError(400, message.ToString(), field, hint, errors);
        }
    }

    /// <summary>
    /// Endpoint metadata: how the operations of a spec answer errors (in the error schema that the spec declares, or as
    /// RFC 9457 problem details through <see cref="IProblemDetailsService"/> when the application registers one). The
    /// authorization result handler looks it up to answer 401 and 403 alike.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ServerErrorWriter
    {
        private readonly Func<HttpContext, ServerError, Task>? _write;

        /// <summary>Creates the writer of a spec.</summary>
        /// <param name="write">Writes an error in the spec's shape; null (or <see cref="ProblemAsync"/>) for problem details.</param>
        /// <param name="guidRequestIds">The spec's request ids are UUIDs.</param>
        public ServerErrorWriter(Func<HttpContext, ServerError, Task>? write, bool guidRequestIds)
        {
            _write = write;
            GuidRequestIds = guidRequestIds;
        }

        /// <summary>The spec's request ids are UUIDs.</summary>
        public bool GuidRequestIds { get; }

        /// <summary>Answers <paramref name="error"/>, with the request id.</summary>
        /// <param name="httpContext">The request.</param>
        /// <param name="error">The error.</param>
        /// <returns>The write.</returns>
        public Task WriteAsync(HttpContext httpContext, ServerError error)
        {
            ServerRuntime.RequestId(httpContext, GuidRequestIds);
            return _write is null ? ProblemAsync(httpContext, error) : _write(httpContext, error);
        }

        /// <summary>
        /// Problem details: through the application's <see cref="IProblemDetailsService"/> (so that
        /// <c>AddProblemDetails(o => o.CustomizeProblemDetails = ...)</c> applies), else written directly. Both carry
        /// <c>errors</c> (field to messages) and <c>requestId</c>.
        /// </summary>
        /// <param name="httpContext">The request.</param>
        /// <param name="error">The error.</param>
        /// <returns>The write.</returns>
        public static async Task ProblemAsync(HttpContext httpContext, ServerError error)
        {
            if (httpContext.RequestServices?.GetService(typeof(IProblemDetailsService)) is IProblemDetailsService service)
            {
                var problem = error.Errors.Count > 0 ? new HttpValidationProblemDetails(ServerRuntime.ErrorArrays(error)) : new Microsoft.AspNetCore.Mvc.ProblemDetails();
                problem.Type = ServerRuntime.ProblemType(error.Status);
                problem.Title = error.Title;
                problem.Status = error.Status;
                problem.Detail = error.Message;
                problem.Extensions["requestId"] = httpContext.TraceIdentifier;
                httpContext.Response.StatusCode = error.Status;
                if (await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }).ConfigureAwait(false)) return;
            }

            await ServerRuntime.WriteProblemAsync(httpContext, error).ConfigureAwait(false);
        }
    }

    /// <summary>The outcome of reading a request body: a value, nothing, or a status to answer at once (413, 415).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct RequestBody<T>
    {
        public RequestBody(int failureStatus, bool hasValue, T? value)
        {
            FailureStatus = failureStatus;
            HasValue = hasValue;
            Value = value;
        }

        /// <summary>0, or the status to answer without running the handler.</summary>
        public int FailureStatus { get; }

        public bool HasValue { get; }

        public T? Value { get; }

        public static RequestBody<T> Fail(int status) => new(status, false, default);

        public static RequestBody<T> None => default;

        public static RequestBody<T> Of(T value) => new(0, true, value);
    }

    /// <summary>What generated endpoints call: request ids, parameter parsing, bounded body reading, response writing.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ServerRuntime
    {
        public const string RequestIdHeader = "X-Request-Id";

        private const int MaxRequestIdLength = 128;

        private static readonly object RequestIdKey = new();

        // ---- request ids -------------------------------------------------------------------------------------------

        /// <summary>
        /// The request id: the client's <c>X-Request-Id</c> when it is short and plain (and a UUID where the spec wants
        /// one), else a new one. It is also <see cref="HttpContext.TraceIdentifier"/> and the
        /// <c>X-Request-Id</c> response header.
        /// </summary>
        public static string RequestId(HttpContext httpContext, bool guid)
        {
            // Asked again (an error body after the prologue): the response header set the first time is the answer.
            // HttpContext.Items is kept for a response that had already started, so that the success path allocates no items dictionary.
            var response = httpContext.Response;
            if (response.Headers.TryGetValue(RequestIdHeader, out var set) && set.Count == 1 && set[0] is { } sent && string.Equals(sent, httpContext.TraceIdentifier, StringComparison.Ordinal)) return sent;
            if (response.HasStarted && httpContext.Items.TryGetValue(RequestIdKey, out var existing) && existing is string known) return known;
            string? id = null;
            if (httpContext.Request.Headers.TryGetValue(RequestIdHeader, out var incoming) && incoming.Count == 1 && IsPlainRequestId(incoming[0], guid))
            {
                id = incoming[0];
            }

            id ??= guid ? NewRandomUuid().ToString("D") : "req_" + NewRandomUuid().ToString("N");
            httpContext.TraceIdentifier = id;
            if (response.HasStarted) httpContext.Items[RequestIdKey] = id;
            else response.Headers[RequestIdHeader] = id;
            return id;
        }

        /// <summary>
        /// A random (version 4) UUID from <see cref="Random.Shared"/>. A request id correlates logs and is
        /// no secret, so it needs no cryptographic randomness, and Guid.NewGuid's system call on every request costs
        /// more than the rest of the id handling together.
        /// </summary>
        private static Guid NewRandomUuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            Random.Shared.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (the high nibble of the third group)
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(bytes);
        }

        private static bool IsPlainRequestId(string? value, bool guid)
        {
            if (string.IsNullOrEmpty(value) || value!.Length > MaxRequestIdLength) return false;
            if (guid) return Guid.TryParseExact(value, "D", out _);
            foreach (var ch in value)
            {
                if (!(ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':')) return false;
            }

            return true;
        }

        // ---- parameters --------------------------------------------------------------------------------------------

        public static StringValues Route(HttpContext httpContext, string name) =>
            httpContext.Request.RouteValues.TryGetValue(name, out var value) && value is string text
                ? new StringValues(text)
                : StringValues.Empty;

        public static StringValues Query(HttpContext httpContext, string name) =>
            httpContext.Request.Query.TryGetValue(name, out var value) ? value : StringValues.Empty;

        public static StringValues Header(HttpContext httpContext, string name) =>
            httpContext.Request.Headers.TryGetValue(name, out var value) ? value : StringValues.Empty;

        public static StringValues Cookie(HttpContext httpContext, string name) =>
            httpContext.Request.Cookies.TryGetValue(name, out var value) && value is not null
                ? new StringValues(value)
                : StringValues.Empty;

        /// <summary>The items of an array parameter: each value as is, or each value split at <paramref name="delimiter"/>.</summary>
        public static string[] Items(StringValues values, char delimiter, bool split, bool trim)
        {
            var items = new List<string>();
            foreach (var value in values)
            {
                if (value is null) continue;
                if (!split)
                {
                    items.Add(trim ? value.Trim() : value);
                    continue;
                }

                if (value.Length == 0) continue;
                foreach (var item in value.Split(delimiter)) items.Add(trim ? item.Trim() : item);
            }

            return items.ToArray();
        }

        public static bool TryParse(string text, out string value)
        {
            value = text;
            return true;
        }

        public static bool TryParse(string text, out bool value)
        {
            switch (text)
            {
                case "true": value = true; return true;
                case "false": value = false; return true;
                default: value = false; return false;
            }
        }

        // Integers are integers by value, as in JSON Schema: 1.0 and 1e2 are integers too (the plain form is tried first).
        public static bool TryParse(string text, out int value)
        {
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
            if (TryIntegral(text, out var d) && d >= int.MinValue && d <= int.MaxValue)
            {
                value = (int)d;
                return true;
            }

            return false;
        }

        public static bool TryParse(string text, out long value)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
            if (TryIntegral(text, out var d) && d >= long.MinValue && d <= long.MaxValue)
            {
                value = (long)d;
                return true;
            }

            return false;
        }

        /// <summary>A JSON number with a fraction or an exponent whose value is an integer (<c>1.0</c>, <c>1e2</c>).</summary>
        private static bool TryIntegral(string text, out decimal value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 64 || text.AsSpan().IndexOfAny('.', 'e', 'E') < 0 || !IsJsonNumber(text)) return false;
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
                && value == decimal.Truncate(value);
        }

        /// <summary>A scalar's text as the JSON value it stands for: a JSON number, <c>true</c>/<c>false</c>, else a string.</summary>
        public static bool TryParseAny(string text, out JsonElement value)
        {
            if (text is "true" or "false" || IsJsonNumber(text))
            {
                value = JsonSerializer.Deserialize(text, ContractFirst.Json.RuntimeJsonContext.Default.JsonElement); // JsonElement.Parse is .NET 9+
                return true;
            }

            value = JsonSerializer.SerializeToElement(text, ContractFirst.Json.RuntimeJsonContext.Default.String);
            return true;
        }

        private static bool IsJsonNumber(string text)
        {
            var i = 0;
            if (i < text.Length && text[i] == '-') i++;
            if (i >= text.Length || !char.IsAsciiDigit(text[i])) return false;
            if (text[i] == '0') i++;
            else while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i < text.Length && text[i] == '.')
            {
                i++;
                if (i >= text.Length || !char.IsAsciiDigit(text[i])) return false;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }

            if (i < text.Length && text[i] is 'e' or 'E')
            {
                i++;
                if (i < text.Length && text[i] is '+' or '-') i++;
                if (i >= text.Length || !char.IsAsciiDigit(text[i])) return false;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }

            return i == text.Length;
        }

        public static bool TryParse(string text, out float value) =>
            float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);

        public static bool TryParse(string text, out double value) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

        public static bool TryParse(string text, out decimal value) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

        public static bool TryParse(string text, out Guid value) => Guid.TryParseExact(text, "D", out value);

        public static bool TryParse(string text, out DateTimeOffset value) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

        public static bool TryParse(string text, out DateOnly value) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

        public static bool TryParse(string text, out TimeSpan value) =>
            TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);

        public static bool TryParse(string text, out Uri value) =>
            Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out value!);

        public static bool TryParse(string text, out byte[] value)
        {
            try
            {
                value = Convert.FromBase64String(text);
                return true;
            }
            catch (FormatException)
            {
                value = Array.Empty<byte>();
                return false;
            }
        }

        public static bool TryParseEnum<T>(string text, out T value) where T : struct, ContractFirst.IOpenEnum<T>
        {
            value = T.FromWire(text);
            return true;
        }

        public static bool TryParseIntEnum<T>(string text, out T value) where T : struct, ContractFirst.IOpenIntEnum<T>
        {
            var ok = TryParse(text, out long number);
            value = T.FromWire(number);
            return ok;
        }

        /// <summary>Reads a parameter whose schema is not a scalar: its text is JSON (OpenAPI <c>content</c> parameters).</summary>
        public static bool TryParseJson<T>(string text, JsonTypeInfo<T> typeInfo, out T value)
        {
            try
            {
                value = JsonSerializer.Deserialize(text, typeInfo)!;
                return value is not null;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                value = default!;
                return false;
            }
        }

        /// <summary>The wire text of a scalar, for <c>enum</c> checks of parameters that are not generated enums.</summary>
        public static string? Invariant<T>(T value) => value switch
        {
            null => null,
            string text => text,
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        // ---- bodies ------------------------------------------------------------------------------------------------

        private static bool HasBody(HttpContext httpContext, long? contentLength)
        {
            if (contentLength is { } known) return known > 0;
            return httpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
        }

        private const string Utf8Suffix = "; charset=utf-8";

        /// <summary>True when the request's media type is <paramref name="declared"/> (for JSON also any <c>application/*+json</c>), with no charset other than UTF-8.</summary>
        public static bool IsMediaType(string? contentType, string declared)
        {
            if (contentType is null) return false;
            // The two spellings nearly every client sends, without parsing: "{declared}" and "{declared}; charset=utf-8".
            if (string.Equals(contentType, declared, StringComparison.OrdinalIgnoreCase)) return true;
            if (contentType.Length == declared.Length + Utf8Suffix.Length
                && contentType.StartsWith(declared, StringComparison.OrdinalIgnoreCase)
                && contentType.EndsWith(Utf8Suffix, StringComparison.OrdinalIgnoreCase)) return true;
            if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)) return false;
            var charset = parsed.Charset;
            if (charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)) return false;
            var mediaType = parsed.MediaType;
            if (mediaType.Equals(declared, StringComparison.OrdinalIgnoreCase)) return true;
            return string.Equals(declared, "application/json", StringComparison.OrdinalIgnoreCase)
                && mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Reads the whole body into a pooled buffer, never more than <paramref name="limit"/> bytes (413 beyond), and
        /// gives it to <paramref name="consume"/>. Answers 415 for another media type. A missing body is an error only
        /// when it is <paramref name="required"/>.
        /// </summary>
        private static ValueTask<RequestBody<T>> ReadAsync<T, TState>(
            HttpContext httpContext,
            ValidationContext context,
            string mediaType,
            bool required,
            long limit,
            TState state,
            Func<ReadOnlyMemory<byte>, ValidationContext, TState, RequestBody<T>> consume)
        {
            var request = httpContext.Request;
            var contentLength = request.ContentLength; // parsed from its header on every get: read once
            if (!HasBody(httpContext, contentLength))
            {
                if (required) context.Add("", "required", "The request body is required");
                return new(RequestBody<T>.None);
            }

            if (!IsMediaType(request.ContentType, mediaType)) return new(RequestBody<T>.Fail(415));
            limit = Math.Clamp(limit, 0, int.MaxValue - 1024);
            if (contentLength > limit)
            {
                httpContext.Response.Headers.Connection = "close";
                return new(RequestBody<T>.Fail(413));
            }

            var sizeFeature = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (sizeFeature is { IsReadOnly: false } && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > limit))
            {
                sizeFeature.MaxRequestBodySize = limit;
            }

            var pool = ArrayPool<byte>.Shared;
            var buffer = pool.Rent((int)Math.Min(limit + 1, contentLength is { } length ? length + 1 : 16 * 1024));

            // A declared length that one read delivers whole (the usual small body, already buffered by the server) is
            // consumed without an asynchronous read loop.
            if (contentLength is { } declared && declared > 0)
            {
                ValueTask<int> first;
                try
                {
                    first = request.Body.ReadAsync(new Memory<byte>(buffer, 0, buffer.Length), httpContext.RequestAborted);
                }
                catch (Exception ex)
                {
                    first = ValueTask.FromException<int>(ex); // answered as a failed read (a BadHttpRequestException: 413 or 400)
                }

                if (!first.IsCompletedSuccessfully) return ReadRestAsync(httpContext, context, limit, contentLength, buffer, 0, first, true, state, consume);
                var read = first.Result; // a ValueTask is consumed once: from here on only the count goes on
                if (read != 0 && read != declared) return ReadRestAsync(httpContext, context, limit, contentLength, buffer, read, default, false, state, consume);

                // The whole declared body, or the end of one shorter than declared (which the reader then judges).
                try
                {
                    return new(consume(new ReadOnlyMemory<byte>(buffer, 0, read), context, state));
                }
                finally
                {
                    pool.Return(buffer);
                }
            }

            return ReadRestAsync(httpContext, context, limit, contentLength, buffer, 0, default, false, state, consume);
        }

        private static async ValueTask<RequestBody<T>> ReadRestAsync<T, TState>(
            HttpContext httpContext,
            ValidationContext context,
            long limit,
            long? contentLength,
            byte[] buffer,
            int count,
            ValueTask<int> pending,
            bool reading,
            TState state,
            Func<ReadOnlyMemory<byte>, ValidationContext, TState, RequestBody<T>> consume)
        {
            // Either a read is pending (reading), or count bytes have been read so far.
            var request = httpContext.Request;
            var pool = ArrayPool<byte>.Shared;
            try
            {
                while (true)
                {
                    if (count > limit)
                    {
                        httpContext.Response.Headers.Connection = "close";
                        return RequestBody<T>.Fail(413);
                    }

                    if (!reading)
                    {
                        if (count == buffer.Length)
                        {
                            var larger = pool.Rent((int)Math.Min(limit + 1, (long)buffer.Length * 2));
                            Buffer.BlockCopy(buffer, 0, larger, 0, count);
                            pool.Return(buffer);
                            buffer = larger;
                        }

                        pending = request.Body.ReadAsync(new Memory<byte>(buffer, count, buffer.Length - count), httpContext.RequestAborted);
                    }

                    reading = false;
                    var read = await pending.ConfigureAwait(false);
                    if (read == 0) break;
                    count += read;

                    // A declared length that is reached is the end: the server's framing delivers no more, so no read waits for end-of-body.
                    if (count == contentLength) break;
                }

                if (count > limit)
                {
                    httpContext.Response.Headers.Connection = "close";
                    return RequestBody<T>.Fail(413);
                }

                return consume(new ReadOnlyMemory<byte>(buffer, 0, count), context, state);
            }
            catch (BadHttpRequestException ex)
            {
                if (ex.StatusCode == 413) return RequestBody<T>.Fail(413);
                context.Add("", "body", "The request body could not be read");
                return RequestBody<T>.None;
            }
            finally
            {
                pool.Return(buffer);
            }
        }

        /// <summary>
        /// Reads a JSON body: checked against the body's schema first (every keyword, errors named by JSON path), then
        /// bound with the spec's reflection-free type info. Bad JSON is a validation error, never a 500.
        /// </summary>
        public static ValueTask<RequestBody<T>> ReadJsonAsync<T>(
            HttpContext httpContext,
            ValidationContext context,
            JsonTypeInfo<T> typeInfo,
            JsonSchema? schema,
            string mediaType,
            bool required,
            long limit) =>
            ReadAsync<T, (JsonTypeInfo<T> TypeInfo, JsonSchema? Schema, bool Required)>(httpContext, context, mediaType, required, limit, (typeInfo, schema, required), static (utf8, errors, state) =>
            {
                if (utf8.Length >= 3 && utf8.Span[0] == 0xEF && utf8.Span[1] == 0xBB && utf8.Span[2] == 0xBF) utf8 = utf8.Slice(3); // a UTF-8 BOM
                var span = utf8.Span;
                if (state.Schema is not null && !state.Schema.Validate(utf8, errors, ""))
                {
                    return RequestBody<T>.None;
                }

                try
                {
                    var value = JsonSerializer.Deserialize(span, state.TypeInfo);
                    if (value is null)
                    {
                        if (state.Required) errors.Add("", "required", "The request body must not be null");
                        return RequestBody<T>.None;
                    }

                    return RequestBody<T>.Of(value);
                }
                catch (JsonFieldException ex)
                {
                    errors.Add(ex.Field ?? "", "type", Shorten(ex.Reason));
                }
                catch (JsonException ex)
                {
                    errors.Add(FieldOf(ex.Path), "json", "is not valid JSON: " + Shorten(FirstSentence(ex.Message)));
                }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or ArgumentException)
                {
                    errors.Add("", "json", "The request body could not be read as JSON");
                }

                return RequestBody<T>.None;
            });

        /// <summary>Reads a text body (UTF-8).</summary>
        public static ValueTask<RequestBody<string>> ReadTextAsync(
            HttpContext httpContext,
            ValidationContext context,
            string mediaType,
            bool required,
            long limit) =>
            ReadAsync(httpContext, context, mediaType, required, limit, false, static (ReadOnlyMemory<byte> utf8, ValidationContext errors, bool unused) =>
            {
                try
                {
                    return RequestBody<string>.Of(new UTF8Encoding(false, true).GetString(utf8.Span));
                }
                catch (ArgumentException)
                {
                    errors.Add("", "body", "The request body is not valid UTF-8");
                    return RequestBody<string>.None;
                }
            });

        /// <summary>Reads a binary body into a read-only memory stream (bounded by the limit).</summary>
        public static ValueTask<RequestBody<Stream>> ReadStreamAsync(
            HttpContext httpContext,
            ValidationContext context,
            string mediaType,
            bool required,
            long limit) =>
            ReadAsync(httpContext, context, mediaType, required, limit, false, static (ReadOnlyMemory<byte> bytes, ValidationContext errors, bool unused) =>
                RequestBody<Stream>.Of(new MemoryStream(bytes.ToArray(), writable: false)));

        /// <summary>Reads a form body (urlencoded or multipart) through ASP.NET Core's form reader, bounded by the limit.</summary>
        public static async ValueTask<RequestBody<IFormCollection>> ReadFormAsync(
            HttpContext httpContext,
            ValidationContext context,
            string mediaType,
            bool required,
            long limit)
        {
            var request = httpContext.Request;
            if (!HasBody(httpContext, request.ContentLength))
            {
                // An urlencoded form without fields is an empty body: sent with its media type, it is an empty form
                // (whose required fields are then missing by name), not a missing body.
                if (request.ContentLength == 0
                    && string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                    && IsMediaType(request.ContentType, mediaType))
                {
                    return RequestBody<IFormCollection>.Of(FormCollection.Empty);
                }

                if (required) context.Add("", "required", "The request body is required");
                return RequestBody<IFormCollection>.None;
            }

            if (!IsMediaType(request.ContentType, mediaType)) return RequestBody<IFormCollection>.Fail(415);
            if (request.ContentLength > limit) return RequestBody<IFormCollection>.Fail(413);
            var sizeFeature = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (sizeFeature is { IsReadOnly: false } && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > limit)) sizeFeature.MaxRequestBodySize = limit;
            try
            {
                var form = await RequestFormReaderExtensions.ReadFormAsync(request, ServerForms.Options(limit), httpContext.RequestAborted).ConfigureAwait(false);
                return RequestBody<IFormCollection>.Of(form);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == 413)
            {
                return RequestBody<IFormCollection>.Fail(413);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                context.Add("", "body", "The form body could not be read");
                return RequestBody<IFormCollection>.None;
            }
        }

        private static string FieldOf(string? jsonPath)
        {
            if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "";
            return jsonPath!.StartsWith("$.", StringComparison.Ordinal) ? jsonPath.Substring(2) : jsonPath.TrimStart('$');
        }

        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(" Path:", StringComparison.Ordinal);
            return end > 0 ? message.Substring(0, end).TrimEnd('.') : message.TrimEnd('.');
        }

        private static string Shorten(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";

        // ---- responses ---------------------------------------------------------------------------------------------

        public static async Task WriteJsonAsync<T>(
            HttpContext httpContext,
            int statusCode,
            string contentType,
            T value,
            JsonTypeInfo<T> typeInfo)
        {
            var response = httpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = contentType;
            await JsonSerializer.SerializeAsync(response.Body, value, typeInfo, httpContext.RequestAborted).ConfigureAwait(false);
        }

        public static Task WriteTextAsync(HttpContext httpContext, int statusCode, string contentType, string value)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = contentType;
            return HttpResponseWritingExtensions.WriteAsync(httpContext.Response, value, httpContext.RequestAborted);
        }

        public static async Task WriteStreamAsync(HttpContext httpContext, int statusCode, string contentType, Stream value)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = contentType;
            try
            {
                await value.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                await value.DisposeAsync().ConfigureAwait(false);
            }
        }

        public static Task WriteStatusAsync(HttpContext httpContext, int statusCode)
        {
            httpContext.Response.StatusCode = statusCode;
            return Task.CompletedTask;
        }

        /// <summary>RFC 9457 problem details, with <c>errors</c> mapping each field to its messages and the request id.</summary>
        public static async Task WriteProblemAsync(HttpContext httpContext, ServerError error)
        {
            var response = httpContext.Response;
            response.StatusCode = error.Status;
            response.ContentType = "application/problem+json";
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("type", ProblemType(error.Status));
                writer.WriteString("title", error.Title);
                writer.WriteNumber("status", error.Status);
                writer.WriteString("detail", error.Message);
                if (error.Errors.Count > 0)
                {
                    writer.WriteStartObject("errors");
                    var written = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var e in error.Errors)
                    {
                        var key = e.Field.Length == 0 ? "$" : e.Field;
                        if (!written.Add(key)) continue;
                        writer.WriteStartArray(key);
                        foreach (var other in error.Errors)
                        {
                            if ((other.Field.Length == 0 ? "$" : other.Field) == key) writer.WriteStringValue(other.Message);
                        }

                        writer.WriteEndArray();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteString("requestId", httpContext.TraceIdentifier);
                writer.WriteEndObject();
            }

            await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
        }

        /// <summary>The RFC 9110 section of a status, as problem details' <c>type</c>.</summary>
        public static string ProblemType(int status) => status switch
        {
            400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
            _ => "about:blank",
        };

        /// <summary>The validation errors as field → messages (<c>$</c> for the body itself).</summary>
        public static Dictionary<string, string[]> ErrorArrays(ServerError error)
        {
            var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (ErrorMap(error) is { } errors)
            {
                foreach (var pair in errors) map[pair.Key] = new List<string>(pair.Value).ToArray();
            }

            return map;
        }

        /// <summary>The validation errors as field → messages, or null when there are none.</summary>
        public static IDictionary<string, IList<string>>? ErrorMap(ServerError error)
        {
            if (error.Errors.Count == 0) return null;
            var map = new Dictionary<string, IList<string>>(StringComparer.Ordinal);
            foreach (var e in error.Errors)
            {
                var key = e.Field.Length == 0 ? "$" : e.Field;
                if (!map.TryGetValue(key, out var messages)) map[key] = messages = new List<string>();
                messages.Add(e.Message);
            }

            return map;
        }

        /// <summary>The validation errors as field → message (joined), or null when there are none.</summary>
        public static IDictionary<string, string>? ErrorMessages(ServerError error)
        {
            if (ErrorMap(error) is not { } map) return null;
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in map) result[pair.Key] = string.Join("; ", pair.Value);
            return result;
        }

        /// <summary>The validation errors as "field: message" lines, or null when there are none.</summary>
        public static IList<string>? ErrorList(ServerError error)
        {
            if (error.Errors.Count == 0) return null;
            var list = new List<string>(error.Errors.Count);
            foreach (var e in error.Errors) list.Add(e.Field.Length == 0 ? e.Message : e.Field + ": " + e.Message);
            return list;
        }

        // ---- security ----------------------------------------------------------------------------------------------

        /// <summary>True when the user holds every scope (claims <c>scope</c> or <c>scp</c>, space-separated).</summary>
        public static bool HasScopes(ClaimsPrincipal user, string[] scopes)
        {
            foreach (var scope in scopes)
            {
                var found = false;
                foreach (var claim in user.Claims)
                {
                    if (claim.Type is not ("scope" or "scp" or "http://schemas.microsoft.com/identity/claims/scope")) continue;
                    foreach (var granted in claim.Value.Split(' '))
                    {
                        if (string.Equals(granted, scope, StringComparison.Ordinal))
                        {
                            found = true;
                            break;
                        }
                    }

                    if (found) break;
                }

                if (!found) return false;
            }

            return true;
        }

        /// <summary>Registers the authorization result handler that answers 401/403 in the spec's error shape.</summary>
        public static void AddServerServices(IServiceCollection services, bool authorization)
        {
            if (!authorization) return;
            PolicyServiceCollectionExtensions.AddAuthorization(services);
            foreach (var descriptor in services)
            {
                if (descriptor.ServiceType == typeof(IAuthorizationMiddlewareResultHandler)
                    && descriptor.ImplementationType == typeof(ServerAuthorizationResultHandler))
                {
                    return;
                }
            }

            ServiceCollectionServiceExtensions.AddSingleton<IAuthorizationMiddlewareResultHandler, ServerAuthorizationResultHandler>(services);
        }

        /// <summary>Fails fast, at mapping time, when the handler is not registered.</summary>
        public static void EnsureRegistered(IEndpointRouteBuilder endpoints, Type server, string addMethod)
        {
            var check = endpoints.ServiceProvider.GetService(typeof(IServiceProviderIsService)) as IServiceProviderIsService;
            if (check is not null && !check.IsService(server))
            {
                throw new InvalidOperationException($"No implementation of {server.FullName} is registered. Call services.{addMethod}<TImplementation>() before building the application.");
            }
        }
    }

    /// <summary>
    /// Answers 401 and 403 of generated endpoints in the error shape that their spec declares (after the authentication
    /// handlers' own challenge or forbid, which set <c>WWW-Authenticate</c>); every other endpoint gets ASP.NET Core's
    /// default behavior.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ServerAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(
            RequestDelegate next,
            HttpContext context,
            AuthorizationPolicy policy,
            PolicyAuthorizationResult authorizeResult)
        {
            var writer = EndpointHttpContextExtensions.GetEndpoint(context)?.Metadata.GetMetadata<ServerErrorWriter>();
            if (writer is not null && !authorizeResult.Succeeded) ServerRuntime.RequestId(context, writer.GuidRequestIds);
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            if (writer is null || authorizeResult.Succeeded || context.Response.HasStarted) return;
            var status = context.Response.StatusCode;
            if (status == 401)
            {
                await writer.WriteAsync(context, new ServerError(401, "Authentication is required: the credentials are missing or invalid.", hint: "Send valid credentials for this operation.")).ConfigureAwait(false);
            }
            else if (status == 403)
            {
                await writer.WriteAsync(context, new ServerError(403, "The credentials do not permit this operation.")).ConfigureAwait(false);
            }
        }
    }
}
