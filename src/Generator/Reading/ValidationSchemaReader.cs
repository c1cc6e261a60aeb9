using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Model;
using ContractFirst.Patterns;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Reads the schemas that validation needs from the spec's JSON tree (not from Microsoft.OpenApi's object model, which
/// drops keywords such as <c>const</c>, <c>if</c> or <c>prefixItems</c>) into the flat <see cref="ValidationSchemas"/>
/// table. OpenAPI 3.1 schemas are JSON Schema draft 2020-12; 3.0 and 2.0 schemas are read with their own rules
/// (<c>nullable</c>, boolean <c>exclusiveMinimum</c>, <c>$ref</c> siblings ignored, draft 4's array <c>items</c> and
/// <c>dependencies</c>) and mapped onto the same keywords.
/// </summary>
/// <remarks>
/// Every <c>$ref</c> is a JSON pointer into the (bundled) document; each target is read once, so recursion becomes a cycle
/// in the table. Nesting is bounded, the token is checked per schema, and nothing here throws for bad input: a keyword of
/// the wrong type is ignored (the loader reports it), and a pattern with no .NET translation is reported where it stands
/// and left unchecked, so that nothing the spec allows is refused.
/// </remarks>
internal sealed class ValidationSchemaReader
{
    private const int MaxNesting = 256;

    // Keywords that do not constrain a value: a $ref with only these beside it is the target itself.
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$ref", "$schema", "$id", "$anchor", "$comment", "$defs", "definitions", "title", "description", "summary", "default",
        "example", "examples", "deprecated", "readOnly", "writeOnly", "xml", "externalDocs", "discriminator", "format",
        "contentMediaType", "contentEncoding", "contentSchema",
    };

    private readonly JsonNode _root;
    private readonly bool _is31;
    private readonly SpecLoader? _loader;
    private readonly CancellationToken _cancellationToken;
    private readonly List<SchemaNode> _nodes = new() { SchemaNode.True, SchemaNode.False };
    private readonly Dictionary<string, int> _byPointer = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private readonly List<SchemaRoot> _roots = new();

    public ValidationSchemaReader(JsonNode root, bool is31, SpecLoader? loader, CancellationToken cancellationToken)
    {
        _root = root;
        _is31 = is31;
        _loader = loader;
        _cancellationToken = cancellationToken;
    }

    public const int TrueIndex = 0;
    public const int FalseIndex = 1;

    /// <summary>Names the schema at <paramref name="pointer"/> (a JSON pointer, <c>#/components/schemas/Pet</c>).</summary>
    public void AddRoot(string name, string pointer)
    {
        var node = Resolve(pointer);
        _roots.Add(new SchemaRoot(name, node is null ? TrueIndex : Read(node, Normalize(pointer), 0)));
    }

    public ValidationSchemas Build() => new(_nodes.ToImmutableEquatableArray(), _roots.ToImmutableEquatableArray());

    private static string Normalize(string pointer) => pointer.StartsWith("#", StringComparison.Ordinal) ? pointer : "#" + pointer;

    /// <summary>The node at a JSON pointer into the document (<c>#/a/b~1c/0</c>), through <c>$ref</c>s on the way; or null.</summary>
    /// <param name="pointer">The pointer.</param>
    /// <returns>The node.</returns>
    public JsonNode? Node(string pointer) => Resolve(pointer);

    /// <summary>The node at a JSON pointer (<c>#/a/b~1c/0</c>), or null.</summary>
    private JsonNode? Resolve(string reference, int depth = 0)
    {
        if (!reference.StartsWith("#", StringComparison.Ordinal) || depth > 8) return null;
        var pointer = Uri.UnescapeDataString(reference.Substring(1));
        if (pointer.Length == 0) return _root;
        if (pointer[0] != '/') return null;
        JsonNode? current = _root;
        foreach (var raw in pointer.Substring(1).Split('/'))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            // A step into an object that is a $ref (a request body or parameter from components) goes through the ref.
            for (var hops = 0; hops < 32 && current is JsonObject referring && !referring.ContainsKey(segment)
                 && referring["$ref"] is JsonValue r && r.TryGetValue<string>(out var target) && target.StartsWith("#/", StringComparison.Ordinal); hops++)
            {
                current = Resolve(target, depth + 1);
            }

            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count ? array[i] : null,
                _ => null,
            };
            if (current is null) return null;
        }

        return current;
    }

    private int Read(JsonNode? node, string pointer, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_byPointer.TryGetValue(pointer, out var known)) return known;
        if (node is JsonValue boolean && boolean.TryGetValue<bool>(out var b)) return b ? TrueIndex : FalseIndex;
        if (node is not JsonObject obj || depth > MaxNesting) return TrueIndex;

        // A $ref and nothing that constrains beside it: the target itself (3.0 and 2.0 ignore $ref siblings anyway).
        if (obj["$ref"] is JsonValue refValue && refValue.TryGetValue<string>(out var reference)
            && (!_is31 || obj.All(pair => Annotations.Contains(pair.Key) || pair.Key.StartsWith("x-", StringComparison.Ordinal))))
        {
            var target = ReadReference(reference, depth);
            // OpenAPI 3.0 specs often write `nullable: true` beside a $ref: honour it rather than refuse null.
            if (!_is31 && IsTrue(obj["nullable"]) && target != TrueIndex)
            {
                target = Add(new SchemaNode { AnyOf = new[] { Add(new SchemaNode { Types = SchemaTypes.Null }), target }.ToImmutableEquatableArray() });
            }

            _byPointer[pointer] = target;
            return target;
        }

        // Reserve the index first: the schema's children may refer back to it.
        var index = _nodes.Count;
        _nodes.Add(SchemaNode.True);
        _byPointer[pointer] = index;
        _nodes[index] = Compose(obj, pointer, depth);
        return index;
    }

    private int ReadReference(string reference, int depth)
    {
        var target = Normalize(reference);
        if (_byPointer.TryGetValue(target, out var known)) return known;
        if (!_resolving.Add(target)) return TrueIndex; // a $ref that leads only to itself: no constraint
        try
        {
            var node = Resolve(target);
            return node is null ? TrueIndex : Read(node, target, depth + 1);
        }
        finally
        {
            _resolving.Remove(target);
        }
    }

    private int Add(SchemaNode node)
    {
        if (node.IsTrue) return TrueIndex;
        _nodes.Add(node);
        return _nodes.Count - 1;
    }

    private int Child(JsonObject obj, string keyword, string pointer, int depth)
        => Read(obj[keyword], pointer + "/" + Escape(keyword), depth + 1);

    private int? OptionalChild(JsonObject obj, string keyword, string pointer, int depth)
        => obj.TryGetPropertyValue(keyword, out var value) && IsSchema(value) ? Child(obj, keyword, pointer, depth) : null;

    private static bool IsSchema(JsonNode? node) => node is JsonObject || (node is JsonValue v && v.TryGetValue<bool>(out _));

    private ImmutableEquatableArray<int>? Children(JsonObject obj, string keyword, string pointer, int depth)
    {
        if (obj[keyword] is not JsonArray array) return null;
        var list = new List<int>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            list.Add(Read(array[i], pointer + "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture), depth + 1));
        }

        return list.ToImmutableEquatableArray();
    }

    private ImmutableEquatableArray<NamedSchema>? Named(JsonObject obj, string keyword, string pointer, int depth, Func<JsonNode?, bool>? filter = null)
    {
        if (obj[keyword] is not JsonObject map) return null;
        var list = new List<NamedSchema>();
        foreach (var pair in map)
        {
            if (filter is not null && !filter(pair.Value)) continue;
            list.Add(new NamedSchema(pair.Key, Read(pair.Value, pointer + "/" + keyword + "/" + Escape(pair.Key), depth + 1)));
        }

        return list.ToImmutableEquatableArray();
    }

    private SchemaNode Compose(JsonObject obj, string pointer, int depth)
    {
        // `false` written the long way ({"not": {}}), as the reader normalizes boolean schemas for Microsoft.OpenApi.
        if (obj.Count == 1 && obj["not"] is JsonObject { Count: 0 }) return SchemaNode.False;

        var types = TypesOf(obj["type"]);
        var nullable = !_is31 && (IsTrue(obj["nullable"]) || IsTrue(obj["x-nullable"]));
        if (nullable && types != SchemaTypes.None) types |= SchemaTypes.Null;

        ImmutableEquatableArray<string>? enumValues = null;
        if (obj["enum"] is JsonArray values)
        {
            var list = values.Select(v => v?.ToJsonString() ?? "null").ToList();
            if (nullable && !list.Contains("null")) list.Add("null");
            enumValues = list.ToImmutableEquatableArray();
        }

        var node = new SchemaNode
        {
            Types = types,
            Enum = enumValues,
            // const, if/then/else, contains and propertyNames are JSON Schema 2020-12 (OpenAPI 3.1) keywords; draft 4
            // (OpenAPI 3.0 and 2.0) has none of them, so there they are unknown keywords, which constrain nothing.
            Const = _is31 && obj.TryGetPropertyValue("const", out var constant) ? constant?.ToJsonString() ?? "null" : null,
            MultipleOf = Number(obj["multipleOf"]) is { } m && m.Length > 0 && m[0] != '-' && m != "0" ? m : null,
            MinLength = Count(obj["minLength"]),
            MaxLength = Count(obj["maxLength"]),
            Pattern = Pattern(obj["pattern"], pointer + "/pattern"),
            Format = CheckedFormat(types, obj["format"]),
            MinItems = Count(obj["minItems"]),
            MaxItems = Count(obj["maxItems"]),
            UniqueItems = IsTrue(obj["uniqueItems"]),
            Required = RequiredOf(obj),
            MinProperties = Count(obj["minProperties"]),
            MaxProperties = Count(obj["maxProperties"]),
            Properties = Named(obj, "properties", pointer, depth),
            AdditionalProperties = OptionalChild(obj, "additionalProperties", pointer, depth),
            PropertyNames = _is31 ? OptionalChild(obj, "propertyNames", pointer, depth) : null,
            AllOf = Children(obj, "allOf", pointer, depth),
            AnyOf = Children(obj, "anyOf", pointer, depth),
            OneOf = Children(obj, "oneOf", pointer, depth),
            Not = OptionalChild(obj, "not", pointer, depth),
            If = _is31 ? OptionalChild(obj, "if", pointer, depth) : null,
            Then = _is31 ? OptionalChild(obj, "then", pointer, depth) : null,
            Else = _is31 ? OptionalChild(obj, "else", pointer, depth) : null,
            Contains = _is31 ? OptionalChild(obj, "contains", pointer, depth) : null,
        };

        node = Bounds(node, obj);
        node = ArrayItems(node, obj, pointer, depth);
        node = Dependencies(node, obj, pointer, depth);

        if (obj["patternProperties"] is JsonObject patterns)
        {
            var list = new List<PatternSchema>();
            foreach (var pair in patterns)
            {
                var pattern = Pattern(JsonValue.Create(pair.Key), pointer + "/patternProperties/" + Escape(pair.Key));
                var child = Read(pair.Value, pointer + "/patternProperties/" + Escape(pair.Key), depth + 1);
                // An untranslatable pattern is reported and skipped: its schema then constrains nothing.
                if (pattern is not null) list.Add(new PatternSchema(pattern, child));
            }

            node = node with { PatternProperties = list.ToImmutableEquatableArray() };
        }

        // 3.1: a $ref beside other keywords applies as well (like one more allOf).
        if (_is31 && obj["$ref"] is JsonValue refValue && refValue.TryGetValue<string>(out var reference))
        {
            var target = ReadReference(reference, depth);
            if (target != TrueIndex)
            {
                node = node with { AllOf = (node.AllOf ?? ImmutableEquatableArray<int>.Empty).Concat(new[] { target }).ToImmutableEquatableArray() };
            }
        }

        return node;
    }

    /// <summary>
    /// <c>required</c>, less the properties marked <c>readOnly</c>: in OpenAPI those are the server's to send, so a
    /// request (what is validated here) that omits them is valid.
    /// </summary>
    private ImmutableEquatableArray<string>? RequiredOf(JsonObject obj)
    {
        if (obj["required"] is not JsonArray required) return null;
        var properties = obj["properties"] as JsonObject;
        return required.OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var s) ? s : null)
            .Where(name => name is not null && !IsReadOnly(properties?[name!]))
            .Select(name => name!)
            .Distinct()
            .ToImmutableEquatableArray();
    }

    private bool IsReadOnly(JsonNode? property)
    {
        for (var hops = 0; hops < 8 && property is JsonObject obj; hops++)
        {
            if (IsTrue(obj["readOnly"])) return true;
            property = obj["$ref"] is JsonValue r && r.TryGetValue<string>(out var target) ? Resolve(Normalize(target)) : null;
        }

        return false;
    }

    private SchemaNode Bounds(SchemaNode node, JsonObject obj)
    {
        var minimum = Number(obj["minimum"]);
        var maximum = Number(obj["maximum"]);
        string? exclusiveMinimum = Number(obj["exclusiveMinimum"]);
        string? exclusiveMaximum = Number(obj["exclusiveMaximum"]);

        // Draft 4 (OpenAPI 3.0 and 2.0): a boolean exclusiveMinimum makes minimum exclusive.
        if (IsTrue(obj["exclusiveMinimum"]) && minimum is not null)
        {
            exclusiveMinimum = minimum;
            minimum = null;
        }

        if (IsTrue(obj["exclusiveMaximum"]) && maximum is not null)
        {
            exclusiveMaximum = maximum;
            maximum = null;
        }

        return node with { Minimum = minimum, Maximum = maximum, ExclusiveMinimum = exclusiveMinimum, ExclusiveMaximum = exclusiveMaximum };
    }

    private SchemaNode ArrayItems(SchemaNode node, JsonObject obj, string pointer, int depth)
    {
        if (obj["items"] is JsonArray)
        {
            // Draft 4 tuples: items as an array, then additionalItems for the rest.
            return node with { PrefixItems = Children(obj, "items", pointer, depth), Items = OptionalChild(obj, "additionalItems", pointer, depth) };
        }

        node = node with { Items = OptionalChild(obj, "items", pointer, depth) };
        if (_is31)
        {
            node = node with
            {
                PrefixItems = Children(obj, "prefixItems", pointer, depth),
                MinContains = node.Contains is null ? null : Count(obj["minContains"]),
                MaxContains = node.Contains is null ? null : Count(obj["maxContains"]),
            };
        }

        return node;
    }

    private SchemaNode Dependencies(SchemaNode node, JsonObject obj, string pointer, int depth)
    {
        var required = new List<DependentRequiredModel>();
        var schemas = new List<NamedSchema>();
        if (_is31)
        {
            if (obj["dependentRequired"] is JsonObject dependentRequired) AddRequired(required, dependentRequired);
            schemas.AddRange(Named(obj, "dependentSchemas", pointer, depth) ?? ImmutableEquatableArray<NamedSchema>.Empty);
        }
        else if (obj["dependencies"] is JsonObject dependencies)
        {
            // Draft 4: dependencies holds both forms.
            AddRequired(required, dependencies);
            schemas.AddRange(Named(obj, "dependencies", pointer, depth, IsSchema) ?? ImmutableEquatableArray<NamedSchema>.Empty);
        }

        return node with
        {
            DependentRequired = required.Count == 0 ? null : required.ToImmutableEquatableArray(),
            DependentSchemas = schemas.Count == 0 ? null : schemas.ToImmutableEquatableArray(),
        };

        static void AddRequired(List<DependentRequiredModel> into, JsonObject map)
        {
            foreach (var pair in map)
            {
                if (pair.Value is not JsonArray names) continue;
                into.Add(new DependentRequiredModel(pair.Key, names.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).Where(s => s is not null).Select(s => s!).ToImmutableEquatableArray()));
            }
        }
    }

    private static SchemaTypes TypesOf(JsonNode? type)
    {
        switch (type)
        {
            case JsonValue value when value.TryGetValue<string>(out var name):
                return TypeOf(name);
            case JsonArray names:
                var types = SchemaTypes.None;
                foreach (var item in names)
                {
                    if (item is JsonValue v && v.TryGetValue<string>(out var n)) types |= TypeOf(n);
                }

                return types;
            default:
                return SchemaTypes.None;
        }
    }

    private static SchemaTypes TypeOf(string name) => name switch
    {
        "null" => SchemaTypes.Null,
        "boolean" => SchemaTypes.Boolean,
        "object" => SchemaTypes.Object,
        "array" => SchemaTypes.Array,
        "number" => SchemaTypes.Number,
        "string" => SchemaTypes.String,
        "integer" => SchemaTypes.Integer,
        _ => SchemaTypes.None,
    };

    /// <summary>
    /// <c>format</c> is an annotation, except where the generated C# type implies it: a string schema with <c>uuid</c>,
    /// <c>date-time</c> or <c>date</c> is a Guid, DateTimeOffset or DateOnly, which only such values can become.
    /// </summary>
    private static string? CheckedFormat(SchemaTypes types, JsonNode? format)
        => (types & ~SchemaTypes.Null) == SchemaTypes.String && format is JsonValue v && v.TryGetValue<string>(out var f) && f is "uuid" or "date-time" or "date" ? f : null;

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>A number's invariant text (1.0 stays 1.0; the runtime compares by value), or null.</summary>
    private static string? Number(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number) return null;
        var text = value.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d.ToString(CultureInfo.InvariantCulture);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && !double.IsInfinity(x) ? x.ToString("R", CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A non-negative integer keyword; 2.0 is 2.</summary>
    private static long? Count(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number) return null;
        if (!double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x < 0 || Math.Floor(x) != x) return null;
        return x >= long.MaxValue ? long.MaxValue : (long)x;
    }

    private SchemaPatternModel? Pattern(JsonNode? node, string pointer)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var source)) return null;
        var translated = EcmaPatternTranslator.Translate(source, out var error);
        if (translated is not null)
        {
            try
            {
                _ = new Regex(translated, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException ex)
            {
                translated = null;
                error = ex.Message;
            }
        }

        if (translated is null)
        {
            _loader?.Report(DiagnosticDescriptors.UntranslatablePattern, _loader.Locate(pointer), source, error ?? "");
            return null;
        }

        return new SchemaPatternModel(source, translated);
    }

    private static string Escape(string key) => SourceLocator.EscapeToken(key);
}
