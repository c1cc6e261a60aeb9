using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits reflection-free JSON for a spec: one <c>JsonConverter&lt;T&gt;</c> per generated type, reading and writing with
/// <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c> directly, and <c>{ClientName}Json.Options</c> with a resolver that hands
/// those converters to System.Text.Json. Nothing here needs reflection, so it is trim- and AOT-safe.
/// (System.Text.Json's own source generator cannot see generated types: generators do not see each other's output.)
/// </summary>
internal sealed class JsonEmitter
{
    /// <summary>The alias of <c>System.Text.Json</c> in the JSON file, unless the spec has a type of that name.</summary>
    internal const string StjAlias = "Stj";

    private readonly string Stj;
    private readonly string Meta;
    private const string Wire = "global::ContractFirst.Json.JsonWire.";

    private readonly SpecModel _spec;
    private readonly TypeIndex _types;
    private readonly Dictionary<string, string> _converterFields = new(System.StringComparer.Ordinal);
    private readonly List<(string Field, string CSharpType, string Expression)> _fields = new();

    public JsonEmitter(SpecModel spec)
    {
        _spec = spec;
        _types = new TypeIndex(spec);
        UsesAlias = !_types.Contains(StjAlias) && spec.ClientName != StjAlias;
        Stj = UsesAlias ? StjAlias + "." : "global::System.Text.Json.";
        Meta = Stj + "Serialization.Metadata.JsonMetadataServices.";
    }

    /// <summary>True when the file declares <c>using Stj = global::System.Text.Json;</c> (the names are shorter).</summary>
    private bool UsesAlias { get; }

    public string JsonClassName => _spec.ClientName + "Json";

    /// <summary>Types whose converter could not be written (a bug): reported, and left out of the resolver.</summary>
    public List<(string TypeName, System.Exception Error)> Failures { get; } = new();

    public string Emit()
    {
        var body = new System.Text.StringBuilder();
        foreach (var type in _spec.Types)
        {
            // One converter per type, written aside: a type that fails costs its converter only (see Failures).
            var converter = new SourceWriter();
            converter.Indent();
            try
            {
                switch (type)
                {
                    case ObjectModel obj:
                        EmitObjectConverter(converter, obj);
                        break;
                    case UnionModel union:
                        EmitUnionConverter(converter, union);
                        break;
                    case EnumModel e:
                        Converter(new TypeRef(TypeKind.Enum, e.Name));
                        break;
                }
            }
            catch (System.Exception ex) when (ex is not System.OperationCanceledException)
            {
                Failures.Add((type.Name, ex));
                continue;
            }

            body.Append(converter.ToString());
        }

        // Every body and response type gets a converter, so that the client and server can ask for it.
        foreach (var op in _spec.Operations)
        {
            if (op.Body?.Type is { } bodyType && bodyType.Primitive != PrimitiveKind.Stream) Converter(bodyType);
            foreach (var response in op.Responses)
            {
                if (response.Type is { } rt && rt.Primitive != PrimitiveKind.Stream) Converter(rt);
            }
        }

        var w = SourceWriter.ForFile(_spec.Namespace);
        if (UsesAlias)
        {
            w.Line($"using {StjAlias} = global::System.Text.Json;");
            w.Line();
        }

        w.Summary($"Reflection-free JSON for the models of {CSharp.DocLines(_spec.FileName)[0]}.");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"ContractFirst\", \"" + GeneratorInfo.Version + "\")]");
        w.Open($"public static partial class {JsonClassName}");
        w.Line("/// <summary>Serializes and deserializes every generated model, with reflection switched off.</summary>");
        w.Line($"public static {Stj}JsonSerializerOptions Options {{ get; }} = global::ContractFirst.Json.ContractFirstJson.CreateOptions(new Resolver());");
        w.Line();
        w.Line("/// <summary>The type info of <typeparamref name=\"T\"/> in <see cref=\"Options\"/>.</summary>");
        w.Line($"public static {Stj}Serialization.Metadata.JsonTypeInfo<T> TypeInfo<T>() => ({Stj}Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));");
        w.Line();
        w.NullableOff();
        w.Open($"private sealed class Resolver : {Stj}Serialization.Metadata.IJsonTypeInfoResolver");
        w.Open($"public {Stj}Serialization.Metadata.JsonTypeInfo GetTypeInfo(global::System.Type type, {Stj}JsonSerializerOptions options)");
        foreach (var (field, csType, _) in _fields)
        {
            w.Line($"if (type == typeof({csType})) return Info(options, Converters.{field});");
        }

        foreach (var type in _spec.Types.Where(t => t is not EnumModel && !Failures.Any(f => f.TypeName == t.Name)))
        {
            w.Line($"if (type == typeof({type.Name})) return Info(options, {type.Name}Converter.Instance);");
        }

        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line($"private static {Stj}Serialization.Metadata.JsonTypeInfo<T> Info<T>({Stj}JsonSerializerOptions options, {Stj}Serialization.JsonConverter<T> converter) => {Meta}CreateValueInfo<T>(options, converter);");
        w.Close();
        w.Line();
        w.Line("/// <summary>Converters for collections, enums and primitives, shared by the model converters.</summary>");
        w.Open("internal static class Converters");
        foreach (var (field, csType, expression) in _fields)
        {
            w.Line($"public static readonly {Stj}Serialization.JsonConverter<{csType}> {field} = {expression};");
        }

        w.Close();
        w.Line();
        foreach (var line in body.ToString().TrimEnd('\n').Split('\n')) w.Line(line.Length >= 4 ? line.Substring(4) : line);
        w.Close();
        return w.ToString();
    }

    /// <summary>An expression for the converter of <paramref name="type"/> (not nullable).</summary>
    private string Converter(TypeRef type)
    {
        switch (type.Kind)
        {
            case TypeKind.Model:
                return type.Name + "Converter.Instance";
            case TypeKind.Any:
                return Meta + "JsonElementConverter";
            case TypeKind.Primitive:
                return type.Primitive switch
                {
                    PrimitiveKind.String => Meta + "StringConverter!",
                    PrimitiveKind.Boolean => Meta + "BooleanConverter",
                    PrimitiveKind.Int32 => "global::ContractFirst.Json.IntegerJsonConverter.Int32",
                    PrimitiveKind.Int64 => "global::ContractFirst.Json.IntegerJsonConverter.Int64",
                    PrimitiveKind.Float => Meta + "SingleConverter",
                    PrimitiveKind.Double => Meta + "DoubleConverter",
                    PrimitiveKind.Decimal => Meta + "DecimalConverter",
                    PrimitiveKind.Guid => Meta + "GuidConverter",
                    PrimitiveKind.DateTimeOffset => Meta + "DateTimeOffsetConverter",
                    PrimitiveKind.DateOnly => Meta + "DateOnlyConverter",
                    PrimitiveKind.TimeSpan => Meta + "TimeSpanConverter",
                    PrimitiveKind.Uri => Meta + "UriConverter!",
                    PrimitiveKind.Bytes => Meta + "ByteArrayConverter!",
                    PrimitiveKind.Stream => "global::ContractFirst.Json.Base64StreamJsonConverter.Instance",
                    _ => Meta + "JsonElementConverter",
                };
        }

        var key = type.CSharpType;
        if (_converterFields.TryGetValue(key, out var existing)) return "Converters." + existing;
        string expression = type.Kind switch
        {
            TypeKind.Enum => ((EnumModel)_types.Find(type.Name)!).IsInteger
                ? $"global::ContractFirst.Json.OpenIntEnumJsonConverter<{type.Name}>.Instance"
                : $"global::ContractFirst.Json.OpenEnumJsonConverter<{type.Name}>.Instance",
            TypeKind.Array => $"new global::ContractFirst.Json.JsonListConverter<{type.Item!.CSharpType}>({Converter(type.Item!)})",
            TypeKind.Map => $"new global::ContractFirst.Json.JsonMapConverter<{type.Item!.CSharpType}>({Converter(type.Item!)})",
            _ => Meta + "JsonElementConverter",
        };
        var field = "C" + _fields.Count.ToString(CultureInfo.InvariantCulture);
        _fields.Add((field, key, expression));
        _converterFields[key] = field;
        return "Converters." + field;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private ObjectModel Root(ObjectModel obj)
    {
        return _types.Chain(obj)[0];
    }

    /// <summary>The discriminator value that a base type maps to this type, if any.</summary>
    private (string Property, string Value)? DiscriminatorOf(ObjectModel obj)
    {
        var chain = _types.Chain(obj);
        for (var i = chain.Count - 2; i >= 0; i--)
        {
            var parent = chain[i];
            if (parent.Discriminator?.Mappings.FirstOrDefault(m => m.TypeName == obj.Name) is { } mapping) return (parent.Discriminator.PropertyName, mapping.Value);
        }

        return null;
    }

    private void EmitObjectConverter(SourceWriter w, ObjectModel obj)
    {
        var properties = _types.AllProperties(obj);
        var root = Root(obj);
        var extraType = root.AdditionalProperties ?? TypeRef.Any;
        var extraConverter = Converter(extraType);
        // Only types that derive from this one can be returned as it (a mapping to any other type is left out).
        var dispatch = obj.Discriminator?.Mappings.Where(m => m.TypeName != obj.Name && _types.Object(m.TypeName) is { } target && _types.Chain(target).Contains(obj)).ToList() ?? new List<DiscriminatorMapping>();
        var ownDiscriminator = DiscriminatorOf(obj);
        var closed = !root.AllowsUnknownProperties && root.AdditionalProperties is null;
        var requiredIndexes = Enumerable.Range(0, properties.Count).Where(i => properties[i].Required && !properties[i].ReadOnly && !properties[i].WriteOnly).ToList();
        var required = requiredIndexes.Count == 0 ? "null" : "new[] { " + string.Join(", ", requiredIndexes.Select(i => i.ToString(CultureInfo.InvariantCulture))) + " }";

        // The loop, names, required and additional properties are the runtime's (ObjectConverter); this says only which
        // member each property goes to and from, one helper call each.
        w.Line($"/// <summary>Reads and writes <see cref=\"{obj.Name}\"/>.</summary>");
        var names = string.Concat(properties.Select(p => ", " + CSharp.StringLiteral(p.WireName)));
        var baseType = extraType.Kind == TypeKind.Any
            ? $"global::ContractFirst.Json.ObjectConverter<{obj.Name}>({CSharp.StringLiteral(obj.Name)}, "
            : $"global::ContractFirst.Json.ObjectConverter<{obj.Name}, {extraType.CSharpType}>({CSharp.StringLiteral(obj.Name)}, {extraConverter}, ";
        w.Line($"internal sealed class {obj.Name}Converter() : {baseType}{(closed ? "true" : "false")}, {required}{names})");
        w.Line("{");
        w.Indent();
        w.Line($"public static readonly {obj.Name}Converter Instance = new();");
        if (obj.AcceptsAnyJson)
        {
            w.Line();
            w.Line("/// <summary>JSON null is a value this schema allows: it is read into NonObjectValue.</summary>");
            w.Line("public override bool HandleNull => true;");
        }

        if (!obj.IsAbstract)
        {
            var requiredMembers = properties.Where(p => p.UsesRequiredKeyword).Select(p => $"{p.Name} = default!").ToList();
            w.Line();
            w.Line($"protected override {obj.Name} Create() => new(){(requiredMembers.Count == 0 ? "" : " { " + string.Join(", ", requiredMembers) + " }")};");
        }

        if (obj.AcceptsAnyJson || dispatch.Count > 0 || obj.IsAbstract)
        {
            w.Line();
            w.Open($"public override {obj.Name} Read(ref {Stj}Utf8JsonReader reader, global::System.Type typeToConvert, {Stj}JsonSerializerOptions options)");
            if (obj.AcceptsAnyJson)
            {
                var requiredMembers = properties.Where(p => p.UsesRequiredKeyword).Select(p => $"{p.Name} = default!, ");
                w.Line($"if (reader.TokenType != {Stj}JsonTokenType.StartObject) return new {obj.Name} {{ {string.Concat(requiredMembers)}NonObjectValue = {Stj}JsonElement.ParseValue(ref reader) }};");
            }

            if (dispatch.Count > 0 && obj.Discriminator is { } disc)
            {
                w.Line($"if (reader.TokenType == {Stj}JsonTokenType.StartObject)");
                w.Line("{");
                w.Indent();
                w.Open($"switch ({Wire}PeekString(reader, {CSharp.StringLiteral(disc.PropertyName)}))");
                foreach (var mapping in dispatch)
                {
                    w.Line($"case {CSharp.StringLiteral(mapping.Value)}: return {mapping.TypeName}Converter.Instance.Read(ref reader, typeof({mapping.TypeName}), options);");
                }

                w.Close();
                w.Outdent();
                w.Line("}");
                w.Line();
            }

            if (obj.IsAbstract)
            {
                var known = obj.Discriminator is null ? "" : string.Join(", ", obj.Discriminator.Mappings.Select(m => m.Value));
                w.Line($"throw {Wire}UnknownDiscriminator(ref reader, {CSharp.StringLiteral(obj.Name)}, {CSharp.StringLiteral(obj.Discriminator?.PropertyName ?? "")}, {CSharp.StringLiteral(known)});");
            }
            else
            {
                w.Line("return base.Read(ref reader, typeToConvert, options);");
            }

            w.Close();
        }

        if (properties.Count > 0)
        {
            w.Line();
            w.Open($"protected override void ReadProperty(ref {Stj}Utf8JsonReader reader, {obj.Name} value, int index, {Stj}JsonSerializerOptions options)");
            w.Open("switch (index)");
            for (var i = 0; i < properties.Count; i++)
            {
                var p = properties[i];
                var converter = PropertyConverter(p.Type);
                string read;
                if (p.IsCSharpNullable) read = $"{(p.Type.IsValueType ? "OptV" : "Opt")}(ref reader, {converter}, options)";
                else if (p.Type.Kind == TypeKind.Model && _types.Object(p.Type.Name) is { AcceptsAnyJson: true }) read = $"Any(ref reader, {converter}, options)"; // null is a value this schema allows: its converter keeps it
                else read = $"Req(ref reader, {converter}, options)";
                w.Line($"case {i.ToString(CultureInfo.InvariantCulture)}: value.{p.Name} = {read}; break;");
            }

            w.Close();
            w.Close();
        }

        if (dispatch.Count > 0 || obj.AcceptsAnyJson)
        {
            w.Line();
            w.Open($"public override void Write({Stj}Utf8JsonWriter writer, {obj.Name} value, {Stj}JsonSerializerOptions options)");
            if (dispatch.Count > 0)
            {
                w.Open("switch (value)");
                foreach (var mapping in dispatch.GroupBy(m => m.TypeName).Select(g => g.First()))
                {
                    w.Line($"case {mapping.TypeName} derived: {mapping.TypeName}Converter.Instance.Write(writer, derived, options); return;");
                }

                w.Close();
            }

            if (obj.AcceptsAnyJson)
            {
                w.Open("if (value.NonObjectValue is { } nonObject)");
                w.Line("nonObject.WriteTo(writer);");
                w.Line("return;");
                w.Close();
            }

            w.Line("base.Write(writer, value, options);");
            w.Close();
        }

        var writeDiscriminator = ownDiscriminator is { } od && properties.All(p => p.WireName != od.Property);
        if (properties.Count > 0 || writeDiscriminator)
        {
            w.Line();
            w.Open($"protected override void WriteProperties({Stj}Utf8JsonWriter writer, {obj.Name} value, {Stj}JsonSerializerOptions options)");
            if (writeDiscriminator) w.Line($"writer.WriteString({CSharp.StringLiteral(ownDiscriminator!.Value.Property)}, {CSharp.StringLiteral(ownDiscriminator.Value.Value)});");
            var owners = new List<(ObjectModel Owner, int Slot)>(properties.Count);
            foreach (var owner in _types.Chain(obj))
            {
                foreach (var slot in ModelEmitter.PresenceSlots(owner)) owners.Add((owner, slot));
            }

            for (var i = 0; i < properties.Count; i++)
            {
                var p = properties[i];
                // Set properties are written, null included where the schema allows null (a PATCH can clear a value);
                // null is never written for a property whose schema does not allow it.
                var skipNull = !p.UsesRequiredKeyword && p.IsCSharpNullable && !p.Nullable;
                var helper = (skipNull ? "PutSome" : "Put") + (p.IsCSharpNullable && p.Type.IsValueType ? "V" : "");
                var call = $"{helper}(writer, {i.ToString(CultureInfo.InvariantCulture)}, value.{p.Name}, {PropertyConverter(p.Type)}, options);";
                w.Line(owners[i].Slot < 0 ? call : $"if ({ModelEmitter.IsSet("value", owners[i].Owner, owners[i].Slot)}) {call}");
            }

            w.Close();
        }

        w.Outdent();
        w.Line("}");
        w.Line();
    }

    /// <summary>
    /// The converter of a property's type inside a model converter, where the primitives' converters have short names
    /// (inherited from ObjectConverter).
    /// </summary>
    private string PropertyConverter(TypeRef type)
    {
        if (type.Kind == TypeKind.Any) return "Element";
        if (type.Kind != TypeKind.Primitive) return Converter(type);
        return type.Primitive switch
        {
            PrimitiveKind.String => "String",
            PrimitiveKind.Boolean => "Boolean",
            PrimitiveKind.Int32 => "Int32",
            PrimitiveKind.Int64 => "Int64",
            PrimitiveKind.Float => "Single",
            PrimitiveKind.Double => "Double",
            PrimitiveKind.Decimal => "Decimal",
            PrimitiveKind.Guid => "Guid",
            PrimitiveKind.DateTimeOffset => "DateTimeOffset",
            PrimitiveKind.DateOnly => "DateOnly",
            PrimitiveKind.TimeSpan => "TimeSpan",
            PrimitiveKind.Uri => "Uri",
            PrimitiveKind.Bytes => "Bytes",
            PrimitiveKind.Stream => "Stream",
            _ => Converter(type),
        };
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void EmitUnionConverter(SourceWriter w, UnionModel u)
    {
        w.Line($"/// <summary>Reads and writes <see cref=\"{u.Name}\"/>: the first branch that reads wins.</summary>");
        w.Open($"internal sealed class {u.Name}Converter : {Stj}Serialization.JsonConverter<{u.Name}>");
        w.Line($"public static readonly {u.Name}Converter Instance = new();");
        w.Line();
        w.Open($"public override {u.Name} Read(ref {Stj}Utf8JsonReader reader, global::System.Type typeToConvert, {Stj}JsonSerializerOptions options)");
        w.Line($"var element = {Stj}JsonElement.ParseValue(ref reader);");
        var cases = new List<string>();
        foreach (var mapping in u.Discriminator?.Mappings ?? ImmutableEquatableArray<DiscriminatorMapping>.Empty)
        {
            var variant = u.Variants.FirstOrDefault(v => v.Type.Kind == TypeKind.Model && v.Type.Name == mapping.TypeName);
            if (variant is null) continue;
            cases.Add($"case {CSharp.StringLiteral(mapping.Value)}: return new {u.Name} {{ {variant.PropertyName} = {Wire}ReadElement(element, {Converter(variant.Type)}, options) }};");
        }

        // No case, no switch (an empty switch block is warning CS1522).
        if (cases.Count > 0)
        {
            w.Open($"switch ({Wire}DiscriminatorOf(element, {CSharp.StringLiteral(u.Discriminator!.PropertyName)}))");
            foreach (var line in cases) w.Line(line);
            w.Close();
        }

        var index = 0;
        foreach (var variant in u.Variants)
        {
            var local = "b" + index++.ToString(CultureInfo.InvariantCulture);
            w.Line($"if ({Wire}TryReadElement(element, {Converter(variant.Type)}, options, out var {local})) return new {u.Name} {{ {variant.PropertyName} = {local} }};");
        }

        w.Line($"return new {u.Name} {{ Unmatched = element }};");
        w.Close();
        w.Line();
        w.Open($"public override void Write({Stj}Utf8JsonWriter writer, {u.Name} value, {Stj}JsonSerializerOptions options)");
        foreach (var variant in u.Variants)
        {
            w.Open($"if (value.{variant.PropertyName} is {{ }} {Identifiers.ToCamelCase(variant.PropertyName)}Value)");
            w.Line($"{Converter(variant.Type)}.Write(writer, {Identifiers.ToCamelCase(variant.PropertyName)}Value, options);");
            w.Line("return;");
            w.Close();
        }

        w.Line("if (value.Unmatched is { } unmatched) unmatched.WriteTo(writer); else writer.WriteNullValue();");
        w.Close();
        w.Close();
        w.Line();
    }
}
