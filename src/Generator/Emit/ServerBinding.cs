using System.Globalization;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>C# spellings of a spec's types in server code: always qualified, because result types nested in the interface could shadow a model.</summary>
internal sealed class ServerTypes
{
    private readonly SpecModel _spec;

    public ServerTypes(SpecModel spec) => _spec = spec;

    public string Qualified(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => "global::" + _spec.Namespace + "." + type.Name,
        TypeKind.Array => $"global::System.Collections.Generic.IList<{Qualified(type.Item!)}>",
        TypeKind.Map => $"global::System.Collections.Generic.IDictionary<string, {Qualified(type.Item!)}>",
        _ => type.Name,
    };

    public string Concrete(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => $"global::System.Collections.Generic.List<{Qualified(type.Item!)}>",
        TypeKind.Map => $"global::System.Collections.Generic.Dictionary<string, {Qualified(type.Item!)}>",
        _ => Qualified(type),
    };

    /// <summary>The reflection-free type info of <paramref name="type"/> in the spec's JSON options.</summary>
    public string TypeInfo(TypeRef type) => $"global::{_spec.Namespace}.{_spec.ClientName}Json.TypeInfo<{Qualified(type)}>()";

    /// <summary>The C# type of a request body as the handler receives it.</summary>
    public string Body(RequestBodyModel body) => body.Kind switch
    {
        BodyKind.Json => Qualified(body.Type),
        BodyKind.Text => "string",
        BodyKind.OctetStream => "global::System.IO.Stream",
        BodyKind.FormUrlEncoded or BodyKind.Multipart => "global::Microsoft.AspNetCore.Http.IFormCollection",
        _ => Qualified(body.Type),
    };

    public SpecModel Spec => _spec;
}

/// <summary>
/// Generated binding of parameters and bodies: raw text from the route, query, headers or cookies, parsed into the
/// declared type, then checked with the same generated checks as the models (<see cref="ModelEmitter.EmitValueChecks"/>).
/// Every failure is added to the <c>ValidationContext</c> named <c>context</c>; nothing throws.
/// </summary>
internal static class ServerBinding
{
    private const string Rt = ServerSupportEmitter.Namespace + "ServerRuntime.";

    public static void EmitParameter(SourceWriter w, ServerOperation op, ServerParameter p, string _)
    {
        var m = p.Model;
        var types = op.Types;
        var field = CSharp.StringLiteral(m.WireName);
        w.Line($"{p.Type}{(p.IsRequired ? "" : "?")} {p.Local} = default{(p.IsRequired && !m.Type.IsValueType ? "!" : "")};");
        w.Line("{").Indent();
        var source = m.Location switch
        {
            ParameterLocation.Path => "Route",
            ParameterLocation.Header => "Header",
            ParameterLocation.Cookie => "Cookie",
            _ => "Query",
        };
        w.Line($"var raw = {Rt}{source}(httpContext, {CSharp.StringLiteral(p.Key)});");
        w.Open("if (raw.Count == 0)");
        if (p.IsRequired) w.Line($"context.Add({field}, \"required\", \"is required\");");
        w.Close();
        if (m.Type.Kind == TypeKind.Array && IsScalar(m.Type.Item!))
        {
            var item = m.Type.Item!;
            var (delimiter, split) = m.Location switch
            {
                ParameterLocation.Query => m.Style switch
                {
                    ParameterStyle.SpaceDelimited => (' ', !m.Explode),
                    ParameterStyle.PipeDelimited => ('|', !m.Explode),
                    _ => (',', !m.Explode),
                },
                ParameterLocation.Cookie => (',', !m.Explode),
                _ => (',', true),
            };
            var delimiterLiteral = delimiter == ' ' ? "' '" : "'" + delimiter + "'";
            w.Open("else");
            w.Line($"var items = {Rt}Items(raw, {delimiterLiteral}, split: {Bool(split)}, trim: {Bool(m.Location == ParameterLocation.Header)});");
            w.Line($"var list = new {types.Concrete(m.Type)}(items.Length);");
            w.Open("for (var n = 0; n < items.Length; n++)");
            w.Line($"if ({TryParse(types, item, "items[n]", "item")}) list.Add(item);");
            w.Line($"else context.Add({field} + \"[\" + n.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", \"type\", {CSharp.StringLiteral(Expectation(item))});");
            w.Close();
            w.Line($"{p.Local} = list;");
            w.Line("var v = list;");
            EmitChecks(w, m.Type, m.Constraints, m.AllowedValues, field);
            w.Close();
        }
        else
        {
            w.Line($"else if (raw.Count > 1) context.Add({field}, \"type\", \"must be given once\");");
            w.Open($"else if ({TryParse(types, m.Type, m.Location == ParameterLocation.Header ? "raw[0]!.Trim()" : "raw[0]!", "v")})");
            w.Line($"{p.Local} = v;");
            EmitChecks(w, m.Type, m.Constraints, m.AllowedValues, field);
            w.Close();
            w.Line($"else context.Add({field}, \"type\", {CSharp.StringLiteral(Expectation(m.Type))});");
        }

        w.Close();
    }

    public static void EmitBody(SourceWriter w, ServerOperation op, RequestBodyModel body)
    {
        var types = op.Types;
        var csType = types.Body(body);
        var mediaType = CSharp.StringLiteral(body.ContentType);
        var required = Bool(body.Required);
        w.Line($"{csType}? body = default;");
        w.Line("{").Indent();
        var read = body.Kind switch
        {
            BodyKind.Json => $"{Rt}ReadJsonAsync(httpContext, context, {types.TypeInfo(body.Type)}, {mediaType}, {required}, limit)",
            BodyKind.Text => $"{Rt}ReadTextAsync(httpContext, context, {mediaType}, {required}, limit)",
            BodyKind.OctetStream => $"{Rt}ReadStreamAsync(httpContext, context, {mediaType}, {required}, limit)",
            BodyKind.FormUrlEncoded or BodyKind.Multipart => $"{Rt}ReadFormAsync(httpContext, context, {mediaType}, {required}, limit)",
            _ => $"{Rt}ReadJsonAsync(httpContext, context, {types.TypeInfo(body.Type)}, {mediaType}, {required}, limit)",
        };
        w.Line($"var read = await {read}.ConfigureAwait(false);");
        w.Open("if (read.FailureStatus != 0)");
        w.Line($"await {op.ErrorsName}.WriteAsync(httpContext, {ServerSupportEmitter.Namespace}ServerError.Body(read.FailureStatus, {mediaType}, limit)).ConfigureAwait(false);");
        w.Line("return;");
        w.Close();
        w.Open("if (read.HasValue)");
        w.Line("body = read.Value;");
        if (body.Kind == BodyKind.Json)
        {
            if (body.Type.Kind == TypeKind.Model)
            {
                w.Line("read.Value!.Validate(context, \"\");");
            }
            else
            {
                w.Line("var v = read.Value!;");
                var checks = new SourceWriter();
                ModelEmitter.EmitValueChecks(checks, body.Type, Model.Constraints.None, "v", "\"\"", 0);
                Append(w, checks);
            }
        }

        w.Close();
        w.Close();
    }

    private static void EmitChecks(SourceWriter w, TypeRef type, Model.Constraints constraints, ImmutableEquatableArray<string> allowed, string field)
    {
        var checks = new SourceWriter();
        ModelEmitter.EmitValueChecks(checks, type, constraints, "v", field, 0);
        Append(w, checks);
        if (allowed.Count > 0)
        {
            var values = "new[] { " + string.Join(", ", allowed.Select(CSharp.StringLiteral)) + " }";
            if (type.Kind == TypeKind.Array)
            {
                w.Line($"for (var k = 0; k < v.Count; k++) global::ContractFirst.Validation.SchemaChecks.Enum(context, {field} + \"[\" + k.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", {Rt}Invariant(v[k]), {values});");
            }
            else
            {
                w.Line($"global::ContractFirst.Validation.SchemaChecks.Enum(context, {field}, {Rt}Invariant(v), {values});");
            }
        }
    }

    private static void Append(SourceWriter w, SourceWriter body)
    {
        var text = body.ToString();
        if (text.Length == 0) return;
        foreach (var line in text.TrimEnd('\n').Split('\n')) w.Line(line);
    }

    private static bool IsScalar(TypeRef type) => type.Kind is TypeKind.Primitive or TypeKind.Enum;

    /// <summary>A condition that parses <paramref name="text"/> into a new variable <paramref name="v"/>.</summary>
    private static string TryParse(ServerTypes types, TypeRef type, string text, string v) => type.Kind switch
    {
        TypeKind.Primitive => $"{Rt}TryParse({text}, out {type.Name} {v})",
        TypeKind.Enum when type.Primitive == PrimitiveKind.Int64 => $"{Rt}TryParseIntEnum({text}, out {types.Qualified(type)} {v})",
        TypeKind.Enum => $"{Rt}TryParseEnum({text}, out {types.Qualified(type)} {v})",
        // Objects, maps, arrays of non-scalars and untyped values: the parameter's text is JSON (OpenAPI "content" parameters).
        _ => $"{Rt}TryParseJson({text}, {types.TypeInfo(type)}, out {types.Qualified(type)} {v})",
    };

    private static string Expectation(TypeRef type) => type.Kind switch
    {
        TypeKind.Primitive => type.Primitive switch
        {
            PrimitiveKind.Boolean => "must be true or false",
            PrimitiveKind.Int32 => "must be an integer (32-bit)",
            PrimitiveKind.Int64 => "must be an integer (64-bit)",
            PrimitiveKind.Float or PrimitiveKind.Double or PrimitiveKind.Decimal => "must be a number",
            PrimitiveKind.Guid => "must be a UUID",
            PrimitiveKind.DateTimeOffset => "must be a date-time (RFC 3339)",
            PrimitiveKind.DateOnly => "must be a date (yyyy-MM-dd)",
            PrimitiveKind.TimeSpan => "must be a duration",
            PrimitiveKind.Uri => "must be a URI",
            PrimitiveKind.Bytes => "must be base64",
            _ => "must be a string",
        },
        TypeKind.Enum when type.Primitive == PrimitiveKind.Int64 => "must be an integer",
        TypeKind.Enum => "must be a string",
        _ => "must be JSON of the declared schema",
    };

    private static string Bool(bool value) => value ? "true" : "false";

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
