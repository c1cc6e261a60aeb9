using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractFirst.AspNetCore;

/// <summary>
/// What a generated server's handler answers: a status and a body, written with the spec's reflection-free JSON
/// options. Each operation has its own sealed result type with one factory per response that the spec declares; it is
/// an <see cref="IResult"/> and an <c>IEndpointMetadataProvider</c>, so that the endpoint's responses are described to
/// ApiExplorer and <c>Microsoft.AspNetCore.OpenApi</c> like those of <c>TypedResults</c>.
/// </summary>
public abstract class OperationResult : IResult, IStatusCodeHttpResult, IValueHttpResult, IContentTypeHttpResult
{
    private readonly JsonTypeInfo? _typeInfo;

    /// <summary>Creates a result.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="body">The body, or null for none.</param>
    /// <param name="contentType">The body's media type.</param>
    /// <param name="typeInfo">The body's JSON type info; null writes a string as text and a stream as bytes.</param>
    protected OperationResult(int statusCode, object? body, string? contentType, JsonTypeInfo? typeInfo)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = body is null ? null : contentType;
        _typeInfo = typeInfo;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body, if any (for tests and logging).</summary>
    public object? Body { get; }

    /// <summary>The body's media type, if there is a body.</summary>
    public string? ContentType { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    object? IValueHttpResult.Value => Body;

    /// <summary>Writes the response.</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>The write.</returns>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        switch (Body)
        {
            case null:
                return ServerRuntime.WriteStatusAsync(httpContext, StatusCode);
            case { } value when _typeInfo is not null:
                return WriteJsonAsync(httpContext, value, _typeInfo);
            case string text:
                return ServerRuntime.WriteTextAsync(httpContext, StatusCode, ContentType!, text);
            case Stream stream:
                return ServerRuntime.WriteStreamAsync(httpContext, StatusCode, ContentType!, stream);
            default:
                throw new InvalidOperationException($"A {Body.GetType().Name} body needs JSON type info.");
        }
    }

    private async Task WriteJsonAsync(HttpContext httpContext, object value, JsonTypeInfo typeInfo)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(response.Body, value, typeInfo, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The body, which a declared response needs.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="body">The body.</param>
    /// <param name="name">The argument.</param>
    /// <returns><paramref name="body"/>.</returns>
    protected static T NotNull<T>(T body, [CallerArgumentExpression(nameof(body))] string? name = null) where T : class
    {
        ArgumentNullException.ThrowIfNull(body, name);
        return body;
    }

    /// <summary>A status code of a range that the spec declares (<c>default</c>, <c>4XX</c>).</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="low">The lowest allowed.</param>
    /// <param name="high">The highest allowed.</param>
    /// <returns><paramref name="statusCode"/>.</returns>
    protected static int InRange(int statusCode, int low, int high)
    {
        if (statusCode < low || statusCode > high)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, $"The status code must be between {low} and {high}.");
        }

        return statusCode;
    }

    /// <summary>Describes the responses of an operation as endpoint metadata (<see cref="Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata"/>).</summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="responses">Each declared response: status, body type (null for none), media type.</param>
    protected static void Produces(EndpointBuilder builder, params (int Status, Type? Type, string? ContentType)[] responses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (status, type, contentType) in responses)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, type ?? typeof(void), contentType is null ? null : new[] { contentType }));
        }
    }
}
