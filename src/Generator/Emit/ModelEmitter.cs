using System.Globalization;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits the model types of a spec: partial records for objects, readonly structs for open enums, union records, with
/// constraint metadata (attributes for the analyzers) and generated <c>Validate</c> methods (no reflection at run time).
/// </summary>
internal static class ModelEmitter
{
    private const string C = "global::ContractFirst.Constraints.";
    internal const string ObsoleteAttribute = "[global::System.Obsolete(\"Deprecated in the OpenAPI document.\", DiagnosticId = \"CF1009\", UrlFormat = \"https://github.com/contractfirst/contractfirst/blob/main/docs/diagnostics/{0}.md\")]";

    /// <summary>
    /// The alias of <c>ContractFirst.Constraints</c> in model files, unless the spec has a type of that name (then
    /// attributes are written in full).
    /// </summary>
    internal const string ConstraintsAlias = "Cf";

    public static string Emit(SpecModel spec, TypeModel type)
    {
        var w = SourceWriter.ForFile(spec.Namespace);
        var c = C;
        if (!spec.Types.Any(t => t.Name == ConstraintsAlias) && spec.ClientName != ConstraintsAlias)
        {
            // The attributes (for the analyzers) are most of a model's text: they are written through a short alias.
            w.Line($"using {ConstraintsAlias} = global::ContractFirst.Constraints;");
            w.Line();
            c = ConstraintsAlias + ".";
        }

        switch (type)
        {
            case ObjectModel obj:
                EmitObject(w, spec, obj, c);
                break;
            case EnumModel e:
                EmitEnum(w, spec, e, c);
                break;
            case UnionModel u:
                EmitUnion(w, spec, u, c);
                break;
        }

        return w.ToString();
    }

    private static void TypeAttributes(SourceWriter w, SpecModel spec, TypeModel type, string c)
    {
        w.Line($"[{c}OpenApiSchema({CSharp.StringLiteral(spec.FileName)}, {CSharp.StringLiteral(type.Pointer)})]");
        if (type.Deprecated) w.Line(ObsoleteAttribute);
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"ContractFirst\", \"" + GeneratorInfo.Version + "\")]");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void EmitObject(SourceWriter w, SpecModel spec, ObjectModel obj, string c)
    {
        var baseModel = obj.BaseType is null ? null : spec.Types.OfType<ObjectModel>().FirstOrDefault(t => t.Name == obj.BaseType);
        var isRoot = baseModel is null;
        w.Summary(obj.Summary);
        TypeAttributes(w, spec, obj, c);
        if (obj.IsRequestModel) w.Line($"[{c}RequestModel]");
        var modifiers = obj.IsAbstract ? "public abstract partial record" : "public partial record";
        var bases = obj.BaseType is null
            ? $" : global::ContractFirst.Validation.IValidatable, global::ContractFirst.Json.IAdditionalProperties<{(obj.AdditionalProperties ?? TypeRef.Any).CSharpType}>"
            : " : " + obj.BaseType;
        w.Open($"{modifiers} {obj.Name}{bases}");

        var presence = PresenceSlots(obj);
        for (var i = 0; i < obj.Properties.Count; i++)
        {
            EmitProperty(w, obj, obj.Properties[i], presence[i], c);
        }

        // Which of the properties that track presence were set (so that only those are written): one bit each, 64 to a field.
        var optional = presence.Count(slot => slot >= 0);
        for (var k = 0; k * 64 < optional; k++)
        {
            w.Line($"internal ulong {PresenceField(obj, k * 64)};");
            w.Line();
        }

        if (isRoot)
        {
            var additional = obj.AdditionalProperties ?? TypeRef.Any;
            w.Line("/// <inheritdoc />");
            w.Line($"public global::System.Collections.Generic.IDictionary<string, {additional.CSharpType}>? AdditionalProperties {{ get; set; }}");
            w.Line();
            if (obj.AcceptsAnyJson)
            {
                w.Summary("The value as read when it is not a JSON object (null included): the schema does not require an object (it has no <c>type: object</c>), so JSON Schema allows it. Written back as it came.");
                w.Line("public global::System.Text.Json.JsonElement? NonObjectValue { get; set; }");
                w.Line();
            }
        }

        EmitValidate(w, spec, obj, isRoot);
        w.Close();
    }

    /// <summary>
    /// The presence bit of each of <paramref name="owner"/>'s own properties, in order: those that track presence are
    /// numbered from 0, the others get -1.
    /// </summary>
    public static int[] PresenceSlots(ObjectModel owner)
    {
        var slots = new int[owner.Properties.Count];
        var next = 0;
        for (var i = 0; i < slots.Length; i++) slots[i] = TracksPresence(owner.Properties[i]) ? next++ : -1;
        return slots;
    }

    /// <summary>
    /// True when whether <paramref name="p"/> is written depends on whether it was set, not on its value alone: an optional
    /// property whose schema allows null (set to null, it is written as null; never set, it is left out), one with a
    /// default (never set, the default is not sent), or one whose C# type cannot say "absent". An optional property that
    /// can only be absent or non-null is written exactly when it is not null, so it is a plain auto-property: no backing
    /// field, no bit, no test when writing. A <c>required</c> member is always set.
    /// </summary>
    public static bool TracksPresence(PropertyModel p) =>
        !p.UsesRequiredKeyword && (p.DefaultLiteral is not null || p.Nullable || !p.IsCSharpNullable);

    /// <summary>The mask field that holds presence bit <paramref name="slot"/> of <paramref name="owner"/>; named for the type, so a derived record's never hides its base's.</summary>
    public static string PresenceField(ObjectModel owner, int slot) => "__" + owner.Name + "_set" + (slot / 64).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The test for presence bit <paramref name="slot"/>, on <paramref name="instance"/>.</summary>
    public static string IsSet(string instance, ObjectModel owner, int slot) => $"({instance}.{PresenceField(owner, slot)} & {Bit(slot)}) != 0";

    private static string Bit(int slot) => "1UL << " + (slot % 64).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void EmitProperty(SourceWriter w, ObjectModel owner, PropertyModel p, int slot, string c)
    {
        w.Summary(p.Summary, p.DefaultLiteral is null ? null : "Default: " + p.DefaultLiteral);
        w.Line($"[{c}WireName({CSharp.StringLiteral(p.WireName)})]");
        foreach (var attribute in ConstraintAttributes(p.Constraints, p.Type, c)) w.Line(attribute);
        if (p.Required && !p.ReadOnly) w.Line($"[{c}SpecRequired]");
        if (p.Deprecated) w.Line(ObsoleteAttribute);
        var csType = p.CSharpType;
        if (p.UsesRequiredKeyword)
        {
            w.Line($"public required {csType} {p.Name} {{ get; set; }}");
        }
        else if (slot < 0)
        {
            w.Line($"public {csType} {p.Name} {{ get; set; }}");
        }
        else
        {
            var field = BackingField(p);
            var initializer = p.DefaultLiteral is null ? "" : " = " + p.DefaultLiteral;
            w.Line($"public {csType} {p.Name} {{ get => {field}; set {{ {field} = value; {PresenceField(owner, slot)} |= {Bit(slot)}; }} }}");
            w.Line($"private {csType} {field}{initializer};");
        }

        w.Line();
    }

    /// <summary>The backing field of an optional property. Names never contain "__" otherwise, so this cannot clash.</summary>
    public static string BackingField(PropertyModel p) => "__" + p.Name;

    /// <summary>
    /// The constraint attributes of a member of <paramref name="type"/>: its own, then those of its items (the schema's
    /// <c>items</c> or a map's values) with <c>ItemDepth = 1</c>, of their items with 2, and so on. An <c>enum</c> that an
    /// open enum type carries is not repeated on the member.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<string> ConstraintAttributes(Model.Constraints constraints, TypeRef type, string c = C)
    {
        var depth = 0;
        for ((Model.Constraints? level, TypeRef? levelType) = (constraints, type); level is not null && levelType is not null; (level, levelType) = (level.Items, levelType.Item), depth++)
        {
            if (level.IsEmpty) continue;
            var d = depth == 0 ? "" : ", ItemDepth = " + depth.ToString(CultureInfo.InvariantCulture);
            var named = depth == 0 ? "" : "ItemDepth = " + depth.ToString(CultureInfo.InvariantCulture);
            if (level.Minimum is not null) yield return $"[{c}Minimum({CSharp.StringLiteral(level.Minimum)}{(level.ExclusiveMinimum ? ", exclusive: true" : "")}{d})]";
            if (level.Maximum is not null) yield return $"[{c}Maximum({CSharp.StringLiteral(level.Maximum)}{(level.ExclusiveMaximum ? ", exclusive: true" : "")}{d})]";
            if (level.MultipleOf is not null) yield return $"[{c}MultipleOf({CSharp.StringLiteral(level.MultipleOf)}{d})]";
            if (level.Pattern is not null) yield return $"[{c}Pattern({CSharp.StringLiteral(level.Pattern)}{d})]";
            if (level.MinLength is { } minLength) yield return $"[{c}MinLength({minLength.ToString(CultureInfo.InvariantCulture)}{d})]";
            if (level.MaxLength is { } maxLength) yield return $"[{c}MaxLength({maxLength.ToString(CultureInfo.InvariantCulture)}{d})]";
            if (level.MinItems is { } minItems) yield return $"[{c}MinItems({minItems.ToString(CultureInfo.InvariantCulture)}{d})]";
            if (level.MaxItems is { } maxItems) yield return $"[{c}MaxItems({maxItems.ToString(CultureInfo.InvariantCulture)}{d})]";
            if (level.UniqueItems) yield return depth == 0 ? $"[{c}UniqueItems]" : $"[{c}UniqueItems({named})]";
            // const and enum go where a constant can reach: a string, number, boolean or open enum (which carries its own enum).
            if (level.Const is not null && levelType.Kind is TypeKind.Primitive or TypeKind.Enum) yield return $"[{c}Const({CSharp.StringLiteral(level.Const)}{d})]";
            if (level.Enum is { Count: > 0 } values && levelType.Kind == TypeKind.Primitive)
            {
                yield return $"[{c}AllowedJsonValues({string.Join(", ", values.Select(CSharp.StringLiteral))}{d})]";
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Validation: every constraint of the schema, as generated code.

    /// <summary>The type's last member: it implements <c>IValidatable</c>, so it needs no annotations of its own and is compiled without nullable analysis.</summary>
    private static void EmitValidate(SourceWriter w, SpecModel spec, TypeModel type, bool isRoot)
    {
        w.NullableOff();
        w.Line("/// <inheritdoc />");
        var modifier = isRoot ? "virtual" : "override";
        w.Line($"public {modifier} void Validate(global::ContractFirst.Validation.ValidationContext context, string path) =>");
        w.Line($"    global::{spec.Namespace}.{spec.SchemasClassName}.{type.Name}.Validate(this, global::{spec.Namespace}.{spec.ClientName}Json.TypeInfo<{type.Name}>(), context, path);");
    }

    /// <summary>
    /// Checks on a non-null value of <paramref name="type"/> held in <paramref name="v"/>; <paramref name="field"/> is a
    /// C# string expression, the field path of the value in errors, and <paramref name="context"/> the name of the
    /// ValidationContext variable in the generated code.
    /// </summary>
    public static void EmitValueChecks(SourceWriter w, TypeRef type, Model.Constraints c, string v, string field, int depth, string context = "context") =>
        EmitChecks(w, type, c, v, new FieldExpr(null, field), depth, context);

    /// <summary>
    /// The field path of a value in generated checks: one C# string expression (<see cref="Path"/> null), or a path
    /// expression and a name that the SchemaChecks overloads taking <c>(path, name)</c> concatenate only on failure.
    /// </summary>
    public readonly struct FieldExpr
    {
        public FieldExpr(string? path, string name)
        {
            Path = path;
            Name = name;
        }

        public string? Path { get; }

        public string Name { get; }

        /// <summary>The arguments for a SchemaChecks call: <c>path, "name"</c>, or <c>"", expression</c> for the one expression.</summary>
        public string Args => (Path ?? "\"\"") + ", " + Name;

        /// <summary>The whole field as one C# expression (concatenated when it runs).</summary>
        public string Text => Path is null ? Name : Path + " + " + Name;

        /// <summary>The path of the value's members: <c>"filter."</c> for the literal <c>"filter"</c>, else <c>Text + "."</c>.</summary>
        public string Dotted => Path is null && IsPlainLiteral(Name) ? Name.Substring(0, Name.Length - 1) + ".\"" : Text + " + \".\"";

        private static bool IsPlainLiteral(string text) =>
            text.Length >= 2 && text[0] == '"' && text[text.Length - 1] == '"' && text.IndexOf('"', 1) == text.Length - 1;
    }

    private static void EmitChecks(SourceWriter w, TypeRef type, Model.Constraints c, string v, FieldExpr field, int depth, string context)
    {
        const string S = "global::ContractFirst.Validation.SchemaChecks.";
        switch (type.Kind)
        {
            case TypeKind.Primitive:
                var numeric = NumericKind(type.Primitive);
                if (numeric is not null)
                {
                    if (c.Minimum is not null) w.Line($"{S}Minimum({context}, {field.Args}, {Cast(numeric, c.Minimum, v)}, {Literal(numeric, c.Minimum)}, {Bool(c.ExclusiveMinimum)});");
                    if (c.Maximum is not null) w.Line($"{S}Maximum({context}, {field.Args}, {Cast(numeric, c.Maximum, v)}, {Literal(numeric, c.Maximum)}, {Bool(c.ExclusiveMaximum)});");
                    if (c.MultipleOf is not null)
                    {
                        // A float goes to the float overloads as it is: they judge it by its wire text (0.1f is 0.1), where
                        // widening it to double would give 0.10000000149011612.
                        var value = numeric == "double" && type.Primitive != PrimitiveKind.Float ? "(double)" + v : v;
                        w.Line($"{S}MultipleOf({context}, {field.Args}, {value}, {c.MultipleOf}m);");
                    }
                }
                else if (type.Primitive == PrimitiveKind.String)
                {
                    if (c.Pattern is not null) w.Line($"{S}Pattern({context}, {field.Args}, {v}, {CSharp.StringLiteral(c.Pattern)});");
                    if (c.MinLength is { } min) w.Line($"{S}MinLength({context}, {field.Args}, {v}, {min.ToString(CultureInfo.InvariantCulture)});");
                    if (c.MaxLength is { } max) w.Line($"{S}MaxLength({context}, {field.Args}, {v}, {max.ToString(CultureInfo.InvariantCulture)});");
                }

                break;
            case TypeKind.Enum:
                w.Line(type.Primitive == PrimitiveKind.Int64 ? $"{S}IntEnum({context}, {field.Args}, {v});" : $"{S}Enum({context}, {field.Args}, {v});");
                break;
            case TypeKind.Model:
                w.Line($"{v}.Validate({context}, {field.Dotted});");
                break;
            case TypeKind.Array:
                if (c.MinItems is { } minItems) w.Line($"{S}MinItems({context}, {field.Args}, {v}.Count, {minItems.ToString(CultureInfo.InvariantCulture)});");
                if (c.MaxItems is { } maxItems) w.Line($"{S}MaxItems({context}, {field.Args}, {v}.Count, {maxItems.ToString(CultureInfo.InvariantCulture)});");
                if (c.UniqueItems) w.Line($"{S}UniqueItems({context}, {field.Args}, {v});");
                var itemChecks = new SourceWriter();
                var item = "i" + depth.ToString(CultureInfo.InvariantCulture);
                var itemValue = "e" + depth.ToString(CultureInfo.InvariantCulture);
                EmitChecks(itemChecks, type.Item!, c.Items ?? Model.Constraints.None, itemValue, new FieldExpr(null, $"{field.Text} + \"[\" + {item}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\""), depth + 1, context);
                var body = itemChecks.ToString();
                if (body.Length > 0)
                {
                    w.Open($"for (var {item} = 0; {item} < {v}.Count; {item}++)");
                    w.Open($"if ({v}[{item}] is {{ }} {itemValue})");
                    foreach (var line in body.TrimEnd('\n').Split('\n')) w.Line(line);
                    w.Close();
                    w.Close();
                }

                break;
            case TypeKind.Map:
                if (c.MinProperties is { } minProperties) w.Line($"{S}MinProperties({context}, {field.Args}, {v}.Count, {minProperties.ToString(CultureInfo.InvariantCulture)});");
                if (c.MaxProperties is { } maxProperties) w.Line($"{S}MaxProperties({context}, {field.Args}, {v}.Count, {maxProperties.ToString(CultureInfo.InvariantCulture)});");
                var mapChecks = new SourceWriter();
                var entry = "kv" + depth.ToString(CultureInfo.InvariantCulture);
                var entryValue = "m" + depth.ToString(CultureInfo.InvariantCulture);
                EmitChecks(mapChecks, type.Item!, c.Items ?? Model.Constraints.None, entryValue, new FieldExpr(null, $"{field.Text} + \".\" + {entry}.Key"), depth + 1, context);
                var mapBody = mapChecks.ToString();
                if (mapBody.Length > 0)
                {
                    w.Open($"foreach (var {entry} in {v})");
                    w.Open($"if ({entry}.Value is {{ }} {entryValue})");
                    foreach (var line in mapBody.TrimEnd('\n').Split('\n')) w.Line(line);
                    w.Close();
                    w.Close();
                }

                break;
        }
    }

    private static string? NumericKind(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Int32 or PrimitiveKind.Int64 => "long",
        PrimitiveKind.Float or PrimitiveKind.Double => "double",
        PrimitiveKind.Decimal => "decimal",
        _ => null,
    };

    private static bool IsInteger(string text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>The value as the overload's type: integers compare as long unless the bound is fractional.</summary>
    private static string Cast(string numeric, string bound, string v) => numeric == "long" && !IsInteger(bound) ? "(double)" + v : v;

    private static string Literal(string numeric, string bound) => numeric switch
    {
        "long" when IsInteger(bound) => bound + "L",
        "decimal" => bound + "m",
        _ => double.Parse(bound, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d",
    };

    private static string Bool(bool value) => value ? "true" : "false";

    // ---------------------------------------------------------------------------------------------------------------

    private static void EmitEnum(SourceWriter w, SpecModel spec, EnumModel e, string c)
    {
        var valueType = e.IsInteger ? "long" : "string";
        var iface = e.IsInteger ? "global::ContractFirst.IOpenIntEnum" : "global::ContractFirst.IOpenEnum";
        var known = string.Join(", ", e.Members.Select(m => CSharp.StringLiteral(m.Wire)));
        w.Summary(e.Summary, "An open enum: the values the spec knows are static properties, and any other value still round-trips unchanged.");
        w.Line($"[{c}AllowedValues({known})]");
        TypeAttributes(w, spec, e, c);
        w.Open($"public readonly partial struct {e.Name} : global::System.IEquatable<{e.Name}>, {iface}<{e.Name}>");
        if (e.IsInteger)
        {
            w.Line("private readonly long _value;");
            w.Line();
            w.Line("/// <summary>Wraps a wire value, known or not.</summary>");
            w.Line($"public {e.Name}(long value) => _value = value;");
            w.Line();
            w.Line("/// <summary>The value on the wire.</summary>");
            w.Line("public long Value => _value;");
        }
        else
        {
            w.Line("private readonly string? _value;");
            w.Line();
            w.Line("/// <summary>Wraps a wire value, known or not.</summary>");
            w.Line($"public {e.Name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            w.Line();
            w.Line("/// <summary>The value on the wire.</summary>");
            w.Line("public string Value => _value ?? string.Empty;");
        }

        w.Line();
        w.Line($"public static {e.Name} FromWire({valueType} value) => new(value);");
        w.Line();
        w.Line($"public static implicit operator {e.Name}({valueType} value) => new(value);");
        w.Line();
        w.Line($"public static explicit operator {valueType}({e.Name} value) => value.Value;");
        w.Line();

        // What follows is compiled without nullable analysis (SourceWriter.NullableOff). Its signatures carry no reference
        // type whose annotation tells callers anything (the enum itself is a struct; Equals(object), ToString() and the
        // KnownValues list are never null), while the members above, which take or give a string, keep theirs.
        w.NullableOff();

        // Each wire value is written once (and in the attributes): the lists and the check of known values are computed
        // from the static members by the runtime (OpenEnumValues).
        foreach (var member in e.Members)
        {
            var literal = e.IsInteger ? member.Wire + "L" : CSharp.StringLiteral(member.Wire);
            w.Line($"[{c}WireName({CSharp.StringLiteral(member.Wire)})] public static {e.Name} {member.Name} {{ get; }} = new({literal});");
        }

        w.Line();
        w.Line("/// <summary>The values that the spec knows, in its order.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{e.Name}> KnownValues {{ get; }} = new {e.Name}[] {{ {string.Join(", ", e.Members.Select(m => m.Name))} }};");
        w.Line();
        w.Line($"static global::System.Collections.Generic.IReadOnlyList<{valueType}> {iface}<{e.Name}>.KnownValues {{ get; }} = global::ContractFirst.OpenEnumValues.{(e.IsInteger ? "WireInt" : "Wire")}(KnownValues);");
        w.Line();
        w.Line("/// <summary>True when the spec knows this value.</summary>");
        w.Line(e.Members.Count == 0 ? "public bool IsKnown => false;" : $"public bool IsKnown => global::ContractFirst.OpenEnumValues.{(e.IsInteger ? "IsKnownInt" : "IsKnown")}<{e.Name}>(Value);");
        w.Line();
        w.Line(e.IsInteger
            ? $"public bool Equals({e.Name} other) => _value == other._value;"
            : $"public bool Equals({e.Name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line($"public override bool Equals(object obj) => obj is {e.Name} other && Equals(other);");
        w.Line();
        w.Line(e.IsInteger ? "public override int GetHashCode() => _value.GetHashCode();" : "public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.Line($"public static bool operator ==({e.Name} left, {e.Name} right) => left.Equals(right);");
        w.Line();
        w.Line($"public static bool operator !=({e.Name} left, {e.Name} right) => !left.Equals(right);");
        w.Line();
        w.Line(e.IsInteger ? "public override string ToString() => _value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);" : "public override string ToString() => Value;");
        w.Close();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void EmitUnion(SourceWriter w, SpecModel spec, UnionModel u, string c)
    {
        w.Summary(u.Summary, (u.IsOneOf ? "oneOf" : "anyOf") + ": exactly one of the properties is set after reading; reading tries the branches in order" + (u.Discriminator is null ? "." : " after dispatching on '" + u.Discriminator.PropertyName + "'."));
        TypeAttributes(w, spec, u, c);
        w.Open($"public partial record {u.Name} : global::ContractFirst.Validation.IValidatable");
        var seenTypes = new System.Collections.Generic.HashSet<string>();
        foreach (var variant in u.Variants)
        {
            var nullableType = variant.Type.CSharpType + "?";
            w.Line($"/// <summary>The value when it is a <c>{CSharp.DocLines(variant.Type.CSharpType)[0]}</c>.</summary>");
            w.Line($"public {nullableType} {variant.PropertyName} {{ get; set; }}");
            w.Line();
        }

        w.Line("/// <summary>The value as read, when no branch matched (kept so that nothing is lost).</summary>");
        w.Line("public global::System.Text.Json.JsonElement? Unmatched { get; set; }");
        w.Line();
        foreach (var variant in u.Variants)
        {
            // User-defined conversions cannot be from interfaces (collections), from the type itself (CS0555) or from
            // object (CS0553), and must be unique.
            if (variant.Type.Kind is TypeKind.Array or TypeKind.Map || variant.Type.CSharpType == u.Name || variant.Type.CSharpType == "object" || !seenTypes.Add(variant.Type.CSharpType)) continue;
            w.Line($"/// <summary>Wraps a <c>{CSharp.DocLines(variant.Type.CSharpType)[0]}</c>.</summary>");
            w.Line($"public static implicit operator {u.Name}({variant.Type.CSharpType} value) => new() {{ {variant.PropertyName} = value }};");
            w.Line();
        }

        EmitValidate(w, spec, u, isRoot: true);
        w.Close();
    }
}
