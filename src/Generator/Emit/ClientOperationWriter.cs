using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Writes the client class: constructors, then one method per operation (and the result records they need).</summary>
internal sealed class ClientOperationWriter
{
    private const string Http = "global::ContractFirst.Http.";
    private const string C = "global::ContractFirst.Constraints.";
    private const string Ct = "cancellationToken";

    private readonly SpecModel _spec;
    private readonly string _json;
    private readonly TypeIndex _types;
    private readonly HashSet<string> _typeNames;
    private readonly SourceWriter _results = new();
    private readonly SourceWriter _statics = new();
    private readonly Dictionary<string, string> _failures = new();
    private readonly Dictionary<string, string> _authorizers = new();
    private readonly StringBuilder _authorizerMethods = new();
    private readonly HashSet<string> _memberNames;

    public ClientOperationWriter(SpecModel spec)
    {
        _spec = spec;
        _json = spec.ClientName + "Json";
        _types = new TypeIndex(spec);
        _typeNames = new HashSet<string>(spec.Types.Select(t => t.Name)) { spec.ClientName, spec.ClientName + "Options", _json, spec.ClientName + "ServiceCollectionExtensions" };
        // The client's members besides the operations, which private helpers must not shadow; and the types they name.
        _memberNames = new HashSet<string>(spec.Operations.Select(o => o.MethodName)) { "_httpClient", "_options", "Options", spec.ClientName };
        _memberNames.UnionWith(_typeNames);
    }

    public string EmitClient()
    {
        var client = _spec.ClientName;
        var w = ClientEmitter.Start(_spec);
        var title = _spec.Title is { Length: > 0 } t ? t + (_spec.Version is { Length: > 0 } v ? " (" + v + ")" : "") : _spec.FileName;
        w.Summary("Client of " + title + ".", "Generated from " + _spec.FileName + ". One method per operation; a status that the operation does not treat as success throws an ApiException (ApiException<TError> where the spec declares the error body), a body or content type that does not match the spec throws an UnexpectedResponseException, and a request that violates the spec throws a RequestValidationException before anything is sent (when ValidateRequests is on).");
        w.Line(ClientEmitter.GeneratedCode);
        w.Open($"public partial class {client}");
        w.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
        w.Line($"private readonly {client}Options _options;");
        w.Line();
        w.Line("/// <summary>Creates the client for the base address of <paramref name=\"httpClient\"/>, without credentials.</summary>");
        w.Line("/// <param name=\"httpClient\">Sends the requests; its <see cref=\"global::System.Net.Http.HttpClient.BaseAddress\"/> is the API's.</param>");
        w.Line($"public {client}(global::System.Net.Http.HttpClient httpClient)");
        w.Indent().Line($": this(httpClient, new {client}Options())").Outdent();
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Creates the client with settings: base address, credentials, default headers, request validation.</summary>");
        w.Line("/// <param name=\"httpClient\">Sends the requests.</param>");
        w.Line("/// <param name=\"options\">The settings; they are read at each call, so later changes apply.</param>");
        w.Open($"public {client}(global::System.Net.Http.HttpClient httpClient, {client}Options options)");
        w.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        w.Line("_options = options ?? throw new global::System.ArgumentNullException(nameof(options));");
        w.Close();
        w.Line();
        w.Line("/// <summary>The settings this client uses.</summary>");
        w.Line($"public {client}Options Options => _options;");

        foreach (var op in _spec.Operations)
        {
            w.Line();
            EmitOperation(w, op);
        }

        var statics = _statics.ToString();
        if (statics.Length > 0)
        {
            w.Line();
            foreach (var line in statics.TrimEnd('\n').Split('\n')) w.Line(line);
        }

        if (_authorizerMethods.Length > 0)
        {
            foreach (var line in _authorizerMethods.ToString().TrimEnd('\n').Split('\n')) w.Line(line);
        }

        w.Close();
        var results = _results.ToString();
        if (results.Length > 0)
        {
            w.Line();
            foreach (var line in results.TrimEnd('\n').Split('\n')) w.Line(line);
        }

        return w.ToString();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void EmitOperation(SourceWriter w, OperationModel op)
    {
        var plan = ResponsePlan.For(op, _json);
        var prefix = op.MethodName.EndsWith("Async", System.StringComparison.Ordinal) ? op.MethodName.Substring(0, op.MethodName.Length - 5) : op.MethodName;
        string? resultType = null;
        if (plan.Shape == ResultShape.Multiple)
        {
            resultType = Identifiers.Unique(prefix + "Result", _typeNames);
            EmitResultType(op, plan, resultType);
        }

        var returnType = plan.ReturnType(resultType);
        var taskType = returnType is null ? "global::System.Threading.Tasks.Task" : $"global::System.Threading.Tasks.Task<{returnType}>";

        // Locals never clash with parameters: they get a suffix when a parameter has their name.
        var taken = new HashSet<string>(op.Parameters.Select(p => p.Name.TrimStart('@'))) { "body", Ct };
        var fileNames = FileNameParameters(op, taken);
        string L(string name) => Identifiers.Unique(name, taken);
        var url = L("url");
        var request = L("request");
        var response = L("response");
        var status = L("status");

        EmitDocs(w, op, plan, fileNames, resultType);
        if (op.Deprecated) w.Line(ModelEmitter.ObsoleteAttribute);
        var signature = new List<string>();
        var required = op.Parameters.Where(p => p.Required).ToList();
        var optional = op.Parameters.Where(p => !p.Required).ToList();
        signature.AddRange(required.Select(p => ParameterDeclaration(p, optional: false)));
        if (op.Body is { } body)
        {
            var bodyType = BodyType(body);
            signature.Add(body.Required ? $"{bodyType} body" : $"{bodyType}? body = null");
        }

        signature.AddRange(optional.Select(p => ParameterDeclaration(p, optional: true)));
        signature.AddRange(fileNames.Select(f => $"string? {f.Parameter} = null"));
        signature.Add($"global::System.Threading.CancellationToken {Ct} = default");
        // Not async: the method builds and checks the request (so a bad argument throws at the call, as in the BCL), then
        // hands it to ApiCall, compiled once in the runtime, or, for responses that need more, to a private async method.
        w.Line($"public {taskType} {op.MethodName}(");
        w.Indent();
        for (var i = 0; i < signature.Count; i++) w.Line(signature[i] + (i == signature.Count - 1 ? ")" : ","));
        w.Outdent();
        w.Line("{");
        w.Indent();

        // Arguments that cannot be null, then the spec's constraints, before anything goes on the wire.
        foreach (var p in required.Where(p => !p.Type.IsValueType))
        {
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({p.Name});");
        }

        if (op.Body is { Required: true } requiredBody && !IsValueType(requiredBody))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        // A JSON body is serialized once: those bytes are validated against the body's schema and then sent.
        var json = op.Body is { Kind: BodyKind.Json } jsonBody ? EmitJsonBytes(w, jsonBody, taken) : null;
        EmitValidation(w, op, prefix, taken, json);

        // URL: path literals as written, parameters escaped; query with style/explode.
        EmitUrl(w, op, url, taken);
        // Accept: the success responses' media types, set with the request unless a header parameter of that name
        // comes first (it is then sent before ours, as the spec's order says).
        var accept = plan.Successes.Where(r => r.ContentType is { Length: > 0 } && ResponsePlan.KindOf(r) != ReadKind.None).Select(r => r.ContentType!).Distinct().ToList();
        var acceptLiteral = accept.Count > 0 ? CSharp.StringLiteral(string.Join(", ", accept)) : null;
        var acceptParameter = op.Parameters.Any(p => p.Location == ParameterLocation.Header && string.Equals(p.WireName, "Accept", System.StringComparison.OrdinalIgnoreCase));
        var create = $"{Http}ApiHttp.CreateRequest(_httpClient, global::System.Net.Http.HttpMethod.{HttpMethod(op.HttpMethod)}, {url}, _options";
        w.Line(acceptLiteral is not null && !acceptParameter ? $"var {request} = {create}, {acceptLiteral});" : $"var {request} = {create});");
        foreach (var p in op.Parameters.Where(p => p.Location == ParameterLocation.Header)) EmitHeader(w, p, request);
        foreach (var p in op.Parameters.Where(p => p.Location == ParameterLocation.Cookie)) EmitCookie(w, p, request);
        if (acceptLiteral is not null && acceptParameter)
        {
            w.Line($"{request}.Headers.TryAddWithoutValidation(\"Accept\", {acceptLiteral});");
        }

        EmitSecurity(w, op, request);
        if (op.Body is { } b) EmitBody(w, b, request, fileNames, taken, json);

        // Send, then read what the status says.
        var operationId = op.OperationId.Length > 0 ? CSharp.StringLiteral(op.OperationId) : "null";
        var errors = Failures(plan);
        if (SharedCall(plan, operationId, request, errors) is { } call)
        {
            w.Line($"return {call};");
            w.Outdent();
            w.Line("}");
            return;
        }

        var core = Identifiers.Unique(prefix + "ResponseAsync", _memberNames);
        w.Line($"return {core}({request}, {Ct});");
        w.Outdent();
        w.Line("}");

        // The responses that ApiCall does not cover (a result per status, a 2xx without a body among others): their own
        // async method, which owns the request as ApiCall does.
        w.Line();
        w.Line($"private async {taskType} {core}(global::System.Net.Http.HttpRequestMessage {request}, global::System.Threading.CancellationToken {Ct})");
        w.Line("{");
        w.Indent();
        w.Line($"using ({request})");
        w.Line("{");
        w.Indent();
        var send = $"await {Http}ApiHttp.SendAsync(_httpClient, {request}, {operationId}, {Ct}).ConfigureAwait(false)";
        if (plan.ReturnsStream)
        {
            var dispose = L("disposeResponse");
            w.Line($"var {response} = {send};");
            w.Line($"var {dispose} = true;");
            w.Line("try");
            w.Line("{");
            w.Indent();
            EmitResponseHandling(w, plan, resultType, response, status, dispose, taken, errors);
            w.Outdent();
            w.Line("}");
            w.Line("finally");
            w.Line("{");
            w.Indent().Line($"if ({dispose}) {response}.Dispose();").Outdent();
            w.Line("}");
        }
        else
        {
            w.Line($"using var {response} = {send};");
            EmitResponseHandling(w, plan, resultType, response, status, null, taken, errors);
        }

        w.Outdent();
        w.Line("}");
        w.Outdent();
        w.Line("}");
    }

    /// <summary>
    /// The <c>ApiCall</c> expression that sends the request and reads the response, when the operation's responses are
    /// what ApiCall covers: no body, or one way of reading every 2xx.
    /// </summary>
    private string? SharedCall(ResponsePlan plan, string operationId, string request, string errors)
    {
        if (plan.Shape == ResultShape.Multiple || plan.NullableSingle) return null;
        var head = $"{Http}ApiCall.";
        var args = $"_httpClient, {request}, {operationId}";
        if (plan.Shape == ResultShape.None) return $"{head}SendAsync({args}, {errors}, {Ct})";
        var read = plan.SuccessFallback ?? plan.Primary!;
        return ResponsePlan.KindOf(read) switch
        {
            ReadKind.Json => $"{head}SendForJsonAsync({args}, {_json}.TypeInfo<{read.Type!.CSharpType}>(), {errors}, {Ct})",
            ReadKind.Text => $"{head}SendForTextAsync({args}, {errors}, {Ct})",
            ReadKind.Stream => $"{head}SendForStreamAsync({args}, {errors}, {Ct})",
            _ => null,
        };
    }

    /// <summary>
    /// The operation's failure responses as an <c>ErrorResponses</c>, which both ApiCall and an operation's own response
    /// method throw through: <c>ErrorResponses.Untyped</c>, or a static field that operations with the same failures
    /// share. Only what changes the outcome is listed: a status that throws as its range (or <c>default</c>) would is left
    /// to it. The reader normalizes status keys (three digits, a digit and <c>XX</c>, or <c>default</c>).
    /// </summary>
    private string Failures(ResponsePlan plan)
    {
        var otherwise = ResponsePlan.ErrorType(plan.Default);
        var expression = new StringBuilder(otherwise is null ? $"{Http}ErrorResponses.Untyped" : $"{Http}ErrorResponses.Otherwise({_json}.TypeInfo<{otherwise}>())");
        var name = new List<string>();
        foreach (var range in plan.ErrorRanges.Where(r => r.StatusCode[0] != '2'))
        {
            var type = ResponsePlan.ErrorType(range);
            if (type == otherwise || !char.IsDigit(range.StatusCode[0])) continue;
            expression.Append(type is null ? $".OnRangeUntyped({range.StatusCode[0]})" : $".OnRange({range.StatusCode[0]}, {_json}.TypeInfo<{type}>())");
            name.Add(ShortName(type) + "On" + range.StatusCode);
        }

        var exact = new List<(string? Type, int Status)>();
        foreach (var r in plan.ExactErrors.Where(r => r.StatusCode[0] != '2'))
        {
            var type = ResponsePlan.ErrorType(r);
            if (type == ResponsePlan.ErrorType(plan.RangeOrDefault(r.StatusCode))) continue;
            if (!int.TryParse(r.StatusCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) continue;
            exact.Add((type, code));
        }

        foreach (var group in exact.GroupBy(e => e.Type))
        {
            var codes = string.Join(", ", group.Select(e => e.Status.ToString(CultureInfo.InvariantCulture)));
            expression.Append(group.Key is null ? $".OnUntyped({codes})" : $".On({_json}.TypeInfo<{group.Key}>(), {codes})");
            name.Add(ShortName(group.Key) + "On" + string.Join("Or", group.Select(e => e.Status.ToString(CultureInfo.InvariantCulture))));
        }

        if (name.Count == 0 && otherwise is null) return expression.ToString();
        if (otherwise is not null) name.Add("Otherwise" + ShortName(otherwise));
        var text = expression.ToString();
        if (_failures.TryGetValue(text, out var field)) return field;
        var candidate = string.Join("And", name);
        field = Identifiers.Unique(candidate.Length <= 64 ? candidate : "Failures" + _failures.Count.ToString(CultureInfo.InvariantCulture), _memberNames);
        _failures.Add(text, field);
        _statics.Line($"private static readonly {Http}ErrorResponses {field} = {text};");
        return field;
    }

    /// <summary>A type's name without namespaces or punctuation, for a field name: <c>IList&lt;Error&gt;</c> is <c>IListError</c>; no body is <c>Untyped</c>.</summary>
    private static string ShortName(string? type)
    {
        if (type is null) return "Untyped";
        var result = new StringBuilder();
        foreach (var part in type.Replace("global::", "").Split('<', '>', ',', ' ', '?', '[', ']'))
        {
            var last = part.Substring(part.LastIndexOf('.') + 1);
            foreach (var c in last) if (char.IsLetterOrDigit(c) || c == '_') result.Append(c);
        }

        return result.ToString();
    }

    private static bool IsValueType(RequestBodyModel body) => body.Kind is not (BodyKind.OctetStream) && body.Type.IsValueType;

    private static string BodyType(RequestBodyModel body) =>
        body.Kind == BodyKind.OctetStream ? "global::System.IO.Stream" : body.Type.CSharpType;

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        "DELETE" => "Delete",
        "HEAD" => "Head",
        "OPTIONS" => "Options",
        "TRACE" => "Trace",
        _ => "Get",
    };

    private string ParameterDeclaration(ParameterModel p, bool optional)
    {
        var attributes = new StringBuilder();
        attributes.Append($"[{C}WireName({CSharp.StringLiteral(p.WireName)})] ");
        foreach (var attribute in ModelEmitter.ConstraintAttributes(p.Constraints, p.Type)) attributes.Append(attribute).Append(' ');
        if (p.AllowedValues.Count > 0 && !(p.Type.Kind == TypeKind.Primitive && p.Constraints.Enum is not null)) attributes.Append($"[{C}AllowedValues({string.Join(", ", p.AllowedValues.Select(CSharp.StringLiteral))})] ");
        if (p.Deprecated) attributes.Append($"[{C}SpecDeprecated] ");
        var type = p.Type.CSharpType;
        return optional ? $"{attributes}{type}? {p.Name} = null" : $"{attributes}{type} {p.Name}";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Docs

    private void EmitDocs(SourceWriter w, OperationModel op, ResponsePlan plan, List<FileNameParameter> fileNames, string? resultType)
    {
        var summary = op.Summary ?? op.Description ?? $"{op.HttpMethod} {op.Path}";
        var remarks = op.Description is { } d && d != summary ? d : null;
        w.Summary(summary, remarks);
        foreach (var p in op.Parameters)
        {
            var text = p.Summary ?? $"The {p.Location.ToString().ToLowerInvariant()} parameter '{p.WireName}'.";
            if (p.Deprecated) text += " (Deprecated in the OpenAPI document.)";
            DocTag(w, "param", p.Name.TrimStart('@'), text);
        }

        if (op.Body is { } body)
        {
            DocTag(w, "param", "body", (body.Summary ?? "The request body.") + " Sent as " + body.ContentType + ".");
        }

        foreach (var f in fileNames)
        {
            DocTag(w, "param", f.Parameter, $"The file name sent with the part '{f.WireName}' (else the name of a FileStream, else '{f.WireName}').");
        }

        w.Line($"/// <param name=\"{Ct}\">Cancels the request.</param>");
        var returns = new List<string>();
        foreach (var r in plan.Successes)
        {
            var kind = ResponsePlan.KindOf(r);
            var what = kind switch
            {
                ReadKind.None => plan.Shape == ResultShape.None ? "completes" : plan.Shape == ResultShape.Single ? "null" : "no body",
                ReadKind.Stream => "the body as a stream that the caller disposes (it is not buffered)",
                _ => "the body",
            };
            returns.Add($"{r.StatusCode}: {what}." + (r.Summary is { } s ? " " + s : ""));
        }

        if (resultType is not null) returns.Insert(0, "One property per status; StatusCode says which.");
        if (returns.Count > 0) DocTag(w, "returns", null, string.Join("\n", returns));
        foreach (var group in plan.Errors.Concat(plan.DefaultIsSuccess || plan.Default is null ? Enumerable.Empty<ResponseModel>() : new[] { plan.Default })
                     .GroupBy(r => ResponsePlan.ErrorType(r)))
        {
            var statuses = string.Join(", ", group.Select(r => r.StatusCode));
            var cref = group.Key is null ? "global::ContractFirst.ApiException" : "global::ContractFirst.ApiException{TError}";
            var typed = group.Key is null ? "." : $", with the error body as <see cref=\"{group.Key}\"/>.";
            w.Line($"/// <exception cref=\"{cref}\">{string.Join(" ", CSharp.DocLines(statuses))}{typed}</exception>");
        }

        // What every method throws besides (any other failure status, a body that does not match, a request that violates
        // the spec) is said once, on the class.
    }

    private static void DocTag(SourceWriter w, string tag, string? name, string text)
    {
        var lines = CSharp.DocLines(text);
        var open = name is null ? $"<{tag}>" : $"<{tag} name=\"{name}\">";
        if (lines.Length == 1)
        {
            w.Line($"/// {open}{lines[0]}</{tag}>");
            return;
        }

        w.Line("/// " + open);
        foreach (var line in lines) w.Line("/// " + line);
        w.Line($"/// </{tag}>");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Validation before sending: the parameters' constraints and the body's Validate.

    /// <summary>Declares the serialized JSON body (null when an optional body is absent); returns its variable.</summary>
    private string EmitJsonBytes(SourceWriter w, RequestBodyModel body, HashSet<string> taken)
    {
        var json = Identifiers.Unique("json", taken);
        var serialize = $"{Http}ApiHttp.SerializeJson({(!body.Required && IsValueType(body) ? "body.Value" : "body")}, {_json}.TypeInfo<{body.Type.CSharpType}>())";
        w.Line(body.Required ? $"var {json} = {serialize};" : $"var {json} = body is null ? null : {serialize};");
        return json;
    }

    private void EmitValidation(SourceWriter w, OperationModel op, string prefix, HashSet<string> taken, string? json)
    {
        var context = Identifiers.Unique("context", taken);
        var checks = new SourceWriter();
        var index = 0;
        foreach (var p in op.Parameters)
        {
            var v = Identifiers.Unique("v" + index++.ToString(CultureInfo.InvariantCulture), taken);
            var inner = new SourceWriter();
            var field = CSharp.StringLiteral(p.WireName);
            // The parameter's schema, with JSON Schema's meaning, where it has one (the server checks the same); else the typed checks.
            var schemaCheck = ParameterSchemaCheck.Statement(p, _spec.SchemasClassName, $"{_json}.TypeInfo<{p.Type.CSharpType}>()", v, context, field);
            if (schemaCheck is not null) inner.Line(schemaCheck);
            else ModelEmitter.EmitValueChecks(inner, p.Type, p.Constraints, v, field, 0, context);

            if (schemaCheck is null && p.AllowedValues.Count > 0 && p.Type.Kind == TypeKind.Primitive && p.Type.Primitive == PrimitiveKind.String)
            {
                var allowed = Identifiers.Unique("Allowed" + prefix + Identifiers.ToPascalCase(p.WireName), _memberNames);
                _statics.Line($"private static readonly string[] {allowed} = new[] {{ {string.Join(", ", p.AllowedValues.Select(CSharp.StringLiteral))} }};");
                inner.Line($"global::ContractFirst.Validation.SchemaChecks.Enum({context}, \"\", {field}, {v}, {allowed});");
            }

            var text = inner.ToString();
            if (text.Length == 0) continue;
            checks.Open($"if ({p.Name} is {{ }} {v})");
            foreach (var line in text.TrimEnd('\n').Split('\n')) checks.Line(line);
            checks.Close();
        }

        if (op.Body is { Schema: { } schema } schemaBody && (json is not null || schemaBody.Kind is BodyKind.FormUrlEncoded or BodyKind.Multipart))
        {
            // The body's own schema, with JSON Schema's meaning: the server checks the same.
            var check = json is not null
                ? $"{_spec.SchemasClassName}.{schema}.Validate({json}, {context}, \"body\");"
                : $"{_spec.SchemasClassName}.{schema}.Validate<{schemaBody.Type.CSharpType}>({(!schemaBody.Required && IsValueType(schemaBody) ? "body.Value" : "body")}, {_json}.TypeInfo<{schemaBody.Type.CSharpType}>(), {context}, \"body\");";
            if (json is not null && !schemaBody.Required) checks.Open($"if ({json} is not null)");
            else if (json is null && !schemaBody.Required) checks.Open("if (body is not null)");
            checks.Line(check);
            if (!schemaBody.Required) checks.Close();
        }
        else if (op.Body is { } body && body.Kind != BodyKind.OctetStream)
        {
            var inner = new SourceWriter();
            var direct = body.Required && !IsValueType(body); // null was rejected above
            var v = direct ? "body" : Identifiers.Unique("b", taken);
            ModelEmitter.EmitValueChecks(inner, body.Type, Model.Constraints.None, v, "\"body\"", 0, context);
            var text = inner.ToString();
            if (text.Length > 0)
            {
                if (!direct) checks.Open($"if (body is {{ }} {v})");
                foreach (var line in text.TrimEnd('\n').Split('\n')) checks.Line(line);
                if (!direct) checks.Close();
            }
        }

        var all = checks.ToString();
        if (all.Length == 0) return;
        w.Open("if (_options.ValidateRequests)");
        w.Line($"var {context} = new global::ContractFirst.Validation.ValidationContext();");
        foreach (var line in all.TrimEnd('\n').Split('\n')) w.Line(line);

        w.Line($"{context}.ThrowIfInvalid();");
        w.Close();
        w.Line();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // URL, headers, cookies

    private void EmitUrl(SourceWriter w, OperationModel op, string url, HashSet<string> taken)
    {
        var parts = new List<string>();
        var template = op.Path;
        var pos = 0;
        while (pos < template.Length)
        {
            var open = template.IndexOf('{', pos);
            if (open < 0)
            {
                parts.Add($".AppendLiteral({CSharp.StringLiteral(template.Substring(pos))})");
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                parts.Add($".AppendLiteral({CSharp.StringLiteral(template.Substring(pos))})");
                break;
            }

            if (open > pos) parts.Add($".AppendLiteral({CSharp.StringLiteral(template.Substring(pos, open - pos))})");
            var name = template.Substring(open + 1, close - open - 1);
            var p = op.Parameters.FirstOrDefault(x => x.Location == ParameterLocation.Path && x.WireName == name);
            if (p is null)
            {
                parts.Add($".AppendLiteral({CSharp.StringLiteral(template.Substring(open, close - open + 1))})");
            }
            else
            {
                var nameLiteral = CSharp.StringLiteral(p.Name.TrimStart('@'));
                if (p.Style == ParameterStyle.Label) parts.Add(".AppendLiteral(\".\")");
                if (p.Style == ParameterStyle.Matrix) parts.Add($".AppendLiteral({CSharp.StringLiteral(";" + p.WireName + "=")})");
                // Exploded label and matrix arrays repeat the prefix between items: .a.b and ;id=a;id=b.
                var separator = p.Explode && p.Style == ParameterStyle.Label ? "\".\""
                    : p.Explode && p.Style == ParameterStyle.Matrix ? CSharp.StringLiteral(";" + p.WireName + "=")
                    : null;
                parts.Add(p.Type.Kind != TypeKind.Array ? $".AppendPath({p.Name}, {nameLiteral})"
                    : separator is null ? $".AppendPathArray({p.Name}, {nameLiteral})"
                    : $".AppendPathArray({p.Name}, {nameLiteral}, {separator})");
            }

            pos = close + 1;
        }

        foreach (var p in op.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            parts.Add(QueryPart(p, taken));
        }

        // The first literal goes to the constructor.
        var first = "new " + Http + "UrlBuilder()";
        if (parts.Count > 0 && parts[0].StartsWith(".AppendLiteral(", System.StringComparison.Ordinal))
        {
            first = "new " + Http + "UrlBuilder(" + parts[0].Substring(".AppendLiteral(".Length);
            parts.RemoveAt(0);
        }

        if (parts.Count == 0)
        {
            w.Line($"var {url} = {first};");
            return;
        }

        w.Line($"var {url} = {first}");
        w.Indent();
        for (var i = 0; i < parts.Count; i++) w.Line(parts[i] + (i == parts.Count - 1 ? ";" : ""));
        w.Outdent();
    }

    private string QueryPart(ParameterModel p, HashSet<string> taken)
    {
        var name = CSharp.StringLiteral(p.WireName);
        var explode = p.Explode ? "true" : "false";
        if (p.IsContent && p.Type.Kind is TypeKind.Model or TypeKind.Map || p.IsContent && p.Type.Kind == TypeKind.Array && p.Type.Item!.Kind is not (TypeKind.Primitive or TypeKind.Enum))
        {
            // content-declared (e.g. application/json): the value is its JSON text.
            var j = Identifiers.Unique("j", taken);
            return $".AddQuery({name}, {p.Name} is {{ }} {j} ? global::System.Text.Json.JsonSerializer.Serialize({j}, {_json}.TypeInfo<{p.Type.CSharpType}>()) : null)";
        }

        switch (p.Type.Kind)
        {
            case TypeKind.Array:
                var arrayStyle = p.Style switch
                {
                    ParameterStyle.SpaceDelimited => "SpaceDelimited",
                    ParameterStyle.PipeDelimited => "PipeDelimited",
                    _ => "Form",
                };
                return $".AddQueryArray({name}, {p.Name}, {Http}QueryStyle.{arrayStyle}, explode: {explode})";
            case TypeKind.Map:
                return $".AddQueryObject({name}, {p.Name}, {Http}QueryStyle.{(p.Style == ParameterStyle.DeepObject ? "DeepObject" : "Form")}, explode: {explode})";
            case TypeKind.Model when _types.Object(p.Type.Name) is { } obj:
                var q = Identifiers.Unique("q", taken);
                var pairs = _types.AllProperties(obj)
                    .Where(x => x.Type.Kind is TypeKind.Primitive or TypeKind.Enum)
                    .Select(x => $"new({CSharp.StringLiteral(x.WireName)}, {Http}WireFormat.Format({q}.{x.Name}))");
                return $".AddQueryObject({name}, {p.Name} is {{ }} {q} ? new global::System.Collections.Generic.KeyValuePair<string, string?>[] {{ {string.Join(", ", pairs)} }} : null, {Http}QueryStyle.{(p.Style == ParameterStyle.DeepObject ? "DeepObject" : "Form")}, explode: {explode})";
            default:
                return $".AddQuery({name}, {p.Name})";
        }
    }

    private static void EmitHeader(SourceWriter w, ParameterModel p, string request)
    {
        var name = CSharp.StringLiteral(p.WireName);
        w.Line(p.Type.Kind == TypeKind.Array
            ? $"{Http}ApiRequest.SetHeaderArray({request}, {name}, {p.Name});"
            : $"{Http}ApiRequest.SetHeader({request}, {name}, {p.Name});");
    }

    private static void EmitCookie(SourceWriter w, ParameterModel p, string request)
    {
        var name = CSharp.StringLiteral(p.WireName);
        w.Line(p.Type.Kind == TypeKind.Array
            ? $"if ({p.Name} is not null) {Http}ApiRequest.AddCookie({request}, {name}, string.Join(\",\", global::System.Linq.Enumerable.Select({p.Name}, static item => {Http}WireFormat.Format(item))));"
            : $"{Http}ApiRequest.AddCookie({request}, {name}, {p.Name});");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Security: the operation's requirements (alternatives), with the credentials of the options.

    private void EmitSecurity(SourceWriter w, OperationModel op, string request)
    {
        var schemes = _spec.SecuritySchemes.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First());
        var alternatives = new List<List<SecuritySchemeModel>>();
        foreach (var requirement in op.Security)
        {
            var list = requirement.Schemes.Select(u => schemes.TryGetValue(u.SchemeKey, out var s) ? s : null).ToList();
            if (list.Count == 0 || list.Any(s => s is null || Apply(s, request) is null)) continue; // anonymous, or not supported
            var resolved = list.Select(s => s!).ToList();
            if (!alternatives.Any(a => a.Select(s => s.Key).SequenceEqual(resolved.Select(s => s.Key)))) alternatives.Add(resolved);
        }

        if (alternatives.Count == 0) return;
        if (alternatives.Count == 1 && alternatives[0].Count == 1)
        {
            w.Line(Apply(alternatives[0][0], request)!);
            return;
        }

        // Several schemes: one private method per distinct set of alternatives, which the operations that share it call.
        var key = string.Join(" | ", alternatives.Select(a => string.Join(" & ", a.Select(s => s.Key))));
        if (!_authorizers.TryGetValue(key, out var method))
        {
            var candidate = "Authorize" + string.Join("Or", alternatives.Select(a => string.Join("And", a.Select(s => Identifiers.ToPascalCase(s.Key, "Scheme")))));
            method = Identifiers.Unique(candidate.Length <= 64 ? candidate : "Authorize", _memberNames);
            _authorizers.Add(key, method);
            var m = new SourceWriter();
            var what = alternatives.Count == 1
                ? "the schemes " + string.Join(" and ", alternatives[0].Select(s => $"'{s.Key}'")) + " together"
                : "the first of these whose credentials are configured: " + string.Join("; ", alternatives.Select(a => string.Join(" and ", a.Select(s => $"'{s.Key}'"))));
            m.Line();
            m.Line($"/// <summary>Authorizes a request with {string.Join(" ", CSharp.DocLines(what))}.</summary>");
            m.Open($"private void {method}(global::System.Net.Http.HttpRequestMessage request)");
            if (alternatives.Count == 1)
            {
                foreach (var s in alternatives[0]) m.Line(Apply(s, "request")!);
            }
            else
            {
                for (var i = 0; i < alternatives.Count; i++)
                {
                    var condition = string.Join(" && ", alternatives[i].Select(Configured).Distinct());
                    m.Line(i == 0 ? $"if ({condition})" : $"else if ({condition})");
                    m.Line("{");
                    m.Indent();
                    foreach (var s in alternatives[i]) m.Line(Apply(s, "request")!);
                    m.Outdent();
                    m.Line("}");
                }
            }

            m.Close();
            _authorizerMethods.Append(m.ToString());
        }

        w.Line($"{method}({request});");
    }

    private static string? Apply(SecuritySchemeModel s, string request) => s.Kind switch
    {
        SecuritySchemeKind.Bearer or SecuritySchemeKind.OAuth2 or SecuritySchemeKind.OpenIdConnect => $"{Http}ApiAuth.ApplyBearer({request}, _options.BearerToken);",
        SecuritySchemeKind.Basic => $"{Http}ApiAuth.ApplyBasic({request}, _options.Username, _options.Password);",
        SecuritySchemeKind.ApiKey when s.ApiKeyName is { Length: > 0 } name => s.ApiKeyLocation switch
        {
            ParameterLocation.Query => $"{Http}ApiAuth.ApplyApiKeyQuery({request}, {CSharp.StringLiteral(name)}, _options.ApiKey);",
            ParameterLocation.Cookie => $"{Http}ApiAuth.ApplyApiKeyCookie({request}, {CSharp.StringLiteral(name)}, _options.ApiKey);",
            _ => $"{Http}ApiAuth.ApplyApiKeyHeader({request}, {CSharp.StringLiteral(name)}, _options.ApiKey);",
        },
        _ => null,
    };

    private static string Configured(SecuritySchemeModel s) => s.Kind switch
    {
        SecuritySchemeKind.Basic => "!string.IsNullOrEmpty(_options.Username)",
        SecuritySchemeKind.ApiKey => "!string.IsNullOrEmpty(_options.ApiKey)",
        _ => "!string.IsNullOrEmpty(_options.BearerToken)",
    };

    // ---------------------------------------------------------------------------------------------------------------
    // Request bodies

    private sealed class FileNameParameter(string wireName, string propertyName, string parameter)
    {
        public string WireName { get; } = wireName;

        public string PropertyName { get; } = propertyName;

        public string Parameter { get; } = parameter;
    }

    /// <summary>Multipart bodies: one optional <c>{part}FileName</c> parameter per binary property.</summary>
    private List<FileNameParameter> FileNameParameters(OperationModel op, HashSet<string> taken)
    {
        var result = new List<FileNameParameter>();
        if (op.Body is not { Kind: BodyKind.Multipart } body || _types.Object(body.Type) is not { } obj) return result;
        foreach (var p in _types.AllProperties(obj).Where(p => !p.ReadOnly && p.Type.Primitive is PrimitiveKind.Stream or PrimitiveKind.Bytes && p.Type.Kind == TypeKind.Primitive))
        {
            var parameter = Identifiers.Unique(Identifiers.ToCamelCase(p.Name + "FileName"), taken);
            result.Add(new FileNameParameter(p.WireName, p.Name, parameter));
        }

        return result;
    }

    private void EmitBody(SourceWriter w, RequestBodyModel body, string request, List<FileNameParameter> fileNames, HashSet<string> taken, string? json)
    {
        if (json is not null)
        {
            w.Line(body.Required ? $"{request}.Content = {Http}ApiHttp.JsonContent({json});" : $"if ({json} is not null) {request}.Content = {Http}ApiHttp.JsonContent({json});");
            return;
        }

        var mediaType = CSharp.StringLiteral(body.ContentType);
        var open = body.Required ? null : IsValueType(body) ? "if (body.HasValue)" : "if (body is not null)";
        var value = !body.Required && IsValueType(body) ? "body.Value" : "body";
        if (open is not null) w.Open(open);
        switch (body.Kind)
        {
            case BodyKind.Json:
                w.Line($"{request}.Content = {Http}ApiHttp.JsonContent({value}, {_json}.TypeInfo<{body.Type.CSharpType}>());");
                break;
            case BodyKind.Text:
                w.Line($"{request}.Content = {Http}ApiRequest.TextContent({value}, {mediaType});");
                break;
            case BodyKind.OctetStream:
                w.Line($"{request}.Content = {Http}ApiRequest.StreamContent(body, {mediaType});");
                break;
            case BodyKind.FormUrlEncoded:
                EmitForm(w, body, request, taken);
                break;
            case BodyKind.Multipart:
                EmitMultipart(w, body, request, fileNames, taken);
                break;
        }

        if (open is not null) w.Close();
    }

    private void EmitForm(SourceWriter w, RequestBodyModel body, string request, HashSet<string> taken)
    {
        var fields = Identifiers.Unique("fields", taken);
        w.Line($"var {fields} = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
        if (_types.Object(body.Type) is { } obj)
        {
            var index = 0;
            foreach (var p in _types.AllProperties(obj).Where(p => !p.ReadOnly))
            {
                var name = CSharp.StringLiteral(p.WireName);
                switch (p.Type.Kind)
                {
                    case TypeKind.Primitive when p.Type.Primitive is PrimitiveKind.Stream or PrimitiveKind.Bytes:
                        break; // not representable in a form
                    case TypeKind.Primitive or TypeKind.Enum:
                        w.Line($"{Http}ApiRequest.AddFormField({fields}, {name}, body.{p.Name});");
                        break;
                    case TypeKind.Array when p.Type.Item!.Kind is TypeKind.Primitive or TypeKind.Enum:
                        w.Line($"{Http}ApiRequest.AddFormFieldArray({fields}, {name}, body.{p.Name});");
                        break;
                    default:
                        // Objects: the field's value is their JSON.
                        var v = Identifiers.Unique("f" + index++.ToString(CultureInfo.InvariantCulture), taken);
                        w.Line($"if (body.{p.Name} is {{ }} {v}) {Http}ApiRequest.AddFormField({fields}, {name}, global::System.Text.Json.JsonSerializer.Serialize({v}, {_json}.TypeInfo<{p.Type.CSharpType}>()));");
                        break;
                }
            }
        }
        else if (body.Type.Kind == TypeKind.Map)
        {
            w.Line($"foreach (var pair in body) {Http}ApiRequest.AddFormField({fields}, pair.Key, pair.Value);");
        }

        w.Line($"{request}.Content = {Http}ApiRequest.FormContent({fields});");
    }

    private void EmitMultipart(SourceWriter w, RequestBodyModel body, string request, List<FileNameParameter> fileNames, HashSet<string> taken)
    {
        var content = Identifiers.Unique("content", taken);
        w.Line($"var {content} = new global::System.Net.Http.MultipartFormDataContent();");
        w.Line($"{request}.Content = {content};");
        if (_types.Object(body.Type) is not { } obj)
        {
            w.Line($"{Http}ApiRequest.AddPart({content}, \"body\", body);");
            return;
        }

        var index = 0;
        foreach (var p in _types.AllProperties(obj).Where(p => !p.ReadOnly))
        {
            var name = CSharp.StringLiteral(p.WireName);
            var type = p.Type;
            if (type.Kind == TypeKind.Primitive && type.Primitive is PrimitiveKind.Stream or PrimitiveKind.Bytes)
            {
                var fileName = fileNames.FirstOrDefault(f => f.PropertyName == p.Name)?.Parameter ?? "null";
                w.Line($"{Http}ApiRequest.AddFilePart({content}, {name}, body.{p.Name}, {fileName});");
            }
            else if (type.Kind == TypeKind.Array && type.Item!.Kind == TypeKind.Primitive && type.Item.Primitive is PrimitiveKind.Stream or PrimitiveKind.Bytes)
            {
                var v = Identifiers.Unique("file" + index++.ToString(CultureInfo.InvariantCulture), taken);
                w.Line($"if (body.{p.Name} is not null) foreach (var {v} in body.{p.Name}) {Http}ApiRequest.AddFilePart({content}, {name}, {v}, null);");
            }
            else if (type.Kind is TypeKind.Primitive or TypeKind.Enum)
            {
                w.Line($"{Http}ApiRequest.AddPart({content}, {name}, body.{p.Name});");
            }
            else if (type.Kind == TypeKind.Array && type.Item!.Kind is TypeKind.Primitive or TypeKind.Enum)
            {
                w.Line($"{Http}ApiRequest.AddPartArray({content}, {name}, body.{p.Name});");
            }
            else
            {
                // Objects and arrays of objects: an application/json part.
                var v = Identifiers.Unique("part" + index++.ToString(CultureInfo.InvariantCulture), taken);
                w.Line($"if (body.{p.Name} is {{ }} {v}) {Http}ApiRequest.AddJsonPart({content}, {name}, {v}, {_json}.TypeInfo<{type.CSharpType}>());");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Responses

    private void EmitResponseHandling(SourceWriter w, ResponsePlan plan, string? resultType, string response, string status, string? dispose, HashSet<string> taken, string errors)
    {
        w.Line($"var {status} = (int){response}.StatusCode;");

        // Cases: success statuses that read differently from the fallback.
        var cases = new List<(string Status, string Key, List<string> Body)>();
        var fallback = plan.SuccessFallback ?? plan.Primary;
        foreach (var r in plan.ExactSuccesses)
        {
            if (plan.Shape == ResultShape.None) break; // every 2xx just completes
            if (plan.Shape == ResultShape.Single && ResponsePlan.KindOf(r) != ReadKind.None && (fallback is null || ResponsePlan.KindOf(fallback) != ReadKind.None)) continue;
            cases.Add((r.StatusCode, "success " + r.StatusCode, SuccessStatements(plan, r, resultType, response, status, dispose, taken)));
        }

        if (cases.Count > 0)
        {
            w.Line($"switch ({status})");
            w.Line("{");
            w.Indent();
            foreach (var group in cases.GroupBy(c => c.Key))
            {
                w.Line("case " + string.Join(" or ", group.Select(c => c.Status)) + ":");
                var statements = group.First().Body;
                if (statements.Count == 1)
                {
                    w.Indent().Line(statements[0]).Outdent();
                }
                else
                {
                    w.Indent().Line("{").Indent();
                    foreach (var s in statements) w.Line(s);
                    w.Outdent().Line("}").Outdent();
                }
            }

            w.Outdent();
            w.Line("}");
            w.Line();
        }

        // Any other 2xx.
        var success = plan.Shape switch
        {
            ResultShape.None => new List<string> { "return;" },
            ResultShape.Multiple when plan.SuccessFallback is { } r => SuccessStatements(plan, r, resultType, response, status, dispose, taken),
            ResultShape.Multiple => new List<string>
            {
                $"throw await {Http}ApiHttp.CreateUnexpectedAsync({response}, {CSharp.StringLiteral("one of the statuses " + string.Join(", ", plan.ExactSuccesses.Select(r => r.StatusCode)))}, \"status \" + {status}.ToString(global::System.Globalization.CultureInfo.InvariantCulture), {Ct}).ConfigureAwait(false);",
            },
            _ => SuccessStatements(plan, fallback!, resultType, response, status, dispose, taken),
        };
        if (success.Count == 1)
        {
            w.Line($"if ({status} is >= 200 and <= 299) {success[0]}");
        }
        else
        {
            w.Open($"if ({status} is >= 200 and <= 299)");
            foreach (var s in success) w.Line(s);
            w.Close();
        }

        // Any other status: the failure the spec declares for it, as ApiCall throws it.
        w.Line($"throw await {errors}.CreateExceptionAsync({response}, {Ct}).ConfigureAwait(false);");
    }

    private List<string> SuccessStatements(ResponsePlan plan, ResponseModel r, string? resultType, string response, string status, string? dispose, HashSet<string> taken)
    {
        var kind = ResponsePlan.KindOf(r);
        if (plan.Shape == ResultShape.Single)
        {
            if (kind == ReadKind.None) return new List<string> { "return null;" };
            if (kind != ReadKind.Stream) return new List<string> { $"return {plan.ReadExpression(r, response)};" };
            var stream = Identifiers.Unique("stream", taken);
            return new List<string> { $"var {stream} = {plan.ReadExpression(r, response)};", $"{dispose} = false;", $"return {stream};" };
        }

        // Multiple: the result record.
        var statusArgument = $"StatusCode = {status}";
        if (kind == ReadKind.None) return new List<string> { $"return new {resultType} {{ {statusArgument} }};" };
        var property = ResultProperty(r);
        if (kind != ReadKind.Stream) return new List<string> { $"return new {resultType} {{ {statusArgument}, {property} = {plan.ReadExpression(r, response)} }};" };
        var value = Identifiers.Unique("stream", taken);
        return new List<string> { $"var {value} = {plan.ReadExpression(r, response)};", $"{dispose} = false;", $"return new {resultType} {{ {statusArgument}, {property} = {value} }};" };
    }

    private static string ResultProperty(ResponseModel r) => r.IsDefault ? "Default" : "Status" + r.StatusCode;

    private void EmitResultType(OperationModel op, ResponsePlan plan, string name)
    {
        var w = _results;
        if (_results.ToString().Length > 0) w.Line();
        w.Line($"/// <summary>The success responses of <see cref=\"{_spec.ClientName}.{op.MethodName}\"/>: <see cref=\"StatusCode\"/> says which; the property of that status holds its body.</summary>");
        w.Line(ClientEmitter.GeneratedCode);
        w.Open($"public sealed partial record {name}");
        w.Line("/// <summary>The HTTP status code of the response.</summary>");
        w.Line("public int StatusCode { get; init; }");
        foreach (var r in plan.Successes.Where(r => ResponsePlan.KindOf(r) != ReadKind.None))
        {
            w.Line();
            var text = $"The body of a {r.StatusCode} response." + (r.Summary is { } s ? " " + s : "") + (ResponsePlan.KindOf(r) == ReadKind.Stream ? " The caller disposes it." : "");
            w.Summary(text);
            w.Line($"public {ResponsePlan.ValueType(r)}? {ResultProperty(r)} {{ get; init; }}");
        }

        w.Close();
    }
}
