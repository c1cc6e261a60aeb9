using System;
using System.Collections.Generic;
using System.Linq;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ContractFirst.AspNetCore;

/// <summary>Settings of the endpoints of a generated server; each spec's <c>{Api}ServerOptions</c> derives from it.</summary>
public abstract class ServerOptions
{
    /// <summary>The largest request body accepted, in bytes; larger ones answer 413. Default: 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
}

/// <summary>
/// Maps the operations of a generated server into one route group: the route, the name (operationId), the error writer
/// as metadata, the authorization policy, the response metadata of the operation's result type and the handler
/// method as <see cref="MethodInfo"/> metadata (so that ApiExplorer and <c>MapOpenApi()</c> describe the endpoint's
/// parameters from the interface method).
/// </summary>
/// <typeparam name="TServer">The generated server interface.</typeparam>
/// <typeparam name="TOptions">The generated options.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ServerEndpoints<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TServer, TOptions>
    where TServer : class
    where TOptions : ServerOptions, new()
{
    private readonly long _limit;
    private readonly HashSet<string> _names;

    /// <summary>Fails fast when the server is not registered, reads the options and creates the group.</summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="prefix">The route prefix of every operation.</param>
    /// <param name="addMethod">The registration method, for the message when it is missing.</param>
    public ServerEndpoints(IEndpointRouteBuilder endpoints, string prefix, string addMethod)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ServerRuntime.EnsureRegistered(endpoints, typeof(TServer), addMethod);
        var options = (endpoints.ServiceProvider.GetService(typeof(IOptions<TOptions>)) as IOptions<TOptions>)?.Value ?? new TOptions();
        _limit = options.MaxRequestBodySize;
        Group = endpoints.MapGroup(prefix);
        _names = EndpointNames.Of(endpoints.ServiceProvider);
    }

    /// <summary>The group of every operation.</summary>
    public RouteGroupBuilder Group { get; }

    /// <summary>Maps one operation.</summary>
    /// <typeparam name="TResult">The operation's result type, whose metadata describes its responses.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <param name="operationId">The operationId: the endpoint's name (unless the application already has an endpoint of that name, e.g. the same spec mapped under a second prefix), or empty.</param>
    /// <param name="handlerMethod">The name of the interface method.</param>
    /// <param name="handler">The endpoint: binding, validation, the call.</param>
    /// <param name="errors">How the operation answers errors.</param>
    /// <param name="policy">The spec's security, or null for anonymous access.</param>
    /// <param name="summary">The operation's summary.</param>
    /// <param name="tags">The operation's tags.</param>
    /// <param name="path">The spec's path, when it is not the route pattern.</param>
    /// <returns>The endpoint, for more conventions.</returns>
    public IEndpointConventionBuilder Map<TResult>(
        string method,
        string pattern,
        string operationId,
        string handlerMethod,
        Func<HttpContext, long, Task> handler,
        ServerErrorWriter errors,
        AuthorizationPolicy? policy = null,
        string? summary = null,
        string[]? tags = null,
        string? path = null)
        where TResult : OperationResult, IEndpointMetadataProvider
    {
        var limit = _limit;
        var endpoint = Group.MapMethods(pattern, new[] { method }, httpContext => handler(httpContext, limit));
        endpoint.WithDisplayName(method + " " + (path ?? pattern) + (operationId.Length > 0 ? " (" + operationId + ")" : ""));
        if (operationId.Length > 0 && ClaimName(operationId)) endpoint.WithName(operationId);
        endpoint.WithMetadata(errors);
        var info = Find(handlerMethod);
        endpoint.Add(builder =>
        {
            if (info is not null)
            {
                builder.Metadata.Add(info);
                ParameterMetadata.Add(info, builder);
            }

            TResult.PopulateMetadata(info!, builder);
        });
        if (tags is { Length: > 0 }) endpoint.WithTags(tags);
        if (summary is not null) endpoint.WithSummary(summary);
        if (policy is not null) endpoint.RequireAuthorization(policy);
        return endpoint;
    }

    private bool ClaimName(string name)
    {
        lock (_names) return _names.Add(name);
    }

    private static MethodInfo? Find(string name)
    {
        foreach (var candidate in typeof(TServer).GetMethods())
        {
            if (candidate.Name == name) return candidate;
        }

        return null;
    }
}

/// <summary>
/// Endpoint names are unique per application: the first operation mapped with an operationId gets it as its name; a
/// later one with the same operationId (the same spec under a second prefix, or another spec) does not, since duplicate
/// names fail every request.
/// </summary>
internal static class EndpointNames
{
    private static readonly ConditionalWeakTable<IServiceProvider, HashSet<string>> Names = new();

    public static HashSet<string> Of(IServiceProvider services) => Names.GetOrCreateValue(services);
}

/// <summary>
/// Describes the parameters of a handler method to ApiExplorer: since ASP.NET Core 9 it reads them from
/// <c>IParameterBindingMetadata</c>, which the minimal-API binder adds and a RequestDelegate endpoint lacks. The
/// interface method's [FromRoute], [FromQuery], [FromHeader], [FromBody] and [FromForm] say where each comes from.
/// </summary>
internal static class ParameterMetadata
{
    public static void Add(MethodInfo method, EndpointBuilder builder)
    {
#if NET9_0_OR_GREATER
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(HttpContext) || parameter.ParameterType == typeof(System.Threading.CancellationToken)) continue;
            var located = false;
            foreach (var data in parameter.CustomAttributes)
            {
                located |= typeof(IFromRouteMetadata).IsAssignableFrom(data.AttributeType) || typeof(IFromQueryMetadata).IsAssignableFrom(data.AttributeType)
                    || typeof(IFromHeaderMetadata).IsAssignableFrom(data.AttributeType) || typeof(IFromBodyMetadata).IsAssignableFrom(data.AttributeType)
                    || typeof(IFromFormMetadata).IsAssignableFrom(data.AttributeType);
            }

            // A parameter without a source (a cookie) is not described rather than described as a query parameter.
            if (located) builder.Metadata.Add(new Binding(parameter));
        }
#else
        _ = method;
        _ = builder;
#endif
    }

    /// <summary>Nullable (C# annotation or Nullable&lt;T&gt;): optional.</summary>
    internal static bool IsNullable(ParameterInfo parameter)
    {
        if (parameter.ParameterType.IsValueType) return Nullable.GetUnderlyingType(parameter.ParameterType) is not null;
        if (Flag(parameter.CustomAttributes, "System.Runtime.CompilerServices.NullableAttribute") is { } own) return own == 2;
        if (Flag(parameter.Member.CustomAttributes, "System.Runtime.CompilerServices.NullableContextAttribute") is { } method) return method == 2;
        return Flag(parameter.Member.DeclaringType?.CustomAttributes ?? Array.Empty<CustomAttributeData>(), "System.Runtime.CompilerServices.NullableContextAttribute") == 2;
    }

    private static byte? Flag(IEnumerable<CustomAttributeData> attributes, string name)
    {
        foreach (var data in attributes)
        {
            if (data.AttributeType.FullName != name || data.ConstructorArguments.Count != 1) continue;
            var value = data.ConstructorArguments[0].Value;
            if (value is byte flag) return flag;
            if (value is IReadOnlyCollection<CustomAttributeTypedArgument> { Count: > 0 } flags && flags.First().Value is byte first) return first;
        }

        return null;
    }

#if NET9_0_OR_GREATER
    private sealed class Binding(ParameterInfo parameter) : IParameterBindingMetadata
    {
        public string Name => parameter.Name ?? "";

        public bool HasTryParse => false;

        public bool HasBindAsync => false;

        public ParameterInfo ParameterInfo => parameter;

        public bool IsOptional => IsNullable(parameter);
    }
#endif
}
