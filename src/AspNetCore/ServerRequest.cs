using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ContractFirst.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ContractFirst.AspNetCore;

/// <summary>Where a parameter is sent.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ParameterSource
{
    /// <summary>A route value (OpenAPI <c>in: path</c>).</summary>
    Path,

    /// <summary>The query string.</summary>
    Query,

    /// <summary>A request header (values are trimmed).</summary>
    Header,

    /// <summary>A cookie.</summary>
    Cookie,
}

/// <summary>
/// One request to a generated endpoint, from the first line of the endpoint to the last: the request id, the
/// validation errors that binding collects, a body that cannot be accepted (413, 415), then the call of the handler and
/// the writing of its result. Generated endpoints bind every parameter through it, so that each parameter is one call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ServerRequest
{
    private ServerError? _bodyError;

    /// <summary>Starts a request: sets its request id (<c>X-Request-Id</c>, <see cref="HttpContext.TraceIdentifier"/>).</summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="errors">How the spec answers errors.</param>
    public ServerRequest(HttpContext httpContext, ServerErrorWriter errors)
    {
        HttpContext = httpContext;
        ErrorWriter = errors;
        ServerRuntime.RequestId(httpContext, errors.GuidRequestIds);
    }

    /// <summary>The request.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>How the spec answers errors.</summary>
    public ServerErrorWriter ErrorWriter { get; }

    /// <summary>The validation errors so far.</summary>
    public ValidationContext Errors { get; } = new();

    /// <summary>
    /// Binds a scalar parameter: absent (an error when <paramref name="required"/>), given more than once, or text that
    /// <paramref name="parser"/> must accept. Each failure is a validation error naming <paramref name="field"/>.
    /// </summary>
    /// <returns>True when the parameter was given and parsed; <paramref name="value"/> is default otherwise.</returns>
    public bool Scalar<T>(ParameterSource source, string key, string field, ServerParser<T> parser, bool required, out T value)
    {
        var raw = Raw(source, key);
        value = default!;
        if (raw.Count == 0)
        {
            if (required) Errors.Add(field, "required", "is required");
            return false;
        }

        if (raw.Count > 1)
        {
            Errors.Add(field, "type", "must be given once");
            return false;
        }

        if (parser.TryParse(source == ParameterSource.Header ? raw[0]!.Trim() : raw[0]!, out value)) return true;
        Errors.Add(field, "type", parser.Expectation);
        return false;
    }

    /// <summary>A scalar parameter whose route key or query name is its field name.</summary>
    /// <returns>True when the parameter was given and parsed.</returns>
    public bool Scalar<T>(ParameterSource source, string name, ServerParser<T> parser, bool required, out T value) =>
        Scalar(source, name, name, parser, required, out value);

    /// <summary>
    /// Binds an array parameter: every value as is, or split at <paramref name="delimiter"/>; each item that does not
    /// parse is an error naming <c>field[n]</c>.
    /// </summary>
    /// <returns>True when the parameter was given (some items may have failed).</returns>
    public bool Array<T>(ParameterSource source, string key, string field, ServerParser<T> parser, bool required, char delimiter, bool split, out List<T> value)
    {
        var raw = Raw(source, key);
        if (raw.Count == 0)
        {
            if (required) Errors.Add(field, "required", "is required");
            value = null!;
            return false;
        }

        var items = ServerRuntime.Items(raw, delimiter, split, trim: source == ParameterSource.Header);
        value = new List<T>(items.Length);
        for (var n = 0; n < items.Length; n++)
        {
            if (parser.TryParse(items[n], out var item)) value.Add(item);
            else Errors.Add(field + "[" + n.ToString(CultureInfo.InvariantCulture) + "]", "type", parser.Expectation);
        }

        return true;
    }

    /// <summary>An array parameter whose route key or query name is its field name.</summary>
    /// <returns>True when the parameter was given.</returns>
    public bool Array<T>(ParameterSource source, string name, ServerParser<T> parser, bool required, char delimiter, bool split, out List<T> value) =>
        Array(source, name, name, parser, required, delimiter, split, out value);

    /// <summary>The raw values of a parameter.</summary>
    /// <param name="source">Where it is sent.</param>
    /// <param name="key">The route key or the wire name.</param>
    /// <returns>Its values; empty when absent.</returns>
    public StringValues Raw(ParameterSource source, string key) => source switch
    {
        ParameterSource.Path => ServerRuntime.Route(HttpContext, key),
        ParameterSource.Header => ServerRuntime.Header(HttpContext, key),
        ParameterSource.Cookie => ServerRuntime.Cookie(HttpContext, key),
        _ => ServerRuntime.Query(HttpContext, key),
    };

    /// <summary>Reads a JSON body, validated against <paramref name="schema"/> before it is bound (see <see cref="ServerRuntime.ReadJsonAsync{T}"/>).</summary>
    /// <returns>The body, if one was read.</returns>
    public ValueTask<RequestBody<T>> JsonAsync<T>(JsonTypeInfo<T> typeInfo, JsonSchema? schema, string mediaType, bool required, long limit) =>
        Body(ServerRuntime.ReadJsonAsync(HttpContext, Errors, typeInfo, schema, mediaType, required, limit), mediaType, limit);

    /// <summary>Reads a text body.</summary>
    /// <returns>The body, if one was read.</returns>
    public ValueTask<RequestBody<string>> TextAsync(string mediaType, bool required, long limit) =>
        Body(ServerRuntime.ReadTextAsync(HttpContext, Errors, mediaType, required, limit), mediaType, limit);

    /// <summary>Reads a binary body.</summary>
    /// <returns>The body, if one was read.</returns>
    public ValueTask<RequestBody<Stream>> StreamAsync(string mediaType, bool required, long limit) =>
        Body(ServerRuntime.ReadStreamAsync(HttpContext, Errors, mediaType, required, limit), mediaType, limit);

    /// <summary>Reads a form body.</summary>
    /// <returns>The form, if one was read.</returns>
    public ValueTask<RequestBody<IFormCollection>> FormAsync(string mediaType, bool required, long limit) =>
        Body(ServerRuntime.ReadFormAsync(HttpContext, Errors, mediaType, required, limit), mediaType, limit);

    private ValueTask<RequestBody<T>> Body<T>(ValueTask<RequestBody<T>> reading, string mediaType, long limit) =>
        reading.IsCompletedSuccessfully ? new(Body(reading.Result, mediaType, limit)) : BodyAsync(reading, mediaType, limit);

    private async ValueTask<RequestBody<T>> BodyAsync<T>(ValueTask<RequestBody<T>> reading, string mediaType, long limit) =>
        Body(await reading.ConfigureAwait(false), mediaType, limit);

    private RequestBody<T> Body<T>(RequestBody<T> read, string mediaType, long limit)
    {
        if (read.FailureStatus != 0) _bodyError = ServerError.Body(read.FailureStatus, mediaType, limit);
        return read;
    }

    /// <summary>
    /// Answers the request when it cannot be accepted: a body that cannot be accepted at all (413, 415), else every
    /// validation error (400), in the spec's error shape. Completes synchronously when the request is valid.
    /// </summary>
    /// <returns>True when the request was answered and the handler must not run.</returns>
    public ValueTask<bool> FailedAsync()
    {
        if (_bodyError is null && !Errors.HasErrors) return new ValueTask<bool>(false);
        return Answer(_bodyError ?? ServerError.Validation(Errors));
    }

    private async ValueTask<bool> Answer(ServerError error)
    {
        await ErrorWriter.WriteAsync(HttpContext, error).ConfigureAwait(false);
        return true;
    }

    /// <summary>The handler, from the request's services.</summary>
    /// <typeparam name="TServer">The generated server interface.</typeparam>
    /// <param name="addMethod">The registration method, for the message when it is missing.</param>
    /// <returns>The handler.</returns>
    public TServer Server<TServer>(string addMethod) where TServer : class =>
        HttpContext.RequestServices.GetService(typeof(TServer)) as TServer
        ?? throw new InvalidOperationException($"No {typeof(TServer).Name} is registered: call services.{addMethod}<TImplementation>().");

    /// <summary>Writes what the handler answered.</summary>
    /// <param name="result">The result; null is a bug of the handler.</param>
    /// <param name="method">The handler's method, for the message when it returned null.</param>
    /// <typeparam name="TResult">The operation's result type.</typeparam>
    /// <returns>The write.</returns>
    public Task WriteAsync<TResult>(TResult? result, string method) where TResult : OperationResult =>
        (result ?? throw new InvalidOperationException($"{method} returned null; return a {typeof(TResult).Name}.")).ExecuteAsync(HttpContext);
}
