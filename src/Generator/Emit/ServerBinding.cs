using System.Globalization;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>C# spellings of a spec's types in server code: always qualified, because result types nested in the interface could shadow a model.</summary>
internal sealed class ServerTypes
{
    private readonly SpecModel _spec;
    private readonly TypeIndex _index;

    public ServerTypes(SpecModel spec)
    {
        _spec = spec;
        _index = new TypeIndex(spec);
    }

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

    /// <summary>The spec's validation schemas class, fully qualified.</summary>
    public string SchemasClass => $"global::{_spec.Namespace}.{_spec.SchemasClassName}";

    /// <summary>The C# type of a request body as the handler receives it.</summary>
    public string Body(RequestBodyModel body) => body.Kind switch
    {
        BodyKind.Json => Qualified(body.Type),
        BodyKind.Text => "string",
        BodyKind.OctetStream => "global::System.IO.Stream",
        BodyKind.FormUrlEncoded or BodyKind.Multipart => FormModel(body) is null ? "global::Microsoft.AspNetCore.Http.IFormCollection" : Qualified(body.Type),
        _ => Qualified(body.Type),
    };

    /// <summary>The object model that <paramref name="type"/> names, if it is one.</summary>
    public ObjectModel? ObjectOf(TypeRef type) => _index.Object(type);

    /// <summary>An object model that binding can create from named fields: not abstract, not a polymorphic base.</summary>
    public ObjectModel? Bindable(TypeRef type) => ObjectOf(type) is { IsAbstract: false, Discriminator: null } obj ? obj : null;

    /// <summary>The model that a form or multipart body binds into; null keeps the raw IFormCollection.</summary>
    public ObjectModel? FormModel(RequestBodyModel body) => body.Kind is BodyKind.FormUrlEncoded or BodyKind.Multipart ? Bindable(body.Type) : null;

    /// <summary>The model that an object query parameter (deepObject or form style) binds into.</summary>
    public ObjectModel? QueryModel(ParameterModel p) =>
        p.Location == ParameterLocation.Query && !p.IsContent && p.Style is ParameterStyle.DeepObject or ParameterStyle.Form && Bindable(p.Type) is { } obj
        && !(p.Schema is not null && obj.AcceptsAnyJson) // object keywords without type: object: any value, read from the text as one
            ? obj
            : null;

    /// <summary>The properties of an object and of its bases, bases first.</summary>
    public System.Collections.Generic.List<PropertyModel> AllProperties(ObjectModel obj) => _index.AllProperties(obj);

    public SpecModel Spec => _spec;
}

/// <summary>
/// Generated binding of parameters and bodies: raw text from the route, query, headers or cookies, parsed into the
/// declared type, then checked with the same generated checks as the models (<see cref="ModelEmitter.EmitValueChecks"/>).
/// Every failure is added to the <c>ValidationContext</c> named <c>context</c>; nothing throws.
/// </summary>
internal static class ServerBinding
{
    private const string Lib = ServerSupportEmitter.Namespace;
    private const string Rt = Lib + "ServerRuntime.";

    /// <summary>True when the endpoint needs the local <c>context</c> (the request's ValidationContext): checks or hand-written binding.</summary>
    public static bool NeedsContext(ServerOperation op) =>
        op.Parameters.Any(p => !IsLean(op, p) || HasChecks(p.Model))
        || op.Model.Body is { } body && (op.Types.FormModel(body) is not null || body.Kind == BodyKind.Json && body.Schema is null && body.Type.Kind != TypeKind.Model && Checks(body.Type, Model.Constraints.None, ImmutableEquatableArray<string>.Empty, "v", "\"\"").Length > 0);

    /// <summary>A parameter bound by one call of ServerRequest.Scalar or ServerRequest.Array (everything but object and map query parameters and label/matrix paths).</summary>
    private static bool IsLean(ServerOperation op, ServerParameter p)
    {
        var m = p.Model;
        return op.Types.QueryModel(m) is null && !IsMapQuery(m) && !(m.Location == ParameterLocation.Path && m.Style is ParameterStyle.Label or ParameterStyle.Matrix);
    }

    private static bool IsMapQuery(ParameterModel m) =>
        m.Location == ParameterLocation.Query && !m.IsContent && m.Type.Kind == TypeKind.Map && IsScalar(m.Type.Item!) && m.Style is ParameterStyle.DeepObject or ParameterStyle.Form;

    private static bool HasChecks(ParameterModel m) => m.Schema is not null || Checks(m.Type, m.Constraints, m.AllowedValues, "v", "\"\"").Length > 0;

    /// <summary>
    /// The checks of a parsed parameter named <paramref name="v"/>: against its schema (JSON Schema's meaning, as a body)
    /// when the model gave it one, else the typed checks, which are exact for it.
    /// </summary>
    private static string ParameterChecks(ServerTypes types, ParameterModel m, string v, string field) =>
        ParameterSchemaCheck.Statement(m, types.SchemasClass, m.Type.Kind == TypeKind.Model ? types.TypeInfo(m.Type) : "", v, "context", field) is { } statement
            ? statement + "\n"
            : Checks(m.Type, m.Constraints, m.AllowedValues, v, field);

    /// <summary>A query, header or cookie value that is one scalar (or any JSON value, read from its text as a number, a boolean or a string).</summary>
    private static bool IsScalarParameter(ParameterModel m, TypeRef type) => IsScalar(type) || (type.Kind == TypeKind.Any && !m.IsContent);

    public static void EmitParameter(SourceWriter w, ServerOperation op, ServerParameter p)
    {
        var m = p.Model;
        var types = op.Types;
        if (types.QueryModel(m) is { } queryModel)
        {
            EmitObjectQuery(w, op, p, queryModel);
            return;
        }

        if (IsMapQuery(m))
        {
            EmitMapQuery(w, op, p);
            return;
        }

        if (IsLean(op, p))
        {
            EmitLeanParameter(w, op, p);
            return;
        }

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
        var styled = EmitPathStyle(w, m, field);
        w.Open(styled ? "else if (raw.Count == 0)" : "if (raw.Count == 0)");
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
                ParameterLocation.Path when m.Style is ParameterStyle.Label or ParameterStyle.Matrix && m.Explode => (',', false), // split by PathStyle
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
            Append(w, ParameterChecks(types, m, "v", field));
            w.Close();
        }
        else
        {
            w.Line($"else if (raw.Count > 1) context.Add({field}, \"type\", \"must be given once\");");
            w.Open($"else if ({TryParse(types, m.Type, m.Location == ParameterLocation.Header ? "raw[0]!.Trim()" : "raw[0]!", "v")})");
            w.Line($"{p.Local} = v;");
            Append(w, ParameterChecks(types, m, "v", field));
            w.Close();
            w.Line($"else context.Add({field}, \"type\", {CSharp.StringLiteral(Expectation(m.Type))});");
        }

        w.Close();
    }

    /// <summary>
    /// One call of the shared binder, then the generated checks of the parameter's constraints, if any:
    /// <c>request.Scalar(ParameterSource.Path, "organizationId", ServerParsers.Uuid, true, out global::System.Guid arg_organizationId);</c>.
    /// </summary>
    private static void EmitLeanParameter(SourceWriter w, ServerOperation op, ServerParameter p)
    {
        var m = p.Model;
        var source = Lib + "ParameterSource." + m.Location switch
        {
            ParameterLocation.Path => "Path",
            ParameterLocation.Header => "Header",
            ParameterLocation.Cookie => "Cookie",
            _ => "Query",
        };
        var names = p.Key == m.WireName ? CSharp.StringLiteral(p.Key) : CSharp.StringLiteral(p.Key) + ", " + CSharp.StringLiteral(m.WireName);
        var field = CSharp.StringLiteral(m.WireName);
        var value = "v_" + p.Name.TrimStart('@');
        if (m.Type.Kind == TypeKind.Array && IsScalarParameter(m, m.Type.Item!))
        {
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
            var call = $"request.Array({source}, {names}, {Parser(op.Types, m.Type.Item!, m)}, {Bool(p.IsRequired)}, '{delimiter}', {Bool(split)}, out var {p.Local})";
            WithChecks(w, op.Types, call, m, p.Local, field);
            return;
        }

        var parse = $"request.Scalar({source}, {names}, {Parser(op.Types, m.Type, m)}, {Bool(p.IsRequired)}";
        if (p.IsRequired || !m.Type.IsValueType)
        {
            WithChecks(w, op.Types, $"{parse}, out {p.Type} {p.Local})", m, p.Local, field);
        }
        else if (!HasChecks(m))
        {
            w.Line($"{p.Type}? {p.Local} = {parse}, out {p.Type} {value}) ? {value} : null;");
        }
        else
        {
            w.Line($"{p.Type}? {p.Local} = null;");
            w.Open($"if ({parse}, out {p.Type} {value}))");
            w.Line($"{p.Local} = {value};");
            Append(w, ParameterChecks(op.Types, m, value, field));
            w.Close();
        }
    }

    private static void WithChecks(SourceWriter w, ServerTypes types, string call, ParameterModel m, string local, string field)
    {
        var checks = ParameterChecks(types, m, local, field);
        if (checks.Length == 0)
        {
            w.Line(call + ";");
            return;
        }

        w.Open($"if ({call})");
        Append(w, checks);
        w.Close();
    }

    /// <summary>The shared parser of a scalar type (or JSON text for anything else).</summary>
    private static string Parser(ServerTypes types, TypeRef type, ParameterModel m) => type.Kind switch
    {
        // A schema parameter of any JSON value: its text is a number, a boolean or a string (OpenAPI's serialization of a scalar).
        TypeKind.Any when !m.IsContent => Lib + "ServerParsers.Any",
        // Not content, not scalar: JSON text; a type the generated JSON options do not hold is a value that does not parse, not a 500.
        TypeKind.Map or TypeKind.Array when !m.IsContent => $"{Lib}ServerParsers.Json(static () => {types.TypeInfo(type)})",
        // A generated model or union for a schema parameter: its text is the scalar it stands for (a model may hold any value).
        TypeKind.Model when !m.IsContent && m.Schema is not null => $"{Lib}ServerParsers.Scalar(static () => {types.TypeInfo(type)})",
        TypeKind.Primitive => type.Primitive switch
        {
            PrimitiveKind.String => Lib + "ServerParsers.String",
            PrimitiveKind.Boolean => Lib + "ServerParsers.Boolean",
            PrimitiveKind.Int32 => Lib + "ServerParsers.Int32",
            PrimitiveKind.Int64 => Lib + "ServerParsers.Int64",
            PrimitiveKind.Float => Lib + "ServerParsers.Single",
            PrimitiveKind.Double => Lib + "ServerParsers.Double",
            PrimitiveKind.Decimal => Lib + "ServerParsers.Decimal",
            PrimitiveKind.Guid => Lib + "ServerParsers.Uuid",
            PrimitiveKind.DateTimeOffset => Lib + "ServerParsers.DateTime",
            PrimitiveKind.DateOnly => Lib + "ServerParsers.Date",
            PrimitiveKind.TimeSpan => Lib + "ServerParsers.Duration",
            PrimitiveKind.Uri => Lib + "ServerParsers.Uri",
            PrimitiveKind.Bytes => Lib + "ServerParsers.Bytes",
            _ => $"{Lib}ServerParsers.Json({types.TypeInfo(type)})",
        },
        TypeKind.Enum when type.Primitive == PrimitiveKind.Int64 => $"{Lib}ServerParsers.IntEnum<{types.Qualified(type)}>()",
        TypeKind.Enum => $"{Lib}ServerParsers.Enum<{types.Qualified(type)}>()",
        _ => $"{Lib}ServerParsers.Json({types.TypeInfo(type)})",
    };

    public static void EmitBody(SourceWriter w, ServerOperation op, RequestBodyModel body)
    {
        var types = op.Types;
        if (types.FormModel(body) is { } formModel)
        {
            EmitFormBody(w, op, body, formModel);
            return;
        }

        // The JSON is checked against the body's schema before it is bound: what no C# type can carry (unions, const,
        // type-less schemas) is checked too, and errors name the field by its JSON path.
        var mediaType = CSharp.StringLiteral(body.ContentType);
        var schema = body.Schema is { } root ? $"{types.SchemasClass}.{root}" : "null";
        var read = body.Kind switch
        {
            BodyKind.Text => $"request.TextAsync({mediaType}, {Bool(body.Required)}, limit)",
            BodyKind.OctetStream => $"request.StreamAsync({mediaType}, {Bool(body.Required)}, limit)",
            BodyKind.FormUrlEncoded or BodyKind.Multipart => $"request.FormAsync({mediaType}, {Bool(body.Required)}, limit)",
            _ => $"request.JsonAsync({types.TypeInfo(body.Type)}, {schema}, {mediaType}, {Bool(body.Required)}, limit)",
        };
        var isJson = body.Kind is not (BodyKind.Text or BodyKind.OctetStream or BodyKind.FormUrlEncoded or BodyKind.Multipart);
        if (isJson && body.Type.IsValueType)
        {
            w.Line($"var read = await {read}.ConfigureAwait(false);");
            w.Line($"{types.Body(body)}? body = read.HasValue ? read.Value : null;");
        }
        else
        {
            w.Line($"var body = (await {read}.ConfigureAwait(false)).Value;");
        }

        if (body.Kind == BodyKind.Json && body.Schema is null)
        {
            if (body.Type.Kind == TypeKind.Model)
            {
                w.Line("body?.Validate(request.Errors, \"\");");
            }
            else if (Checks(body.Type, Model.Constraints.None, ImmutableEquatableArray<string>.Empty, "v", "\"\"") is { Length: > 0 } checks)
            {
                w.Open("if (body is { } v)");
                Append(w, checks);
                w.Close();
            }
        }

    }

    // ---------------------------------------------------------------------------------------------------------------
    // Typed binding from named fields: form and multipart bodies, deepObject and form-style object query parameters.

    private const string Forms = ServerSupportEmitter.Namespace + "ServerForms.";
    private const string Vc = "global::ContractFirst.Validation.ValidationContext";

    /// <summary>The name of the generated binder of <paramref name="obj"/> (a static method of the extensions class).</summary>
    private static string BinderName(ObjectModel obj) => "Bind" + obj.Name + "Fields";

    /// <summary><c>label</c> and <c>matrix</c> path parameters: the prefix is removed (and exploded arrays split) before parsing.</summary>
    private static bool EmitPathStyle(SourceWriter w, ParameterModel m, string field)
    {
        if (m.Location != ParameterLocation.Path || m.Style is not (ParameterStyle.Label or ParameterStyle.Matrix)) return false;
        var prefix = m.Style == ParameterStyle.Label ? "." : ";" + m.WireName + "=";
        var isArray = m.Type.Kind == TypeKind.Array;
        var separator = isArray && m.Explode ? CSharp.StringLiteral(prefix) : "null";
        var expected = m.Style == ParameterStyle.Label
            ? (isArray ? (m.Explode ? "must be in label style (.a.b)" : "must be in label style (.a,b)") : "must be in label style (.value)")
            : (isArray ? (m.Explode ? $"must be in matrix style (;{m.WireName}=a;{m.WireName}=b)" : $"must be in matrix style (;{m.WireName}=a,b)") : $"must be in matrix style (;{m.WireName}=value)");
        w.Line($"if (!{Forms}PathStyle(ref raw, {CSharp.StringLiteral(prefix)}, {separator})) context.Add({field}, \"style\", {CSharp.StringLiteral(expected)});");
        return true;
    }

    private static void EmitFormBody(SourceWriter w, ServerOperation op, RequestBodyModel body, ObjectModel obj)
    {
        var types = op.Types;
        var mediaType = CSharp.StringLiteral(body.ContentType);
        w.Line($"{types.Qualified(body.Type)}? body = default;");
        w.Line($"var read = await request.FormAsync({mediaType}, {Bool(body.Required)}, limit).ConfigureAwait(false);");
        w.Open("if (read.HasValue)");
        w.Line($"var binding = new {Vc}();");
        if (!obj.AllowsUnknownProperties && obj.AdditionalProperties is null)
        {
            var known = types.AllProperties(obj).Where(p => !p.ReadOnly).Select(p => CSharp.StringLiteral(p.WireName));
            w.Line($"{Forms}Unknown(read.Value!, new string[] {{ {string.Join(", ", known)} }}, binding);");
        }

        w.Line($"var value = {BinderName(obj)}(new {ServerSupportEmitter.Namespace}ServerFormFields(read.Value!), binding, \"\");");
        w.Line($"{Forms}Validate(context, binding, value, \"\");");
        w.Line("body = value;");
        w.Close();
    }

    /// <summary>
    /// A map of scalars in the query, as the client sends it: <c>name[key]=value</c> (deepObject), <c>key=value</c> for
    /// every key that is not another parameter of the operation (form, exploded), or <c>name=k1,v1,k2,v2</c> (form).
    /// </summary>
    private static void EmitMapQuery(SourceWriter w, ServerOperation op, ServerParameter p)
    {
        var m = p.Model;
        var types = op.Types;
        var item = m.Type.Item!;
        var field = CSharp.StringLiteral(m.WireName);
        w.Line($"{p.Type}{(p.IsRequired ? "" : "?")} {p.Local} = default{(p.IsRequired ? "!" : "")};");
        w.Line("{").Indent();
        if (m.Style == ParameterStyle.DeepObject)
        {
            w.Line($"var entries = {Forms}DeepEntries(httpContext.Request.Query, {field});");
        }
        else if (m.Explode)
        {
            var others = op.Model.Parameters.Where(x => x.Location == ParameterLocation.Query && !ReferenceEquals(x, m)).Select(x => CSharp.StringLiteral(x.WireName));
            w.Line($"var entries = {Forms}OtherEntries(httpContext.Request.Query, new string[] {{ {string.Join(", ", others)} }});");
        }
        else
        {
            EmitPairEntries(w, field);
        }

        var pairs = m.Style != ParameterStyle.DeepObject && !m.Explode;
        w.Open(pairs ? "if (entries is not null)" : "if (entries.Count > 0)");
        w.Line($"var map = new {types.Concrete(m.Type)}(entries.Count, global::System.StringComparer.Ordinal);");
        w.Open("foreach (var entry in entries)");
        w.Line($"if (map.ContainsKey(entry.Key)) context.Add({field} + \".\" + entry.Key, \"type\", \"must be given once\");");
        w.Line($"else if ({TryParse(types, item, "entry.Value", "item")}) map.Add(entry.Key, item);");
        w.Line($"else context.Add({field} + \".\" + entry.Key, \"type\", {CSharp.StringLiteral(Expectation(item))});");
        w.Close();
        w.Line($"{p.Local} = map;");
        w.Line("var v = map;");
        EmitChecks(w, m.Type, m.Constraints, m.AllowedValues, field);
        w.Close();
        if (p.IsRequired) w.Line($"{(pairs ? "else if (raw.Count == 0)" : "else")} context.Add({field}, \"required\", \"is required\");");
        w.Close();
    }

    /// <summary>A <c>form</c> query parameter that is not exploded, <c>name=k1,v1,k2,v2</c>: <c>raw</c> and its <c>entries</c> (null when not pairs).</summary>
    private static void EmitPairEntries(SourceWriter w, string field)
    {
        w.Line($"var raw = {Rt}Query(httpContext, {field});");
        w.Line($"if (raw.Count > 1) context.Add({field}, \"type\", \"must be given once\");");
        w.Line($"var entries = raw.Count == 1 ? {Forms}PairEntries(raw[0] ?? \"\") : null;");
        w.Line($"if (entries is null && raw.Count == 1) context.Add({field}, \"style\", \"must be comma-separated name,value pairs\");");
    }

    private static void EmitObjectQuery(SourceWriter w, ServerOperation op, ServerParameter p, ObjectModel obj)
    {
        var m = p.Model;
        var field = CSharp.StringLiteral(m.WireName);
        var fields = ServerSupportEmitter.Namespace;
        w.Line($"{p.Type}{(p.IsRequired ? "" : "?")} {p.Local} = default{(p.IsRequired ? "!" : "")};");
        w.Line("{").Indent();
        string source, path;
        if (m.Style == ParameterStyle.DeepObject)
        {
            w.Open($"if ({Forms}AnyDeepKey(httpContext.Request.Query, {field}))");
            source = $"new {fields}ServerQueryFields(httpContext.Request.Query, {field})";
            path = CSharp.StringLiteral(m.WireName + ".");
        }
        else if (m.Explode)
        {
            var names = op.Types.AllProperties(obj).Where(x => !x.ReadOnly).Select(x => CSharp.StringLiteral(x.WireName));
            w.Open($"if ({Forms}AnyKey(httpContext.Request.Query, new string[] {{ {string.Join(", ", names)} }}))");
            source = $"new {fields}ServerQueryFields(httpContext.Request.Query, null)";
            path = "\"\"";
        }
        else
        {
            EmitPairEntries(w, field);
            w.Open("if (entries is not null)");
            source = $"new {fields}ServerPairFields(entries)";
            path = CSharp.StringLiteral(m.WireName + ".");
        }

        w.Line($"var binding = new {Vc}();");
        w.Line($"var value = {BinderName(obj)}({source}, binding, {path});");
        w.Line($"{Forms}Validate(context, binding, value, {path});");
        w.Line($"{p.Local} = value;");
        w.Close();
        if (m.Style != ParameterStyle.DeepObject && !m.Explode)
        {
            if (p.IsRequired) w.Line($"else if (raw.Count == 0) context.Add({field}, \"required\", \"is required\");");
        }
        else if (p.IsRequired)
        {
            w.Line($"else context.Add({field}, \"required\", \"is required\");");
        }

        w.Close();
    }

    /// <summary>One binder per model that a form body or an object query parameter of <paramref name="operations"/> binds into.</summary>
    public static void EmitBinders(SourceWriter w, System.Collections.Generic.List<ServerOperation> operations)
    {
        var done = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var op in operations)
        {
            var models = op.Parameters.Select(p => op.Types.QueryModel(p.Model)).ToList();
            if (op.Model.Body is { } body) models.Add(op.Types.FormModel(body));
            foreach (var obj in models)
            {
                if (obj is not null && done.Add(obj.Name)) EmitBinder(w, op.Types, obj);
            }
        }
    }

    /// <summary>
    /// Reads each property from its named field(s): scalars once, arrays of scalars as repeated fields (form encoding's
    /// default, explode), binary properties from files, anything else as JSON text. Each error names the field; a
    /// required property that is absent is an error here unless the model's Validate reports it.
    /// </summary>
    private static void EmitBinder(SourceWriter w, ServerTypes types, ObjectModel obj)
    {
        var qualified = types.Qualified(new TypeRef(TypeKind.Model, obj.Name));
        w.Line($"private static {qualified} {BinderName(obj)}({ServerSupportEmitter.Namespace}ServerFields fields, {Vc} context, string path)");
        w.Line("{").Indent();
        var properties = types.AllProperties(obj).Where(x => !x.ReadOnly).ToList();
        var init = new System.Collections.Generic.List<string>();
        var later = new System.Collections.Generic.List<string>();
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var f = "f" + Invariant(i);
            var h = "h" + Invariant(i);
            var type = p.Type;
            var local = types.Qualified(type) + (p.IsCSharpNullable ? "?" : "");
            var wire = CSharp.StringLiteral(p.WireName);
            var field = "path + " + wire;
            w.Line($"{local} {f} = default{(!p.IsCSharpNullable && !type.IsValueType ? "!" : "")};");
            w.Line($"var {h} = false;");
            w.Line("{").Indent();
            if (type.Kind == TypeKind.Primitive && type.Primitive == PrimitiveKind.Stream)
            {
                w.Line($"var stream = {Forms}Stream(fields, {wire}, out var count);");
                w.Line($"if (count > 1) context.Add({field}, \"type\", \"must be given once\");");
                w.Line($"else if (stream is not null) {{ {f} = stream; {h} = true; }}");
            }
            else if (type.Kind == TypeKind.Primitive && type.Primitive == PrimitiveKind.Bytes)
            {
                w.Line($"if (!{Forms}TryBytes(fields, {wire}, out var bytes, out var present)) context.Add({field}, \"type\", \"must be one file or base64 text\");");
                w.Line($"else if (present) {{ {f} = bytes!; {h} = true; }}");
            }
            else if (IsScalar(type))
            {
                w.Line($"var raw = fields.Get({wire});");
                w.Line($"if (raw.Count > 1) context.Add({field}, \"type\", \"must be given once\");");
                w.Line($"else if (raw.Count == 1 && {TryParse(types, type, "raw[0] ?? \"\"", "v")}) {{ {f} = v; {h} = true; }}");
                w.Line($"else if (raw.Count == 1) context.Add({field}, \"type\", {CSharp.StringLiteral(Expectation(type))});");
            }
            else if (type.Kind == TypeKind.Array && type.Item!.Kind == TypeKind.Primitive && type.Item.Primitive == PrimitiveKind.Stream)
            {
                w.Line($"var streams = {Forms}Streams(fields, {wire});");
                w.Line($"if (streams is not null) {{ {f} = streams; {h} = true; }}");
            }
            else if (type.Kind == TypeKind.Array && IsScalar(type.Item!) && type.Item!.Primitive != PrimitiveKind.Bytes)
            {
                var item = type.Item!;
                w.Line($"var raw = fields.Get({wire});");
                w.Open("if (raw.Count > 0)");
                w.Line($"var list = new {types.Concrete(type)}(raw.Count);");
                w.Line("var ok = true;");
                w.Open("for (var n = 0; n < raw.Count; n++)");
                w.Line($"if ({TryParse(types, item, "raw[n] ?? \"\"", "item")}) list.Add(item);");
                w.Line($"else {{ ok = false; context.Add({field} + \"[\" + n.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", \"type\", {CSharp.StringLiteral(Expectation(item))}); }}");
                w.Close();
                w.Line($"if (ok) {{ {f} = list; {h} = true; }}");
                w.Close();
            }
            else
            {
                // Objects, maps, arrays of objects and untyped values: the field's text is JSON (as the client sends it).
                w.Line($"var raw = fields.Get({wire});");
                w.Line($"if (raw.Count > 1) context.Add({field}, \"type\", \"must be given once\");");
                w.Line($"else if (raw.Count == 1 && {Forms}TryJson(raw[0] ?? \"\", {types.TypeInfo(type)}, context, {field}, out {types.Qualified(type)} v)) {{ {f} = v; {h} = true; }}");
            }

            w.Close();
            var validateReportsMissing = p.Required && !p.Nullable && !type.IsValueType;
            if (p.Required && !validateReportsMissing) w.Line($"if (!{h} && !{Forms}Present(fields, {wire})) context.Add({field}, \"required\", \"is required\");");
            if (p.UsesRequiredKeyword) init.Add($"{p.Name} = {f}");
            else later.Add($"if ({h}) result.{p.Name} = {f};");
        }

        w.Line($"var result = new {qualified} {{ {string.Join(", ", init)} }};");
        foreach (var line in later) w.Line(line);
        w.Line("return result;");
        w.Close();
        w.Line();
    }

    /// <summary>The generated checks of a value named <paramref name="v"/> (its constraints and allowed values), as text; empty when there are none.</summary>
    private static string Checks(TypeRef type, Model.Constraints constraints, ImmutableEquatableArray<string> allowed, string v, string field)
    {
        var checks = new SourceWriter();
        ModelEmitter.EmitValueChecks(checks, type, constraints, v, field, 0);
        if (allowed.Count > 0)
        {
            var values = "new[] { " + string.Join(", ", allowed.Select(CSharp.StringLiteral)) + " }";
            checks.Line(type.Kind == TypeKind.Array
                ? $"for (var k = 0; k < {v}.Count; k++) global::ContractFirst.Validation.SchemaChecks.Enum(context, \"\", {field} + \"[\" + k.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", {Rt}Invariant({v}[k]), {values});"
                : $"global::ContractFirst.Validation.SchemaChecks.Enum(context, \"\", {field}, {Rt}Invariant({v}), {values});");
        }

        return checks.ToString();
    }

    private static void Append(SourceWriter w, string text)
    {
        if (text.Length == 0) return;
        foreach (var line in text.TrimEnd('\n').Split('\n')) w.Line(line);
    }

    private static void EmitChecks(SourceWriter w, TypeRef type, Model.Constraints constraints, ImmutableEquatableArray<string> allowed, string field) =>
        Append(w, Checks(type, constraints, allowed, "v", field));

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
