namespace ContractFirst.Generated.Server
{
    /// <summary>An error that a generated endpoint answers with, before the handler runs (validation, auth, limits).</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ContractFirst", "0.1.0")]
    internal sealed class ServerError
    {
        public ServerError(int status, string message, string? field = null, string? hint = null, global::System.Collections.Generic.IReadOnlyList<global::ContractFirst.Validation.ValidationError>? errors = null)
        {
            Status = status;
            Message = message;
            Field = string.IsNullOrEmpty(field) ? null : field;
            Hint = hint;
            Errors = errors ?? global::System.Array.Empty<global::ContractFirst.Validation.ValidationError>();
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
        public global::System.Collections.Generic.IReadOnlyList<global::ContractFirst.Validation.ValidationError> Errors { get; }

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
            413 => new ServerError(413, "The request body is larger than " + limit.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " bytes.", hint: "Send a smaller body."),
            415 => new ServerError(415, "The request body must be " + mediaType + ".", hint: "Send the header Content-Type: " + mediaType + "."),
            _ => new ServerError(status, "The request body cannot be accepted."),
        };

        /// <summary>A 400 listing every error of <paramref name="context"/>.</summary>
        public static ServerError Validation(global::ContractFirst.Validation.ValidationContext context)
        {
            var errors = context.Errors;
            var message = new global::System.Text.StringBuilder(errors.Count == 1 ? "The request is invalid: " : "The request is invalid (" + errors.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " errors): ");
            string? field = null;
            var others = new global::System.Collections.Generic.List<string>();
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
    /// Endpoint metadata: how one generated operation answers errors (in the error schema that the spec declares, or
    /// as RFC 9457 problem details). The authorization result handler looks it up to answer 401 and 403 alike.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ContractFirst", "0.1.0")]
    internal sealed class ServerErrorWriter
    {
        private readonly global::System.Func<global::Microsoft.AspNetCore.Http.HttpContext, ServerError, global::System.Threading.Tasks.Task> _write;

        public ServerErrorWriter(global::System.Func<global::Microsoft.AspNetCore.Http.HttpContext, ServerError, global::System.Threading.Tasks.Task> write, bool guidRequestIds)
        {
            _write = write;
            GuidRequestIds = guidRequestIds;
        }

        /// <summary>The spec's request ids are UUIDs.</summary>
        public bool GuidRequestIds { get; }

        public global::System.Threading.Tasks.Task WriteAsync(global::Microsoft.AspNetCore.Http.HttpContext httpContext, ServerError error)
        {
            ServerRuntime.RequestId(httpContext, GuidRequestIds);
            return _write(httpContext, error);
        }
    }

    /// <summary>The outcome of reading a request body: a value, nothing, or a status to answer at once (413, 415).</summary>
    internal readonly struct RequestBody<T>
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
    [global::System.CodeDom.Compiler.GeneratedCode("ContractFirst", "0.1.0")]
    internal static class ServerRuntime
    {
        public const string RequestIdHeader = "X-Request-Id";

        private const int MaxRequestIdLength = 128;

        private static readonly object RequestIdKey = new();

        // ---- request ids -------------------------------------------------------------------------------------------

        /// <summary>
        /// The request id: the client's <c>X-Request-Id</c> when it is short and plain (and a UUID where the spec wants
        /// one), else a new one. It is also <see cref="global::Microsoft.AspNetCore.Http.HttpContext.TraceIdentifier"/> and the
        /// <c>X-Request-Id</c> response header.
        /// </summary>
        public static string RequestId(global::Microsoft.AspNetCore.Http.HttpContext httpContext, bool guid)
        {
            // Asked again (an error body after the prologue): the response header set the first time is the answer.
            // HttpContext.Items is kept for a response that had already started, so that the success path allocates no items dictionary.
            var response = httpContext.Response;
            if (response.Headers.TryGetValue(RequestIdHeader, out var set) && set.Count == 1 && set[0] is { } sent && string.Equals(sent, httpContext.TraceIdentifier, global::System.StringComparison.Ordinal)) return sent;
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
        /// A random (version 4) UUID from <see cref="global::System.Random.Shared"/>. A request id correlates logs and is
        /// no secret, so it needs no cryptographic randomness, and Guid.NewGuid's system call on every request costs
        /// more than the rest of the id handling together.
        /// </summary>
        private static global::System.Guid NewRandomUuid()
        {
            global::System.Span<byte> bytes = stackalloc byte[16];
            global::System.Random.Shared.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (the high nibble of the third group)
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new global::System.Guid(bytes);
        }

        private static bool IsPlainRequestId(string? value, bool guid)
        {
            if (string.IsNullOrEmpty(value) || value!.Length > MaxRequestIdLength) return false;
            if (guid) return global::System.Guid.TryParseExact(value, "D", out _);
            foreach (var ch in value)
            {
                if (!(ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':')) return false;
            }

            return true;
        }

        // ---- parameters --------------------------------------------------------------------------------------------

        public static global::Microsoft.Extensions.Primitives.StringValues Route(global::Microsoft.AspNetCore.Http.HttpContext httpContext, string name) =>
            httpContext.Request.RouteValues.TryGetValue(name, out var value) && value is string text
                ? new global::Microsoft.Extensions.Primitives.StringValues(text)
                : global::Microsoft.Extensions.Primitives.StringValues.Empty;

        public static global::Microsoft.Extensions.Primitives.StringValues Query(global::Microsoft.AspNetCore.Http.HttpContext httpContext, string name) =>
            httpContext.Request.Query.TryGetValue(name, out var value) ? value : global::Microsoft.Extensions.Primitives.StringValues.Empty;

        public static global::Microsoft.Extensions.Primitives.StringValues Header(global::Microsoft.AspNetCore.Http.HttpContext httpContext, string name) =>
            httpContext.Request.Headers.TryGetValue(name, out var value) ? value : global::Microsoft.Extensions.Primitives.StringValues.Empty;

        public static global::Microsoft.Extensions.Primitives.StringValues Cookie(global::Microsoft.AspNetCore.Http.HttpContext httpContext, string name) =>
            httpContext.Request.Cookies.TryGetValue(name, out var value) && value is not null
                ? new global::Microsoft.Extensions.Primitives.StringValues(value)
                : global::Microsoft.Extensions.Primitives.StringValues.Empty;

        /// <summary>The items of an array parameter: each value as is, or each value split at <paramref name="delimiter"/>.</summary>
        public static string[] Items(global::Microsoft.Extensions.Primitives.StringValues values, char delimiter, bool split, bool trim)
        {
            var items = new global::System.Collections.Generic.List<string>();
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

        public static bool TryParse(string text, out int value) =>
            int.TryParse(text, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out value);

        public static bool TryParse(string text, out long value) =>
            long.TryParse(text, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out value);

        public static bool TryParse(string text, out float value) =>
            float.TryParse(text, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out value) && float.IsFinite(value);

        public static bool TryParse(string text, out double value) =>
            double.TryParse(text, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

        public static bool TryParse(string text, out decimal value) =>
            decimal.TryParse(text, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out value);

        public static bool TryParse(string text, out global::System.Guid value) => global::System.Guid.TryParseExact(text, "D", out value);

        public static bool TryParse(string text, out global::System.DateTimeOffset value) =>
            global::System.DateTimeOffset.TryParse(text, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.AssumeUniversal, out value);

        public static bool TryParse(string text, out global::System.DateOnly value) =>
            global::System.DateOnly.TryParseExact(text, "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out value);

        public static bool TryParse(string text, out global::System.TimeSpan value) =>
            global::System.TimeSpan.TryParse(text, global::System.Globalization.CultureInfo.InvariantCulture, out value);

        public static bool TryParse(string text, out global::System.Uri value) =>
            global::System.Uri.TryCreate(text, global::System.UriKind.RelativeOrAbsolute, out value!);

        public static bool TryParse(string text, out byte[] value)
        {
            try
            {
                value = global::System.Convert.FromBase64String(text);
                return true;
            }
            catch (global::System.FormatException)
            {
                value = global::System.Array.Empty<byte>();
                return false;
            }
        }

        public static bool TryParseEnum<T>(string text, out T value) where T : struct, global::ContractFirst.IOpenEnum<T>
        {
            value = T.FromWire(text);
            return true;
        }

        public static bool TryParseIntEnum<T>(string text, out T value) where T : struct, global::ContractFirst.IOpenIntEnum<T>
        {
            var ok = TryParse(text, out long number);
            value = T.FromWire(number);
            return ok;
        }

        /// <summary>Reads a parameter whose schema is not a scalar: its text is JSON (OpenAPI <c>content</c> parameters).</summary>
        public static bool TryParseJson<T>(string text, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, out T value)
        {
            try
            {
                value = global::System.Text.Json.JsonSerializer.Deserialize(text, typeInfo)!;
                return value is not null;
            }
            catch (global::System.Exception ex) when (ex is global::System.Text.Json.JsonException or global::System.InvalidOperationException or global::System.FormatException or global::System.OverflowException or global::System.ArgumentException)
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
            global::System.IFormattable formattable => formattable.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        // ---- bodies ------------------------------------------------------------------------------------------------

        private static bool HasBody(global::Microsoft.AspNetCore.Http.HttpContext httpContext)
        {
            var length = httpContext.Request.ContentLength;
            if (length is { } known) return known > 0;
            return httpContext.Features.Get<global::Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
        }

        private const string Utf8Suffix = "; charset=utf-8";

        /// <summary>True when the request's media type is <paramref name="declared"/> (for JSON also any <c>application/*+json</c>), with no charset other than UTF-8.</summary>
        public static bool IsMediaType(string? contentType, string declared)
        {
            if (contentType is null) return false;
            // The two spellings nearly every client sends, without parsing: "{declared}" and "{declared}; charset=utf-8".
            if (string.Equals(contentType, declared, global::System.StringComparison.OrdinalIgnoreCase)) return true;
            if (contentType.Length == declared.Length + Utf8Suffix.Length
                && contentType.StartsWith(declared, global::System.StringComparison.OrdinalIgnoreCase)
                && contentType.EndsWith(Utf8Suffix, global::System.StringComparison.OrdinalIgnoreCase)) return true;
            if (!global::Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)) return false;
            var charset = parsed.Charset;
            if (charset.HasValue && !charset.Equals("utf-8", global::System.StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", global::System.StringComparison.OrdinalIgnoreCase)) return false;
            var mediaType = parsed.MediaType;
            if (mediaType.Equals(declared, global::System.StringComparison.OrdinalIgnoreCase)) return true;
            return string.Equals(declared, "application/json", global::System.StringComparison.OrdinalIgnoreCase)
                && mediaType.StartsWith("application/", global::System.StringComparison.OrdinalIgnoreCase)
                && mediaType.EndsWith("+json", global::System.StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Reads the whole body into a pooled buffer, never more than <paramref name="limit"/> bytes (413 beyond), and
        /// gives it to <paramref name="consume"/>. Answers 415 for another media type. A missing body is an error only
        /// when it is <paramref name="required"/>.
        /// </summary>
        private static async global::System.Threading.Tasks.ValueTask<RequestBody<T>> ReadAsync<T, TState>(
            global::Microsoft.AspNetCore.Http.HttpContext httpContext,
            global::ContractFirst.Validation.ValidationContext context,
            string mediaType,
            bool required,
            long limit,
            TState state,
            global::System.Func<global::System.ReadOnlyMemory<byte>, global::ContractFirst.Validation.ValidationContext, TState, RequestBody<T>> consume)
        {
            var request = httpContext.Request;
            if (!HasBody(httpContext))
            {
                if (required) context.Add("", "required", "The request body is required");
                return RequestBody<T>.None;
            }

            if (!IsMediaType(request.ContentType, mediaType)) return RequestBody<T>.Fail(415);
            limit = global::System.Math.Clamp(limit, 0, int.MaxValue - 1024);
            if (request.ContentLength > limit)
            {
                httpContext.Response.Headers.Connection = "close";
                return RequestBody<T>.Fail(413);
            }

            var sizeFeature = httpContext.Features.Get<global::Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (sizeFeature is { IsReadOnly: false } && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > limit))
            {
                sizeFeature.MaxRequestBodySize = limit;
            }

            var pool = global::System.Buffers.ArrayPool<byte>.Shared;
            var buffer = pool.Rent((int)global::System.Math.Min(limit + 1, request.ContentLength is { } length ? length + 1 : 16 * 1024));
            var count = 0;
            try
            {
                while (true)
                {
                    if (count == buffer.Length)
                    {
                        var larger = pool.Rent((int)global::System.Math.Min(limit + 1, (long)buffer.Length * 2));
                        global::System.Buffer.BlockCopy(buffer, 0, larger, 0, count);
                        pool.Return(buffer);
                        buffer = larger;
                    }

                    var read = await request.Body.ReadAsync(new global::System.Memory<byte>(buffer, count, buffer.Length - count), httpContext.RequestAborted).ConfigureAwait(false);
                    if (read == 0) break;
                    count += read;
                    if (count > limit)
                    {
                        httpContext.Response.Headers.Connection = "close";
                        return RequestBody<T>.Fail(413);
                    }

                    // A declared length that is reached is the end: the server's framing delivers no more, so no read waits for end-of-body.
                    if (count == request.ContentLength) break;
                }

                return consume(new global::System.ReadOnlyMemory<byte>(buffer, 0, count), context, state);
            }
            catch (global::Microsoft.AspNetCore.Http.BadHttpRequestException ex)
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
        public static global::System.Threading.Tasks.ValueTask<RequestBody<T>> ReadJsonAsync<T>(
            global::Microsoft.AspNetCore.Http.HttpContext httpContext,
            global::ContractFirst.Validation.ValidationContext context,
            global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
            global::ContractFirst.Validation.JsonSchema? schema,
            string mediaType,
            bool required,
            long limit) =>
            ReadAsync<T, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> TypeInfo, global::ContractFirst.Validation.JsonSchema? Schema, bool Required)>(httpContext, context, mediaType, required, limit, (typeInfo, schema, required), static (utf8, errors, state) =>
            {
                if (utf8.Length >= 3 && utf8.Span[0] == 0xEF && utf8.Span[1] == 0xBB && utf8.Span[2] == 0xBF) utf8 = utf8.Slice(3); // a UTF-8 BOM
                var span = utf8.Span;
                if (state.Schema is not null && !state.Schema.Validate(utf8, errors, ""))
                {
                    return RequestBody<T>.None;
                }

                try
                {
                    var value = global::System.Text.Json.JsonSerializer.Deserialize(span, state.TypeInfo);
                    if (value is null)
                    {
                        if (state.Required) errors.Add("", "required", "The request body must not be null");
                        return RequestBody<T>.None;
                    }

                    return RequestBody<T>.Of(value);
                }
                catch (global::ContractFirst.Json.JsonFieldException ex)
                {
                    errors.Add(ex.Field ?? "", "type", Shorten(ex.Reason));
                }
                catch (global::System.Text.Json.JsonException ex)
                {
                    errors.Add(FieldOf(ex.Path), "json", "is not valid JSON: " + Shorten(FirstSentence(ex.Message)));
                }
                catch (global::System.Exception ex) when (ex is global::System.InvalidOperationException or global::System.FormatException or global::System.OverflowException or global::System.ArgumentException)
                {
                    errors.Add("", "json", "The request body could not be read as JSON");
                }

                return RequestBody<T>.None;
            });

        /// <summary>Reads a text body (UTF-8).</summary>
        public static global::System.Threading.Tasks.ValueTask<RequestBody<string>> ReadTextAsync(
            global::Microsoft.AspNetCore.Http.HttpContext httpContext,
            global::ContractFirst.Validation.ValidationContext context,
            string mediaType,
            bool required,
            long limit) =>
            ReadAsync(httpContext, context, mediaType, required, limit, false, static (global::System.ReadOnlyMemory<byte> utf8, global::ContractFirst.Validation.ValidationContext errors, bool unused) =>
            {
                try
                {
                    return RequestBody<string>.Of(new global::System.Text.UTF8Encoding(false, true).GetString(utf8.Span));
                }
                catch (global::System.ArgumentException)
                {
                    errors.Add("", "body", "The request body is not valid UTF-8");
                    return RequestBody<string>.None;
                }
            });

        /// <summary>Reads a binary body into a read-only memory stream (bounded by the limit).</summary>
        public static global::System.Threading.Tasks.ValueTask<RequestBody<global::System.IO.Stream>> ReadStreamAsync(
            global::Microsoft.AspNetCore.Http.HttpContext httpContext,
            global::ContractFirst.Validation.ValidationContext context,
            string mediaType,
            bool required,
            long limit) =>
            ReadAsync(httpContext, context, mediaType, required, limit, false, static (global::System.ReadOnlyMemory<byte> bytes, global::ContractFirst.Validation.ValidationContext errors, bool unused) =>
                RequestBody<global::System.IO.Stream>.Of(new global::System.IO.MemoryStream(bytes.ToArray(), writable: false)));

        /// <summary>Reads a form body (urlencoded or multipart) through ASP.NET Core's form reader, bounded by the limit.</summary>
        public static async global::System.Threading.Tasks.ValueTask<RequestBody<global::Microsoft.AspNetCore.Http.IFormCollection>> ReadFormAsync(
            global::Microsoft.AspNetCore.Http.HttpContext httpContext,
            global::ContractFirst.Validation.ValidationContext context,
            string mediaType,
            bool required,
            long limit)
        {
            var request = httpContext.Request;
            if (!HasBody(httpContext))
            {
                // An urlencoded form without fields is an empty body: sent with its media type, it is an empty form
                // (whose required fields are then missing by name), not a missing body.
                if (request.ContentLength == 0
                    && string.Equals(mediaType, "application/x-www-form-urlencoded", global::System.StringComparison.OrdinalIgnoreCase)
                    && IsMediaType(request.ContentType, mediaType))
                {
                    return RequestBody<global::Microsoft.AspNetCore.Http.IFormCollection>.Of(global::Microsoft.AspNetCore.Http.FormCollection.Empty);
                }

                if (required) context.Add("", "required", "The request body is required");
                return RequestBody<global::Microsoft.AspNetCore.Http.IFormCollection>.None;
            }

            if (!IsMediaType(request.ContentType, mediaType)) return RequestBody<global::Microsoft.AspNetCore.Http.IFormCollection>.Fail(415);
            if (request.ContentLength > limit) return RequestBody<global::Microsoft.AspNetCore.Http.IFormCollection>.Fail(413);
            var sizeFeature = httpContext.Features.Get<global::Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (sizeFeature is { IsReadOnly: false } && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > limit)) sizeFeature.MaxRequestBodySize = limit;
            try
            {
                var form = await global::Microsoft.AspNetCore.Http.RequestFormReaderExtensions.ReadFormAsync(request, ServerForms.Options(limit), httpContext.RequestAborted).ConfigureAwait(false);
                return RequestBody<global::Microsoft.AspNetCore.Http.IFormCollection>.Of(form);
            }
            catch (global::Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == 413)
            {
                return RequestBody<global::Microsoft.AspNetCore.Http.IFormCollection>.Fail(413);
            }
            catch (global::System.Exception ex) when (ex is global::System.IO.InvalidDataException or global::Microsoft.AspNetCore.Http.BadHttpRequestException)
            {
                context.Add("", "body", "The form body could not be read");
                return RequestBody<global::Microsoft.AspNetCore.Http.IFormCollection>.None;
            }
        }

        private static string FieldOf(string? jsonPath)
        {
            if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "";
            return jsonPath!.StartsWith("$.", global::System.StringComparison.Ordinal) ? jsonPath.Substring(2) : jsonPath.TrimStart('$');
        }

        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(" Path:", global::System.StringComparison.Ordinal);
            return end > 0 ? message.Substring(0, end).TrimEnd('.') : message.TrimEnd('.');
        }

        private static string Shorten(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";

        // ---- responses ---------------------------------------------------------------------------------------------

        public static async global::System.Threading.Tasks.Task WriteJsonAsync<T>(
            global::Microsoft.AspNetCore.Http.HttpContext httpContext,
            int statusCode,
            string contentType,
            T value,
            global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        {
            var response = httpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = contentType;
            await global::System.Text.Json.JsonSerializer.SerializeAsync(response.Body, value, typeInfo, httpContext.RequestAborted).ConfigureAwait(false);
        }

        public static global::System.Threading.Tasks.Task WriteTextAsync(global::Microsoft.AspNetCore.Http.HttpContext httpContext, int statusCode, string contentType, string value)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = contentType;
            return global::Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(httpContext.Response, value, httpContext.RequestAborted);
        }

        public static async global::System.Threading.Tasks.Task WriteStreamAsync(global::Microsoft.AspNetCore.Http.HttpContext httpContext, int statusCode, string contentType, global::System.IO.Stream value)
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

        public static global::System.Threading.Tasks.Task WriteStatusAsync(global::Microsoft.AspNetCore.Http.HttpContext httpContext, int statusCode)
        {
            httpContext.Response.StatusCode = statusCode;
            return global::System.Threading.Tasks.Task.CompletedTask;
        }

        /// <summary>RFC 9457 problem details, with <c>errors</c> mapping each field to its messages and the request id.</summary>
        public static async global::System.Threading.Tasks.Task WriteProblemAsync(global::Microsoft.AspNetCore.Http.HttpContext httpContext, ServerError error)
        {
            var response = httpContext.Response;
            response.StatusCode = error.Status;
            response.ContentType = "application/problem+json";
            var buffer = new global::System.Buffers.ArrayBufferWriter<byte>(512);
            using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("type", error.Status switch
                {
                    400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                    403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                    413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                    415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
                    _ => "about:blank",
                });
                writer.WriteString("title", error.Title);
                writer.WriteNumber("status", error.Status);
                writer.WriteString("detail", error.Message);
                if (error.Errors.Count > 0)
                {
                    writer.WriteStartObject("errors");
                    var written = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);
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

        /// <summary>The validation errors as field → messages, or null when there are none.</summary>
        public static global::System.Collections.Generic.IDictionary<string, global::System.Collections.Generic.IList<string>>? ErrorMap(ServerError error)
        {
            if (error.Errors.Count == 0) return null;
            var map = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IList<string>>(global::System.StringComparer.Ordinal);
            foreach (var e in error.Errors)
            {
                var key = e.Field.Length == 0 ? "$" : e.Field;
                if (!map.TryGetValue(key, out var messages)) map[key] = messages = new global::System.Collections.Generic.List<string>();
                messages.Add(e.Message);
            }

            return map;
        }

        /// <summary>The validation errors as field → message (joined), or null when there are none.</summary>
        public static global::System.Collections.Generic.IDictionary<string, string>? ErrorMessages(ServerError error)
        {
            if (ErrorMap(error) is not { } map) return null;
            var result = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
            foreach (var pair in map) result[pair.Key] = string.Join("; ", pair.Value);
            return result;
        }

        /// <summary>The validation errors as "field: message" lines, or null when there are none.</summary>
        public static global::System.Collections.Generic.IList<string>? ErrorList(ServerError error)
        {
            if (error.Errors.Count == 0) return null;
            var list = new global::System.Collections.Generic.List<string>(error.Errors.Count);
            foreach (var e in error.Errors) list.Add(e.Field.Length == 0 ? e.Message : e.Field + ": " + e.Message);
            return list;
        }

        // ---- security ----------------------------------------------------------------------------------------------

        /// <summary>True when the user holds every scope (claims <c>scope</c> or <c>scp</c>, space-separated).</summary>
        public static bool HasScopes(global::System.Security.Claims.ClaimsPrincipal user, string[] scopes)
        {
            foreach (var scope in scopes)
            {
                var found = false;
                foreach (var claim in user.Claims)
                {
                    if (claim.Type is not ("scope" or "scp" or "http://schemas.microsoft.com/identity/claims/scope")) continue;
                    foreach (var granted in claim.Value.Split(' '))
                    {
                        if (string.Equals(granted, scope, global::System.StringComparison.Ordinal))
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
        public static void AddServerServices(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, bool authorization)
        {
            if (!authorization) return;
            global::Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions.AddAuthorization(services);
            foreach (var descriptor in services)
            {
                if (descriptor.ServiceType == typeof(global::Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler)
                    && descriptor.ImplementationType == typeof(ServerAuthorizationResultHandler))
                {
                    return;
                }
            }

            global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<global::Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ServerAuthorizationResultHandler>(services);
        }

        /// <summary>Fails fast, at mapping time, when the handler is not registered.</summary>
        public static void EnsureRegistered(global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, global::System.Type server, string addMethod)
        {
            var check = endpoints.ServiceProvider.GetService(typeof(global::Microsoft.Extensions.DependencyInjection.IServiceProviderIsService)) as global::Microsoft.Extensions.DependencyInjection.IServiceProviderIsService;
            if (check is not null && !check.IsService(server))
            {
                throw new global::System.InvalidOperationException($"No implementation of {server.FullName} is registered. Call services.{addMethod}<TImplementation>() before building the application.");
            }
        }
    }

    /// <summary>
    /// Answers 401 and 403 of generated endpoints in the error shape that their spec declares (after the authentication
    /// handlers' own challenge or forbid, which set <c>WWW-Authenticate</c>); every other endpoint gets ASP.NET Core's
    /// default behavior.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ContractFirst", "0.1.0")]
    internal sealed class ServerAuthorizationResultHandler : global::Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
    {
        private readonly global::Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler _default = new();

        public async global::System.Threading.Tasks.Task HandleAsync(
            global::Microsoft.AspNetCore.Http.RequestDelegate next,
            global::Microsoft.AspNetCore.Http.HttpContext context,
            global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy policy,
            global::Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
        {
            var writer = global::Microsoft.AspNetCore.Http.EndpointHttpContextExtensions.GetEndpoint(context)?.Metadata.GetMetadata<ServerErrorWriter>();
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
