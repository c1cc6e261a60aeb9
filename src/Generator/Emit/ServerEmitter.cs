using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits ASP.NET Core server stubs of a spec (CONTRACT.md, Server): one interface per spec, <c>I{Api}Server</c>, with one
/// method per operation and a result type per operation nested in it; <c>{Api}ServerOptions</c>; and
/// <c>{Api}ServerExtensions</c> with <c>Add{Api}Server&lt;T&gt;()</c> and <c>Map{Api}()</c>, whose endpoints are plain
/// <c>RequestDelegate</c>s with generated binding and validation (no reflection, no minimal-API binding). What every
/// server shares (binding helpers, body reading, error writing, results, mapping) is the compiled library
/// <c>ContractFirst.AspNetCore</c>; the generated code only calls it.
/// </summary>
internal static class ServerEmitter
{
    private const string Http = "global::Microsoft.AspNetCore.Http.";
    private const string Lib = ServerSupportEmitter.Namespace;
    private const string Rt = Lib + "ServerRuntime.";
    private const string Task = "global::System.Threading.Tasks.Task";
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
            EmitMethod(w, op);
            w.Line();
        }

        for (var i = 0; i < operations.Count; i++)
        {
            if (i > 0) w.Line();
            EmitResult(w, model, operations[i]);
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitMethod(SourceWriter w, ServerOperation op)
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
    }

    /// <summary>
    /// The result type: one factory per declared response, the escape hatches, and the response metadata
    /// (IEndpointMetadataProvider), on the shared <c>OperationResult</c> that writes it.
    /// </summary>
    private static void EmitResult(SourceWriter w, SpecModel model, ServerOperation op)
    {
        var name = op.ResultName;
        var json = $"global::{model.Namespace}.{model.ClientName}Json";
        w.Line($"/// <summary>What {op.Model.MethodName} answers: one factory per response that the spec declares, and Status(...) for any other.</summary>");
        w.Line(Generated);
        w.Open($"public sealed class {name} : {Lib}OperationResult, global::Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider");
        w.Line($"private {name}(int statusCode, object? body, string? contentType, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? typeInfo) : base(statusCode, body, contentType, typeInfo) {{ }}");
        w.Line();

        var factoryNames = new HashSet<string>(System.StringComparer.Ordinal) { "Status", "StatusCode", "Body", "ContentType", "ExecuteAsync", "NotNull", "InRange", "Produces" };
        string? implicitFrom = null;
        var produces = new List<string>();
        foreach (var response in op.Model.Responses)
        {
            var factory = Identifiers.Unique(FactoryName(response.StatusCode), factoryNames);
            var fixedStatus = int.TryParse(response.StatusCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
            var parameters = new List<string>();
            string status;
            if (fixedStatus is { } known)
            {
                status = known.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                parameters.Add("int statusCode");
                var low = response.StatusCode == "default" ? "100" : response.StatusCode[0] + "00";
                var high = response.StatusCode == "default" ? "599" : response.StatusCode[0] + "99";
                status = $"InRange(statusCode, {low}, {high})";
            }

            var bodyType = response.Type is { } t && response.Kind != BodyKind.None ? t : null;
            string arguments;
            string? bodyClr = null;
            var contentType = CSharp.StringLiteral(response.ContentType ?? "application/json");
            if (bodyType is null)
            {
                arguments = $"{status}, null, null, null";
            }
            else
            {
                var csType = op.Types.Qualified(bodyType);
                parameters.Add(csType + " body");
                var value = bodyType.IsValueType ? "body" : "NotNull(body)";
                var typeInfo = response.Kind == BodyKind.Text || bodyType.Primitive == PrimitiveKind.Stream ? "null" : op.Types.TypeInfo(bodyType);
                arguments = $"{status}, {value}, {contentType}, {typeInfo}";
                bodyClr = response.Kind == BodyKind.Text ? "string" : bodyType.Primitive == PrimitiveKind.Stream ? "global::System.IO.Stream" : csType;
                if (implicitFrom is null && response.IsSuccess && bodyType.Kind is TypeKind.Model or TypeKind.Primitive or TypeKind.Enum && bodyType.Primitive != PrimitiveKind.Stream
                    && op.Model.Responses.Count(r => r.Type == bodyType) == 1 && bodyType.Name != "object")
                {
                    implicitFrom = factory + "|" + csType;
                }
            }

            if (fixedStatus is not null) produces.Add($"({status}, {(bodyClr is null ? "null" : "typeof(" + StripNullable(bodyClr) + ")")}, {(bodyClr is null ? "null" : contentType)})");
            w.Line($"/// <summary>{string.Join(" ", CSharp.DocLines(response.StatusCode + ": " + (response.Summary ?? "as the spec declares")))}</summary>");
            w.Line($"public static {name} {factory}({string.Join(", ", parameters)}) => new({arguments});");
            w.Line();
        }

        w.Line("/// <summary>Any status without a body (an escape hatch for responses the spec does not declare).</summary>");
        w.Line($"public static {name} Status(int statusCode) => new(statusCode, null, null, null);");
        w.Line();
        w.Line("/// <summary>Any status with a JSON body that the spec's JSON options can write (an escape hatch for responses the spec does not declare).</summary>");
        w.Line($"public static {name} Status<TBody>(int statusCode, TBody body, string contentType = \"application/json\") => new(statusCode, body, contentType, {json}.TypeInfo<TBody>());");
        if (implicitFrom is not null)
        {
            var parts = implicitFrom.Split('|');
            w.Line();
            w.Line($"/// <summary>The success response: <c>return body;</c> is <c>return {parts[0]}(body);</c>.</summary>");
            w.Line($"public static implicit operator {name}({parts[1]} body) => {parts[0]}(body);");
        }

        w.Line();
        w.Line("/// <summary>Describes the declared responses to ApiExplorer and OpenAPI.</summary>");
        w.Line($"static void global::Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider.PopulateMetadata(global::System.Reflection.MethodInfo method, global::Microsoft.AspNetCore.Builder.EndpointBuilder builder) => Produces(builder{string.Concat(produces.Select(p => ", " + p))});");
        w.Close();
    }

    private static string StripNullable(string type) => type.EndsWith("?", System.StringComparison.Ordinal) ? type.Substring(0, type.Length - 1) : type;

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

        w.Line($"/// <summary>Settings of the endpoints that {names.MapMethod}() maps (MaxRequestBodySize).</summary>");
        w.Line(Generated);
        w.Line($"public sealed class {names.Options} : {Lib}ServerOptions {{ }}");
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

        // One error writer and one policy per distinct behaviour (usually one of each per spec).
        var writers = new SharedMembers("Errors");
        var policies = new SharedMembers("Policy");
        foreach (var op in operations)
        {
            op.ErrorsName = writers.Name(ErrorWriterExpression(shapes, op));
            if (op.Security is { } security) op.PolicyName = policies.Name(PolicyExpression(security));
        }

        // Map{Api}
        w.Summary(
            $"Maps every operation of the spec. Each endpoint validates the request, resolves the {names.Interface} from the request's services, calls it and writes its result.",
            "Returns the group of endpoints, so that conventions (rate limiting, CORS, more authorization) can be chained.");
        w.Line("/// <param name=\"endpoints\">The application or a route group.</param>");
        w.Line("/// <param name=\"prefix\">A route prefix for every operation, e.g. \"/v2\"; empty by default.</param>");
        w.Open($"public static global::Microsoft.AspNetCore.Routing.RouteGroupBuilder {names.MapMethod}(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string prefix = \"\")");
        w.Line($"var map = new {Lib}ServerEndpoints<{names.Interface}, {names.Options}>(endpoints, prefix, {CSharp.StringLiteral(names.AddMethod)});");
        foreach (var op in operations)
        {
            var o = op.Model;
            var path = op.RoutePattern == o.Path ? "" : ", path: " + CSharp.StringLiteral(o.Path);
            var policy = op.PolicyName is null ? "" : ", " + op.PolicyName;
            var summary = o.Summary is { } s ? ", summary: " + CSharp.StringLiteral(s) : "";
            var tags = o.Tags.Count > 0 ? $", tags: new[] {{ {string.Join(", ", o.Tags.Select(CSharp.StringLiteral))} }}" : "";
            w.Line($"map.Map<{names.Interface}.{op.ResultName}>({CSharp.StringLiteral(o.HttpMethod)}, {CSharp.StringLiteral(op.RoutePattern)}, {CSharp.StringLiteral(o.OperationId)}, {CSharp.StringLiteral(o.MethodName)}, {op.HandlerName}, {op.ErrorsName}{policy}{summary}{tags}{path});");
        }

        w.Line("return map.Group;");
        w.Close();
        w.Line();

        foreach (var (expression, member) in writers.All)
        {
            w.Line($"private static readonly {Lib}ServerErrorWriter {member} = {expression};");
        }

        foreach (var (expression, member) in policies.All)
        {
            w.Line($"private static readonly global::Microsoft.AspNetCore.Authorization.AuthorizationPolicy {member} = {expression};");
        }

        foreach (var op in operations)
        {
            w.Line();
            EmitHandler(w, names, op);
        }

        w.Line();
        ServerBinding.EmitBinders(w, operations);
        shapes.EmitWriters(w);
        w.Close();
        return w.ToString();
    }

    /// <summary>How an operation answers errors: the declared shape per status, else problem details.</summary>
    private static string ErrorWriterExpression(ServerErrorShapes shapes, ServerOperation op)
    {
        var guid = shapes.GuidRequestIds ? "true" : "false";
        var arms = ServerErrorShapes.Statuses.Select(status => (Status: status, Shape: shapes.For(op.Model, status))).ToList();
        if (arms.All(a => a.Shape is null)) return $"new(null, guidRequestIds: {guid})";
        if (arms.All(a => a.Shape is not null && a.Shape.WriterName == arms[0].Shape!.WriterName)) return $"new({arms[0].Shape!.WriterName}, guidRequestIds: {guid})";
        var cases = arms.Where(a => a.Shape is not null).Select(a => $"{a.Status} => {a.Shape!.WriterName}(httpContext, error), ");
        return $"new((httpContext, error) => error.Status switch {{ {string.Concat(cases)}_ => {Lib}ServerErrorWriter.ProblemAsync(httpContext, error) }}, guidRequestIds: {guid})";
    }

    private static string PolicyExpression(List<List<SecurityUse>> alternatives)
    {
        var schemes = alternatives.SelectMany(a => a).Select(s => s.SchemeKey).Distinct().ToList();
        var text = $"new global::Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder({string.Join(", ", schemes.Select(CSharp.StringLiteral))}).RequireAuthenticatedUser()";
        if (alternatives.Any(a => a.Any(s => s.Scopes.Count > 0)))
        {
            var checks = alternatives.Select(a =>
            {
                var scopes = a.SelectMany(s => s.Scopes).Distinct().ToList();
                return scopes.Count == 0 ? "true" : $"{Rt}HasScopes(context.User, new[] {{ {string.Join(", ", scopes.Select(CSharp.StringLiteral))} }})";
            });
            text += $".RequireAssertion(static context => {string.Join(" || ", checks)})";
        }

        return text + ".Build()";
    }

    private static void EmitHandler(SourceWriter w, ServerNames names, ServerOperation op)
    {
        var o = op.Model;
        w.Open($"private static async {Task} {op.HandlerName}({Http}HttpContext httpContext, long limit)");
        w.Line($"var request = new {Lib}ServerRequest(httpContext, {op.ErrorsName});");
        if (ServerBinding.NeedsContext(op)) w.Line("var context = request.Errors;");
        foreach (var p in op.Parameters)
        {
            ServerBinding.EmitParameter(w, op, p);
        }

        if (o.Body is { } body)
        {
            ServerBinding.EmitBody(w, op, body);
        }

        w.Line("if (await request.FailedAsync().ConfigureAwait(false)) return;");
        if (o.Deprecated) w.Line("#pragma warning disable CS0618");
        w.Line($"var result = await request.Server<{names.Interface}>({CSharp.StringLiteral(names.AddMethod)}).{o.MethodName}({string.Join(", ", op.Arguments())}).ConfigureAwait(false);");
        if (o.Deprecated) w.Line("#pragma warning restore CS0618");
        w.Line($"await request.WriteAsync(result, {CSharp.StringLiteral(names.Interface + "." + o.MethodName)}).ConfigureAwait(false);");
        w.Close();
    }

    private static SourceWriter Start(SpecModel model) => SourceWriter.ForFile(model.Namespace);

    /// <summary>Static members shared by operations that behave alike: one per distinct expression, named Name, Name2, ...</summary>
    private sealed class SharedMembers(string baseName)
    {
        private readonly Dictionary<string, string> _names = new(System.StringComparer.Ordinal);

        public List<(string Expression, string Member)> All { get; } = new();

        public string Name(string expression)
        {
            if (_names.TryGetValue(expression, out var known)) return known;
            var name = All.Count == 0 ? baseName : baseName + (All.Count + 1).ToString(CultureInfo.InvariantCulture);
            _names[expression] = name;
            All.Add((expression, name));
            return name;
        }
    }
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

    /// <summary>The spec's error writer that this operation uses (set by the emitter: shared by operations alike).</summary>
    public string ErrorsName { get; set; } = "Errors";

    /// <summary>The spec's policy that this operation uses, or null for anonymous access.</summary>
    public string? PolicyName { get; set; }

    public string HttpContextName { get; }

    public string RoutePattern { get; }

    public List<ServerParameter> Parameters { get; }

    /// <summary>The alternatives of the operation's security (any one suffices), or null when it allows anonymous access.</summary>
    public List<List<SecurityUse>>? Security { get; }

    /// <summary>The interface method's parameters, in the contract's order, then the context and the token.</summary>
    public IEnumerable<string> Signature(SpecModel? spec = null)
    {
        foreach (var p in Parameters.Where(p => p.Model.Location == ParameterLocation.Path || p.Model.Required)) yield return p.Declaration;
        if (Model.Body is { } body) yield return (body.Kind is BodyKind.FormUrlEncoded or BodyKind.Multipart ? "[global::Microsoft.AspNetCore.Mvc.FromForm] " : "[global::Microsoft.AspNetCore.Mvc.FromBody] ") + Types.Body(body) + (body.Required ? "" : "?") + " body";
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

    /// <summary>The interface method's parameter, with where it comes from (for ApiExplorer and OpenAPI).</summary>
    public string Declaration => Source + Type + (IsRequired ? "" : "?") + " " + Name;

    private string Source => Model.Location switch
    {
        ParameterLocation.Path => $"[global::Microsoft.AspNetCore.Mvc.FromRoute(Name = {CSharp.StringLiteral(Key)})] ",
        ParameterLocation.Query => $"[global::Microsoft.AspNetCore.Mvc.FromQuery(Name = {CSharp.StringLiteral(Key)})] ",
        ParameterLocation.Header => $"[global::Microsoft.AspNetCore.Mvc.FromHeader(Name = {CSharp.StringLiteral(Key)})] ",
        _ => "",
    };
}
