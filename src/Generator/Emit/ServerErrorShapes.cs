using System;
using System.Collections.Generic;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Maps the error schemas that a spec declares onto the errors the server raises itself (400, 401, 403, 413, 415),
/// generically, by the names of their properties: a code (<c>code</c>, <c>errorCode</c>: an enum member chosen by its
/// name, e.g. VALIDATION_ERROR for 400), a message (<c>message</c>, <c>error</c>, <c>detail</c>…), the field, a hint,
/// the request id, the HTTP status (<c>status</c>, <c>statusCode</c>) and a list or map of <c>errors</c>.
/// A schema qualifies when it has a message property and every required property has a role; otherwise the server
/// answers RFC 9457 problem details.
/// </summary>
internal sealed class ServerErrorShapes
{
    public static readonly int[] Statuses = { 400, 401, 403, 413, 415 };

    private static readonly string[] CodeNames = { "code", "errorcode", "errortype" };
    private static readonly string[] MessageNames = { "message", "error", "detail", "errormessage", "description", "msg", "title" };
    private static readonly string[] FieldNames = { "field", "param", "parameter", "property", "fieldname", "pointer", "path" };
    private static readonly string[] HintNames = { "hint", "suggestion", "help" };
    private static readonly string[] RequestIdNames = { "requestid", "traceid", "correlationid", "xrequestid" };
    private static readonly string[] StatusNames = { "status", "statuscode", "httpstatus", "httpstatuscode" };
    private static readonly string[] ErrorsNames = { "errors", "fielderrors", "validationerrors", "details" };

    private static readonly Dictionary<int, string[]> CodeCandidates = new()
    {
        [400] = new[] { "VALIDATIONERROR", "VALIDATIONFAILED", "VALIDATION", "INVALIDREQUEST", "BADREQUEST", "INVALIDARGUMENT", "INVALIDPARAMETER", "INVALIDINPUT", "INVALID" },
        [401] = new[] { "UNAUTHORIZED", "UNAUTHENTICATED", "AUTHENTICATIONREQUIRED", "AUTHENTICATIONFAILED", "INVALIDTOKEN", "INVALIDCREDENTIALS" },
        [403] = new[] { "FORBIDDEN", "FORBIDDENSCOPE", "INSUFFICIENTSCOPE", "PERMISSIONDENIED", "ACCESSDENIED" },
        [413] = new[] { "PAYLOADTOOLARGE", "REQUESTTOOLARGE", "REQUESTENTITYTOOLARGE", "CONTENTTOOLARGE", "TOOLARGE" },
        [415] = new[] { "UNSUPPORTEDMEDIATYPE", "UNSUPPORTEDCONTENTTYPE", "INVALIDCONTENTTYPE" },
    };

    private static readonly Dictionary<int, string> DefaultCodes = new()
    {
        [400] = "VALIDATION_ERROR",
        [401] = "UNAUTHORIZED",
        [403] = "FORBIDDEN",
        [413] = "PAYLOAD_TOO_LARGE",
        [415] = "UNSUPPORTED_MEDIA_TYPE",
    };

    private readonly SpecModel _spec;
    private readonly ServerTypes _types;
    private readonly Dictionary<string, Shape?> _shapes = new(StringComparer.Ordinal);

    public ServerErrorShapes(SpecModel spec, ServerTypes types)
    {
        _spec = spec;
        _types = types;

        // Decide the request id format up front: UUIDs when a shape the spec uses carries its request id as a uuid.
        foreach (var op in spec.Operations)
        {
            foreach (var status in Statuses)
            {
                if (For(op, status) is { RequestId: { } requestId } && requestId.Type.Primitive == PrimitiveKind.Guid) GuidRequestIds = true;
            }
        }
    }

    public bool GuidRequestIds { get; }

    /// <summary>The shape in which <paramref name="op"/> answers <paramref name="status"/>: declared for that status, 4XX or default, else the 400 one.</summary>
    public Shape? For(OperationModel op, int status)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var key in new[] { code, code[0] + "XX", "default" })
        {
            var response = op.Responses.FirstOrDefault(r => string.Equals(r.StatusCode, key, StringComparison.OrdinalIgnoreCase));
            if (response is null) continue;
            return response.Kind == BodyKind.Json && response.Type is { Kind: TypeKind.Model } type ? Get(type.Name, response.ContentType) : null;
        }

        return status == 400 ? null : For(op, 400);
    }

    private Shape? Get(string typeName, string? contentType)
    {
        if (_shapes.TryGetValue(typeName, out var known)) return known;
        var shape = _spec.Types.FirstOrDefault(t => t.Name == typeName) is ObjectModel { IsAbstract: false, Discriminator: null } obj ? Map(obj, contentType ?? "application/json") : null;
        _shapes[typeName] = shape;
        return shape;
    }

    private Shape? Map(ObjectModel obj, string contentType)
    {
        var taken = new HashSet<PropertyModel>();
        PropertyModel? Pick(string[] names, Func<PropertyModel, bool> fits)
        {
            foreach (var name in names)
            {
                var match = obj.Properties.FirstOrDefault(p => !taken.Contains(p) && Normalize(p.WireName) == name && fits(p));
                if (match is not null)
                {
                    taken.Add(match);
                    return match;
                }
            }

            return null;
        }

        var message = Pick(MessageNames, p => IsString(p.Type));
        if (message is null) return null;
        var code = Pick(CodeNames, p => IsString(p.Type) || IsEnum(p.Type) || IsNumber(p.Type));
        var status = Pick(StatusNames, p => IsNumber(p.Type) || IsString(p.Type));
        var field = Pick(FieldNames, p => IsString(p.Type));
        var hint = Pick(HintNames, p => IsString(p.Type));
        var requestId = Pick(RequestIdNames, p => IsString(p.Type) || p.Type.Primitive == PrimitiveKind.Guid && p.Type.Kind == TypeKind.Primitive);
        var errors = Pick(ErrorsNames, p => ErrorsKind(p.Type) != 0);

        // Every required property needs a value, else the body would not follow the schema.
        if (obj.Properties.Any(p => p.Required && !p.ReadOnly && !taken.Contains(p))) return null;
        return new Shape("Write" + obj.Name + "Error", obj, contentType, code, message, status, field, hint, requestId, errors);
    }

    /// <summary>The private writer methods, one per shape in use.</summary>
    public void EmitWriters(SourceWriter w)
    {
        foreach (var shape in _shapes.Values.Where(s => s is not null).Select(s => s!).OrderBy(s => s.WriterName, StringComparer.Ordinal))
        {
            EmitWriter(w, shape);
            w.Line();
        }
    }

    private void EmitWriter(SourceWriter w, Shape shape)
    {
        var model = _types.Qualified(new TypeRef(TypeKind.Model, shape.Model.Name));
        w.Line($"/// <summary>Answers an error in the spec's <c>{CSharp.DocLines(shape.Model.Name)[0]}</c> schema.</summary>");
        w.Open($"private static global::System.Threading.Tasks.Task {shape.WriterName}(global::Microsoft.AspNetCore.Http.HttpContext httpContext, {ServerSupportEmitter.Namespace}ServerError error)");
        var roles = new List<(PropertyModel Property, string Value, bool Nullable)>();
        if (shape.Code is { } code) roles.Add((code, CodeValue(code), false));
        roles.Add((shape.Message, "error.Message", false));
        if (shape.Status is { } status) roles.Add((status, IsNumber(status.Type) ? $"({status.Type.Name})error.Status" : "error.Status.ToString(global::System.Globalization.CultureInfo.InvariantCulture)", false));
        if (shape.Field is { } field) roles.Add((field, "error.Field", true));
        if (shape.Hint is { } hint) roles.Add((hint, "error.Hint", true));
        if (shape.RequestId is { } requestId)
        {
            roles.Add(requestId.Type.Kind == TypeKind.Primitive && requestId.Type.Primitive == PrimitiveKind.Guid
                ? (requestId, "(global::System.Guid.TryParse(httpContext.TraceIdentifier, out var requestId) ? requestId : (global::System.Guid?)null)", true)
                : (requestId, "httpContext.TraceIdentifier", false));
        }

        if (shape.Errors is { } errors) roles.Add((errors, ErrorsValue(errors.Type), true));

        w.Line($"var body = new {model}");
        w.Line("{");
        w.Indent();
        foreach (var (property, value, nullable) in roles.Where(r => IsInitRequired(r.Property)))
        {
            w.Line($"{property.Name} = {value}{(nullable ? " ?? " + Fallback(property.Type) : "")},");
        }

        w.Outdent();
        w.Line("};");
        var index = 0;
        foreach (var (property, value, nullable) in roles.Where(r => !IsInitRequired(r.Property)))
        {
            if (nullable)
            {
                var local = "value" + index++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                w.Line($"if ({value} is {{ }} {local}) body.{property.Name} = {local};");
            }
            else
            {
                w.Line($"body.{property.Name} = {value};");
            }
        }

        w.Line($"return {ServerSupportEmitter.Namespace}ServerRuntime.WriteJsonAsync(httpContext, error.Status, {CSharp.StringLiteral(shape.ContentType)}, body, {_types.TypeInfo(new TypeRef(TypeKind.Model, shape.Model.Name))});");
        w.Close();
    }

    private static bool IsInitRequired(PropertyModel p) => p.Required && !p.ReadOnly;

    private string Fallback(TypeRef type) => type.Kind switch
    {
        TypeKind.Primitive when type.Primitive == PrimitiveKind.String => "\"\"",
        TypeKind.Primitive when type.Primitive == PrimitiveKind.Guid => "global::System.Guid.Empty",
        _ => "new " + _types.Concrete(type) + "()",
    };

    /// <summary>The code for each status: an enum member chosen by its name, else a conventional constant.</summary>
    private string CodeValue(PropertyModel code)
    {
        if (IsNumber(code.Type)) return $"({code.Type.Name})error.Status";
        var arms = new List<string>();
        var members = IsEnum(code.Type) ? (_spec.Types.FirstOrDefault(t => t.Name == code.Type.Name) as EnumModel)?.Members : null;
        var enumType = _types.Qualified(code.Type);
        string Value(int status)
        {
            var member = members is null ? null : Choose(members, status) ?? (status is 413 or 415 ? Choose(members, 400) : null);
            if (member is not null) return enumType + "." + member.Name;
            var literal = CSharp.StringLiteral(DefaultCodes[status]);
            return members is null ? literal : enumType + ".FromWire(" + literal + ")";
        }

        foreach (var status in Statuses) arms.Add($"{status} => {Value(status)}");
        arms.Add($"_ => {(members is null ? "\"ERROR\"" : enumType + ".FromWire(\"ERROR\")")}");
        return "error.Status switch { " + string.Join(", ", arms) + " }";
    }

    private static EnumMemberModel? Choose(ImmutableEquatableArray<EnumMemberModel> members, int status)
    {
        var candidates = CodeCandidates[status];
        foreach (var candidate in candidates)
        {
            var exact = members.FirstOrDefault(m => Normalize(m.Wire).ToUpperInvariant() == candidate);
            if (exact is not null) return exact;
        }

        foreach (var candidate in candidates)
        {
            var prefix = members.FirstOrDefault(m => Normalize(m.Wire).ToUpperInvariant().StartsWith(candidate, StringComparison.Ordinal));
            if (prefix is not null) return prefix;
        }

        return null;
    }

    private string ErrorsValue(TypeRef type) => ErrorsKind(type) switch
    {
        1 => $"{ServerSupportEmitter.Namespace}ServerRuntime.ErrorMap(error)",
        2 => $"{ServerSupportEmitter.Namespace}ServerRuntime.ErrorMessages(error)",
        _ => $"{ServerSupportEmitter.Namespace}ServerRuntime.ErrorList(error)",
    };

    /// <summary>1: map of field to messages; 2: map of field to one message; 3: list of "field: message"; 0: none of these.</summary>
    private static int ErrorsKind(TypeRef type)
    {
        if (type.Kind == TypeKind.Map && type.Item is { Kind: TypeKind.Array, Item: { } inner } && IsString(inner)) return 1;
        if (type.Kind == TypeKind.Map && type.Item is { } value && IsString(value)) return 2;
        if (type.Kind == TypeKind.Array && type.Item is { } item && IsString(item)) return 3;
        return 0;
    }

    private static bool IsString(TypeRef type) => type.Kind == TypeKind.Primitive && type.Primitive == PrimitiveKind.String;

    private static bool IsEnum(TypeRef type) => type.Kind == TypeKind.Enum && type.Primitive != PrimitiveKind.Int64;

    private static bool IsNumber(TypeRef type) => type.Kind == TypeKind.Primitive && type.Primitive is PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double or PrimitiveKind.Float or PrimitiveKind.Decimal;

    private static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    internal sealed record Shape(
        string WriterName,
        ObjectModel Model,
        string ContentType,
        PropertyModel? Code,
        PropertyModel Message,
        PropertyModel? Status,
        PropertyModel? Field,
        PropertyModel? Hint,
        PropertyModel? RequestId,
        PropertyModel? Errors);
}
