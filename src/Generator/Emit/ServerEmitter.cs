using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits ASP.NET Core server stubs of a spec (CONTRACT.md, Server): one interface per spec, <c>I{Api}Server</c>, with one
/// method per operation and a result type per operation nested in it; <c>{Api}ServerOptions</c>; and
/// <c>{Api}ServerExtensions</c> with <c>Add{Api}Server&lt;T&gt;()</c> and <c>Map{Api}()</c>, whose endpoints are plain
/// <c>RequestDelegate</c>s with generated binding and validation (no reflection, no minimal-API binding). The glue shared by
/// every spec comes from <see cref="ServerSupportEmitter"/>.
/// </summary>
internal static class ServerEmitter
{
    private const string Http = "global::Microsoft.AspNetCore.Http.";
    private const string Rt = ServerSupportEmitter.Namespace + "ServerRuntime.";
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Vc = "global::ContractFirst.Validation.ValidationContext";
    private const string Generated = "[global::System.CodeDom.Compiler.GeneratedCode(\"ContractFirst\", \"" + GeneratorInfo.Version + "\")]";

    /// <summary>
    /// (hint name without namespace and extension, source) pairs. The names come first and cost nothing; each source is
    /// written when asked for, so that one that fails costs only itself.
    /// </summary>
    public static IEnumerable<(string Name, System.Func<string> Source)> Emit(SpecModel model)
    {
        var names = new ServerNames(model);
        var parts = new System.Lazy<(ServerErrorShapes Shapes, List<ServerOperation> Operations)>(() =>
        {
            var types = new ServerTypes(model);
            return (new ServerErrorShapes(model, types), model.Operations.Select(op => new ServerOperation(model, op, types)).ToList());
        });
        yield return (names.Interface, () => EmitInterface(model, names, parts.Value.Operations));
        yield return (names.Extensions, () => EmitExtensions(model, names, parts.Value.Shapes, parts.Value.Operations));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The interface and the result types

    private static string EmitInterface(SpecModel model, ServerNames names, List<ServerOperation> operations)
    {
        var w = Start(model);
        w.Summary(
            $"The server of {model.Title ?? model.FileName}: implement this interface, register it with services.{names.AddMethod}<T>() and map it with app.{names.MapMethod}().",
            "Every request is validated against the spec before a method is called; a method only sees valid input.");
        w.Line(Generated);
        w.Open($"public partial interface {names.Interface}");
        foreach (var op in operations)
        {
            EmitMethod(w, model, op);
            w.Line();
        }

        foreach (var op in operations)
        {
            EmitResult(w, model, op);
            w.Line();
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitMethod(SourceWriter w, SpecModel model, ServerOperation op)
    {
        var o = op.Model;
        w.Summary(o.Summary ?? o.HttpMethod + " " + o.Path, o.Description);
        foreach (var p in op.Parameters)
        {
            if (p.Model.Summary is { } summary) w.Line($"/// <param name=\"{p.Name}\">{string.Join(" ", CSharp.DocLines(summary))}</param>");
        }

        if (o.Body?.Summary is { } bodySummary) w.Line($"/// <param name=\"body\">{string.Join(" ", CSharp.DocLines(bodySummary))}</param>");
        w.Line($"/// <param name=\"{op.HttpContextName}\">The request's context (user, services, request id in TraceIdentifier).</param>");
        w.Line("/// <param name=\"cancellationToken\">Signals that the request was aborted.</param>");
        if (o.Deprecated) w.Line(ModelEmitter.ObsoleteAttribute);
        w.Line($"{Task}<{op.ResultName}> {o.MethodName}({string.Join(", ", op.Signature())});");
        _ = model;
    }

    private static void EmitResult(SourceWriter w, SpecModel model, ServerOperation op)
    {
        var name = op.ResultName;
        w.Summary($"What {op.Model.MethodName} answers: one factory per response that the spec declares, and Status(...) for any other.");
        w.Line(Generated);
        w.Open($"public sealed class {name}");
        w.Line($"private readonly global::System.Func<{Http}HttpContext, {Task}> _write;");
        w.Line();
        w.Open($"private {name}(int statusCode, object? body, global::System.Func<{Http}HttpContext, {Task}> write)");
        w.Line("StatusCode = statusCode;");
        w.Line("Body = body;");
        w.Line("_write = write;");
        w.Close();
        w.Line();
        w.Line("/// <summary>The HTTP status code.</summary>");
        w.Line("public int StatusCode { get; }");
        w.Line();
        w.Line("/// <summary>The body, if any (for tests and logging).</summary>");
        w.Line("public object? Body { get; }");
        w.Line();

        var factoryNames = new HashSet<string>(System.StringComparer.Ordinal) { "Status", "StatusCode", "Body" };
        string? implicitFrom = null;
        foreach (var response in op.Model.Responses)
        {
            var factory = Identifiers.Unique(FactoryName(response.StatusCode), factoryNames);
            var fixedStatus = int.TryParse(response.StatusCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
            var statusParameter = fixedStatus is null ? "int statusCode" : null;
            var statusExpression = fixedStatus?.ToString(CultureInfo.InvariantCulture) ?? "statusCode";
            w.Summary($"{response.StatusCode}: {response.Summary ?? "as the spec declares"}");
            var bodyType = response.Type is { } t && response.Kind != BodyKind.None ? t : null;
            var parameters = new List<string>();
            if (statusParameter is not null) parameters.Add(statusParameter);
            string write;
            if (bodyType is null)
            {
                write = $"{Rt}WriteStatusAsync(httpContext, {statusExpression})";
            }
            else
            {
                var csType = op.Types.Qualified(bodyType);
                parameters.Add(csType + " body");
                var contentType = CSharp.StringLiteral(response.ContentType ?? "application/json");
                write = response.Kind switch
                {
                    BodyKind.Text => $"{Rt}WriteTextAsync(httpContext, {statusExpression}, {contentType}, body)",
                    _ when bodyType.Primitive == PrimitiveKind.Stream => $"{Rt}WriteStreamAsync(httpContext, {statusExpression}, {contentType}, body)",
                    _ => $"{Rt}WriteJsonAsync(httpContext, {statusExpression}, {contentType}, body, {op.Types.TypeInfo(bodyType)})",
                };
                if (implicitFrom is null && response.IsSuccess && bodyType.Kind is TypeKind.Model or TypeKind.Primitive or TypeKind.Enum && bodyType.Primitive != PrimitiveKind.Stream
                    && op.Model.Responses.Count(r => r.Type == bodyType) == 1 && bodyType.Name != "object")
                {
                    implicitFrom = factory + "|" + csType;
                }
            }

            w.Open($"public static {name} {factory}({string.Join(", ", parameters)})");
            if (fixedStatus is null)
            {
                var range = response.StatusCode == "default" ? "100 and 599" : response.StatusCode[0] + "00 and " + response.StatusCode[0] + "99";
                var low = response.StatusCode == "default" ? "100" : response.StatusCode[0] + "00";
                var high = response.StatusCode == "default" ? "599" : response.StatusCode[0] + "99";
                w.Line($"if (statusCode < {low} || statusCode > {high}) throw new global::System.ArgumentOutOfRangeException(nameof(statusCode), statusCode, \"The status code must be between {range}.\");");
            }

            if (bodyType is not null && !bodyType.IsValueType) w.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
            w.Line($"return new({statusExpression}, {(bodyType is null ? "null" : "body")}, httpContext => {write});");
            w.Close();
            w.Line();
        }

        w.Line("/// <summary>Any status without a body (an escape hatch for responses the spec does not declare).</summary>");
        w.Line($"public static {name} Status(int statusCode) => new(statusCode, null, httpContext => {Rt}WriteStatusAsync(httpContext, statusCode));");
        w.Line();
        w.Line("/// <summary>Any status with a JSON body that the spec's JSON options can write (an escape hatch for responses the spec does not declare).</summary>");
        w.Line($"public static {name} Status<TBody>(int statusCode, TBody body, string contentType = \"application/json\") =>");
        w.Line($"    new(statusCode, body, httpContext => {Rt}WriteJsonAsync(httpContext, statusCode, contentType, body, global::{model.Namespace}.{model.ClientName}Json.TypeInfo<TBody>()));");
        if (implicitFrom is not null)
        {
            var parts = implicitFrom.Split('|');
            w.Line();
            w.Line($"/// <summary>The success response: <c>return body;</c> is <c>return {parts[0]}(body);</c>.</summary>");
            w.Line($"public static implicit operator {name}({parts[1]} body) => {parts[0]}(body);");
        }

        w.Line();
        w.Line("/// <summary>Writes the response.</summary>");
        w.Line($"internal {Task} WriteAsync({Http}HttpContext httpContext) => _write(httpContext);");
        w.Close();
    }

    private static string FactoryName(string status) => status switch
    {
        "200" => "Ok",
        "201" => "Created",
        "202" => "Accepted",
        "203" => "NonAuthoritative",
        "204" => "NoContent",
        "206" => "PartialContent",
        "301" => "MovedPermanently",
        "302" => "Found",
        "303" => "SeeOther",
        "304" => "NotModified",
        "307" => "TemporaryRedirect",
        "308" => "PermanentRedirect",
        "400" => "BadRequest",
        "401" => "Unauthorized",
        "402" => "PaymentRequired",
        "403" => "Forbidden",
        "404" => "NotFound",
        "405" => "MethodNotAllowed",
        "406" => "NotAcceptable",
        "408" => "RequestTimeout",
        "409" => "Conflict",
        "410" => "Gone",
        "412" => "PreconditionFailed",
        "413" => "PayloadTooLarge",
        "415" => "UnsupportedMediaType",
        "422" => "UnprocessableEntity",
        "423" => "Locked",
        "428" => "PreconditionRequired",
        "429" => "TooManyRequests",
        "500" => "InternalServerError",
        "501" => "NotImplemented",
        "502" => "BadGateway",
        "503" => "ServiceUnavailable",
        "504" => "GatewayTimeout",
        "default" => "Default",
        _ => "Status" + status,
    };

    // ---------------------------------------------------------------------------------------------------------------
    // Options, DI and endpoints

    private static string EmitExtensions(SpecModel model, ServerNames names, ServerErrorShapes shapes, List<ServerOperation> operations)
    {
        var w = Start(model);
        var anySecurity = operations.Any(o => o.Security is not null);

        w.Summary($"Settings of the endpoints that {names.MapMethod}() maps.");
        w.Line(Generated);
        w.Open($"public sealed class {names.Options}");
        w.Line("/// <summary>The largest request body accepted, in bytes; larger ones answer 413. Default: 1 MiB.</summary>");
        w.Line("public long MaxRequestBodySize { get; set; } = 1024 * 1024;");
        w.Close();
        w.Line();

        w.Summary($"Registers and maps the server of {model.Title ?? model.FileName}.");
        w.Line(Generated);
        w.Open($"public static class {names.Extensions}");

        // Add{Api}Server
        w.Line($"/// <summary>Registers <typeparamref name=\"TImplementation\"/> (scoped) as the {names.Interface}, the options and the authorization hooks.</summary>");
        w.Line($"public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection {names.AddMethod}<[global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<{names.Options}>? configure = null)");
        w.Indent().Line($"where TImplementation : class, {names.Interface}").Outdent();
        w.Line("{").Indent();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
        w.Line($"global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<{names.Interface}, TImplementation>(services);");
        w.Line($"global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions(services);");
        w.Line($"if (configure is not null) global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure(services, configure);");
        w.Line($"{Rt}AddServerServices(services, authorization: {(anySecurity ? "true" : "false")});");
        w.Line("return services;");
        w.Close();
        w.Line();

        // Map{Api}
        w.Summary(
            $"Maps every operation of the spec. Each endpoint validates the request, resolves the {names.Interface} from the request's services, calls it and writes its result.",
            "Returns the group of endpoints, so that conventions (rate limiting, CORS, more authorization) can be chained.");
        w.Line("/// <param name=\"endpoints\">The application or a route group.</param>");
        w.Line("/// <param name=\"prefix\">A route prefix for every operation, e.g. \"/v2\"; empty by default.</param>");
        w.Open($"public static global::Microsoft.AspNetCore.Routing.RouteGroupBuilder {names.MapMethod}(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string prefix = \"\")");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(endpoints);");
        w.Line($"{Rt}EnsureRegistered(endpoints, typeof({names.Interface}), {CSharp.StringLiteral(names.AddMethod)});");
        w.Line($"var options = (endpoints.ServiceProvider.GetService(typeof(global::Microsoft.Extensions.Options.IOptions<{names.Options}>)) as global::Microsoft.Extensions.Options.IOptions<{names.Options}>)?.Value ?? new {names.Options}();");
        w.Line("var limit = options.MaxRequestBodySize;");
        w.Line("var group = global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGroup(endpoints, prefix);");
        foreach (var op in operations)
        {
            var o = op.Model;
            var route = CSharp.StringLiteral(op.RoutePattern);
            w.Line("{").Indent();
            w.Line($"var endpoint = global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapMethods(group, {route}, new[] {{ {CSharp.StringLiteral(o.HttpMethod)} }}, httpContext => {op.HandlerName}(httpContext, limit));");
            w.Line($"global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithDisplayName(endpoint, {CSharp.StringLiteral(o.HttpMethod + " " + o.Path + (o.OperationId.Length > 0 ? " (" + o.OperationId + ")" : ""))});");
            w.Line($"global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithMetadata(endpoint, {op.ErrorsName});");
            if (o.Tags.Count > 0) w.Line($"global::Microsoft.AspNetCore.Http.OpenApiRouteHandlerBuilderExtensions.WithTags(endpoint, {string.Join(", ", o.Tags.Select(CSharp.StringLiteral))});");
            if (o.Summary is { } summary) w.Line($"global::Microsoft.AspNetCore.Http.OpenApiRouteHandlerBuilderExtensions.WithSummary(endpoint, {CSharp.StringLiteral(summary)});");
            if (op.Security is not null) w.Line($"global::Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions.RequireAuthorization(endpoint, {op.PolicyName});");
            w.Close();
        }

        w.Line("return group;");
        w.Close();
        w.Line();

        foreach (var op in operations)
        {
            EmitStatics(w, model, shapes, op);
            EmitHandler(w, model, names, op);
            w.Line();
        }

        ServerBinding.EmitBinders(w, operations);
        shapes.EmitWriters(w);
        w.Close();
        return w.ToString();
    }

    private static void EmitStatics(SourceWriter w, SpecModel model, ServerErrorShapes shapes, ServerOperation op)
    {
        // How this operation answers errors: the declared shape per status, else problem details.
        w.Line($"private static readonly {ServerSupportEmitter.Namespace}ServerErrorWriter {op.ErrorsName} = new((httpContext, error) => error.Status switch");
        w.Line("{");
        w.Indent();
        foreach (var status in ServerErrorShapes.Statuses)
        {
            var shape = shapes.For(op.Model, status);
            if (shape is not null) w.Line($"{status} => {shape.WriterName}(httpContext, error),");
        }

        w.Line($"_ => {Rt}WriteProblemAsync(httpContext, error),");
        w.Outdent();
        w.Line($"}}, guidRequestIds: {(shapes.GuidRequestIds ? "true" : "false")});");
        w.Line();

        if (op.Security is { } alternatives)
        {
            var schemes = alternatives.SelectMany(a => a).Select(s => s.SchemeKey).Distinct().ToList();
            w.Line($"private static readonly global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy {op.PolicyName} = new global::Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder({string.Join(", ", schemes.Select(CSharp.StringLiteral))})");
            w.Indent();
            w.Line(".RequireAuthenticatedUser()");
            if (alternatives.Any(a => a.Any(s => s.Scopes.Count > 0)))
            {
                var checks = alternatives.Select(a =>
                {
                    var scopes = a.SelectMany(s => s.Scopes).Distinct().ToList();
                    return scopes.Count == 0 ? "true" : $"{Rt}HasScopes(context.User, new[] {{ {string.Join(", ", scopes.Select(CSharp.StringLiteral))} }})";
                });
                w.Line($".RequireAssertion(static context => {string.Join(" || ", checks)})");
            }

            w.Line(".Build();");
            w.Outdent();
            w.Line();
        }

        _ = model;
    }

    private static void EmitHandler(SourceWriter w, SpecModel model, ServerNames names, ServerOperation op)
    {
        var o = op.Model;
        w.Open($"private static async {Task} {op.HandlerName}({Http}HttpContext httpContext, long limit)");
        w.Line($"{Rt}RequestId(httpContext, {op.ErrorsName}.GuidRequestIds);");
        w.Line($"var context = new {Vc}();");
        var index = 0;
        foreach (var p in op.Parameters)
        {
            ServerBinding.EmitParameter(w, op, p, "a" + index++.ToString(CultureInfo.InvariantCulture));
        }

        if (o.Body is { } body)
        {
            ServerBinding.EmitBody(w, op, body);
        }

        w.Open("if (context.HasErrors)");
        w.Line($"await {op.ErrorsName}.WriteAsync(httpContext, {ServerSupportEmitter.Namespace}ServerError.Validation(context)).ConfigureAwait(false);");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line($"var server = ({names.Interface}?)httpContext.RequestServices.GetService(typeof({names.Interface})) ?? throw new global::System.InvalidOperationException(\"No {names.Interface} is registered: call services.{names.AddMethod}<TImplementation>().\");");
        if (o.Deprecated) w.Line("#pragma warning disable CS0618");
        w.Line($"var result = await server.{o.MethodName}({string.Join(", ", op.Arguments())}).ConfigureAwait(false);");
        if (o.Deprecated) w.Line("#pragma warning restore CS0618");
        w.Line($"if (result is null) throw new global::System.InvalidOperationException(\"{names.Interface}.{o.MethodName} returned null; return a {op.ResultName}.\");");
        w.Line("await result.WriteAsync(httpContext).ConfigureAwait(false);");
        w.Close();
    }

    private static SourceWriter Start(SpecModel model) => SourceWriter.ForFile(model.Namespace);
}

/// <summary>The names of a spec's server types; the model builder reserves them against model names.</summary>
internal sealed class ServerNames
{
    public ServerNames(SpecModel model)
    {
        var api = model.ClientName.Replace("Client", "");
        Interface = "I" + api + "Server";
        Options = api + "ServerOptions";
        Extensions = api + "ServerExtensions";
        AddMethod = "Add" + api + "Server";
        MapMethod = "Map" + (api.Length == 0 ? "Server" : api);
    }

    public string Interface { get; }

    public string Options { get; }

    public string Extensions { get; }

    public string AddMethod { get; }

    public string MapMethod { get; }
}

/// <summary>One operation, as the server emitter sees it: names, parameters and security.</summary>
internal sealed class ServerOperation
{
    public ServerOperation(SpecModel spec, OperationModel model, ServerTypes types)
    {
        Model = model;
        var baseName = model.MethodName.EndsWith("Async", System.StringComparison.Ordinal) ? model.MethodName.Substring(0, model.MethodName.Length - 5) : model.MethodName;
        ResultName = baseName + "Result";
        HandlerName = "Handle" + baseName;
        ErrorsName = baseName + "Errors";
        PolicyName = baseName + "Policy";
        var taken = new HashSet<string>(model.Parameters.Select(p => p.Name), System.StringComparer.Ordinal) { "body", "cancellationToken" };
        HttpContextName = Identifiers.Unique("httpContext", taken);
        var routeNames = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var routeKeys = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var i = 0;
        foreach (var p in model.Parameters.Where(p => p.Location == ParameterLocation.Path))
        {
            var key = IsRouteName(p.WireName) && routeNames.Add(p.WireName) ? p.WireName : "p" + i.ToString(CultureInfo.InvariantCulture);
            routeNames.Add(key);
            routeKeys[p.WireName] = key;
            i++;
        }

        Types = types;
        Parameters = model.Parameters.Select(p => new ServerParameter(p, p.Name, p.Location == ParameterLocation.Path && routeKeys.TryGetValue(p.WireName, out var key) ? key : p.WireName, Types.Qualified(p.Type))).ToList();
        RoutePattern = BuildRoute(model.Path, routeKeys);

        // An empty alternative means anonymous access is allowed; unknown schemes are skipped (the spec is wrong).
        var known = new HashSet<string>(spec.SecuritySchemes.Select(s => s.Key), System.StringComparer.Ordinal);
        if (model.Security.Count > 0 && model.Security.All(r => r.Schemes.Count > 0))
        {
            var alternatives = model.Security.Select(r => r.Schemes.Where(s => known.Contains(s.SchemeKey)).ToList()).Where(a => a.Count > 0).ToList();
            if (alternatives.Count > 0) Security = alternatives;
        }
    }

    public OperationModel Model { get; }

    public ServerTypes Types { get; }

    public string ResultName { get; }

    public string HandlerName { get; }

    public string ErrorsName { get; }

    public string PolicyName { get; }

    public string HttpContextName { get; }

    public string RoutePattern { get; }

    public List<ServerParameter> Parameters { get; }

    /// <summary>The alternatives of the operation's security (any one suffices), or null when it allows anonymous access.</summary>
    public List<List<SecurityUse>>? Security { get; }

    /// <summary>The interface method's parameters, in the contract's order, then the context and the token.</summary>
    public IEnumerable<string> Signature(SpecModel? spec = null)
    {
        foreach (var p in Parameters.Where(p => p.Model.Location == ParameterLocation.Path || p.Model.Required)) yield return p.Declaration;
        if (Model.Body is { } body) yield return Types.Body(body) + (body.Required ? "" : "?") + " body";
        foreach (var p in Parameters.Where(p => p.Model.Location != ParameterLocation.Path && !p.Model.Required)) yield return p.Declaration;
        yield return "global::Microsoft.AspNetCore.Http.HttpContext " + HttpContextName;
        yield return "global::System.Threading.CancellationToken cancellationToken";
        _ = spec;
    }

    /// <summary>The arguments of the call from the endpoint, in the same order.</summary>
    public IEnumerable<string> Arguments()
    {
        foreach (var p in Parameters.Where(p => p.Model.Location == ParameterLocation.Path || p.Model.Required)) yield return p.Local;
        if (Model.Body is { } body) yield return !body.Required ? "body" : body.Kind == BodyKind.Json && body.Type.IsValueType ? "body.GetValueOrDefault()" : "body!";
        foreach (var p in Parameters.Where(p => p.Model.Location != ParameterLocation.Path && !p.Model.Required)) yield return p.Local;
        yield return "httpContext";
        yield return "httpContext.RequestAborted";
    }

    private static bool IsRouteName(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    /// <summary>The ASP.NET Core route pattern: template parameters renamed where needed, braces in literals escaped.</summary>
    private static string BuildRoute(string path, Dictionary<string, string> routeKeys)
    {
        var builder = new System.Text.StringBuilder(path.Length + 8);
        if (!path.StartsWith("/", System.StringComparison.Ordinal)) builder.Append('/');
        var i = 0;
        while (i < path.Length)
        {
            var ch = path[i];
            if (ch == '{')
            {
                var end = path.IndexOf('}', i + 1);
                if (end > i)
                {
                    var name = path.Substring(i + 1, end - i - 1);
                    builder.Append('{').Append(routeKeys.TryGetValue(name, out var key) ? key : name).Append('}');
                    i = end + 1;
                    continue;
                }

                builder.Append("{{");
            }
            else if (ch == '}')
            {
                builder.Append("}}");
            }
            else
            {
                builder.Append(ch);
            }

            i++;
        }

        return builder.ToString();
    }
}

/// <summary>A parameter: its C# name, its route key (path parameters) and how it is declared.</summary>
internal sealed class ServerParameter
{
    public ServerParameter(ParameterModel model, string name, string key, string type)
    {
        Model = model;
        Type = type;
        Name = name;
        Key = key;
    }

    public ParameterModel Model { get; }

    public string Name { get; }

    /// <summary>The route value key (path) or wire name (query, header, cookie).</summary>
    public string Key { get; }

    /// <summary>The local variable in the endpoint (prefixed: no clash with the endpoint's own locals).</summary>
    public string Local => "arg_" + Name.TrimStart('@');

    public bool IsRequired => Model.Required || Model.Location == ParameterLocation.Path;

    /// <summary>The C# type, qualified, without nullable annotation.</summary>
    public string Type { get; }

    public string Declaration => Type + (IsRequired ? "" : "?") + " " + Name;
}
