using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Fixes, in the JSON tree and before Microsoft.OpenApi reads it, what published specs get wrong in ways that would stop
/// or derail the reader, keeping JSON Schema's meaning exactly (the validation schemas are read from the same tree):
/// <list type="bullet">
/// <item>boolean schemas wherever a schema goes: <c>true</c> becomes <c>{}</c> and <c>false</c> becomes <c>{"not": {}}</c>
/// (<c>additionalProperties</c> and <c>unevaluatedProperties</c> keep their booleans, which the reader knows);</item>
/// <item>integer keywords written as <c>2.0</c> (<c>minLength</c>, <c>maxItems</c>, ...) become the integer they are;</item>
/// <item>3.1-style <c>type: [x, "null"]</c> and numeric <c>exclusiveMinimum</c> in 2.0/3.0 documents, and 3.0-style
/// boolean <c>exclusiveMinimum</c> in 3.1 documents, become their equivalent in the document's own version;</item>
/// <item>a keyword whose value has the wrong type gets a located warning: a number or boolean written as a string is
/// read as what it says, and anything else is dropped (only that keyword), so the rest of the spec still generates.</item>
/// </list>
/// Schemas are found by the document's structure (components, parameters, media types, and the schema keywords that
/// hold schemas), so that a property named <c>maxLength</c> is never taken for the keyword.
/// </summary>
internal sealed class SpecNormalizer
{
    private static readonly HashSet<string> IntegerKeywords = new(StringComparer.Ordinal)
    {
        "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties", "minContains", "maxContains",
    };

    private static readonly HashSet<string> NumberKeywords = new(StringComparer.Ordinal) { "minimum", "maximum", "multipleOf" };

    private static readonly HashSet<string> SchemaBooleanKeywords = new(StringComparer.Ordinal)
    {
        "nullable", "readOnly", "writeOnly", "uniqueItems", "deprecated", "x-nullable",
    };

    /// <summary>Boolean fields of OpenAPI's own objects (parameters, headers, request bodies), whose reader throws on anything else.</summary>
    private static readonly HashSet<string> GenericBooleanKeywords = new(StringComparer.Ordinal)
    {
        "required", "deprecated", "explode", "allowEmptyValue", "allowReserved", "nullable", "readOnly", "writeOnly", "uniqueItems",
    };

    private static readonly HashSet<string> StringKeywords = new(StringComparer.Ordinal)
    {
        "pattern", "format", "title", "description", "$id", "$schema", "$anchor", "$comment", "$dynamicRef", "$dynamicAnchor",
        "contentMediaType", "contentEncoding",
    };

    private static readonly HashSet<string> SchemaMapKeywords = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
    };

    private static readonly HashSet<string> SchemaArrayKeywords = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };

    private static readonly HashSet<string> SchemaKeywords = new(StringComparer.Ordinal)
    {
        "not", "contains", "if", "then", "else", "propertyNames", "additionalItems", "unevaluatedItems", "contentSchema",
    };

    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal) { "string", "number", "integer", "boolean", "array", "object", "null" };

    /// <summary>Values that are data, not structure: never normalized.</summary>
    private static readonly HashSet<string> OpaqueKeys = new(StringComparer.Ordinal)
    {
        "example", "examples", "default", "enum", "const", "links", "scopes", "mapping",
    };

    private readonly bool _isSwagger2;
    private readonly bool _is31;
    private readonly Action<string, string, string> _report;
    private readonly CancellationToken _cancellationToken;
    private int _ticks;

    /// <param name="isSwagger2">A Swagger 2.0 document (nullability is <c>x-nullable</c>).</param>
    /// <param name="is31">An OpenAPI 3.1 document (JSON Schema draft 2020-12); otherwise draft 4 rules.</param>
    /// <param name="report">(JSON pointer, keyword, what is wrong and what was done) for each wrong-typed keyword.</param>
    /// <param name="cancellationToken">Checked as the walk goes.</param>
    public SpecNormalizer(bool isSwagger2, bool is31, Action<string, string, string> report, CancellationToken cancellationToken)
    {
        _isSwagger2 = isSwagger2;
        _is31 = is31;
        _report = report;
        _cancellationToken = cancellationToken;
    }

    public void Normalize(JsonObject root) => WalkGeneric(root, Path.Root);

    private void Tick()
    {
        if ((++_ticks & 0x3FF) == 0) _cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>OpenAPI's own objects: schemas are found under <c>schema</c>, <c>schemas</c> and <c>definitions</c>.</summary>
    private void WalkGeneric(JsonNode? node, Path path)
    {
        Tick();
        switch (node)
        {
            case JsonObject obj:
                // Swagger 2.0 parameters, headers and items carry schema keywords themselves. Only scalars are fixed
                // here: an object or array under such a key is a map's entry (a header or scope that has that name).
                if (!_is31 && obj["type"] is JsonArray types && types.All(t => t is JsonValue tv && tv.TryGetValue<string>(out var n) && TypeNames.Contains(n))) NormalizeTypeArray(obj);
                foreach (var pair in obj.ToList())
                {
                    if (pair.Value is JsonValue or null)
                    {
                        if (IntegerKeywords.Contains(pair.Key)) FixInteger(obj, pair.Key, path);
                        else if (NumberKeywords.Contains(pair.Key)) FixNumber(obj, pair.Key, path);
                        else if (GenericBooleanKeywords.Contains(pair.Key) && pair.Value is not null) FixBoolean(obj, pair.Key, path);
                    }
                }

                if (obj["exclusiveMinimum"] is not (JsonObject or JsonArray) && obj["exclusiveMaximum"] is not (JsonObject or JsonArray)) FixExclusiveBounds(obj, path);
                foreach (var pair in obj.ToList())
                {
                    if (IsOpaque(pair.Key)) continue;
                    var child = path.Then(pair.Key);
                    if (pair.Key == "schema") SetSchema(obj, pair.Key, child);
                    else if (pair.Key is "schemas" or "definitions") WalkSchemaMap(obj, pair.Key, child);
                    else WalkGeneric(pair.Value, child);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) WalkGeneric(array[i], path.Then(i));
                break;
        }
    }

    private static bool IsOpaque(string key) => key.StartsWith("x-", StringComparison.Ordinal) || OpaqueKeys.Contains(key);

    /// <summary>Normalizes the schema at <c>parent[key]</c>: replaced (boolean schema), walked, or dropped (not a schema).</summary>
    private void SetSchema(JsonObject parent, string key, Path path)
    {
        var node = parent[key];
        if (node is JsonObject obj)
        {
            WalkSchema(obj, path);
            return;
        }

        var replacement = BooleanSchema(node);
        if (replacement is not null) parent[key] = replacement;
        else Drop(parent, key, path, "is not a schema (" + Describe(node) + ")");
    }

    /// <summary><c>true</c> as <c>{}</c>, <c>false</c> as <c>{"not": {}}</c>; null for anything else.</summary>
    private static JsonObject? BooleanSchema(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<bool>(out var b))
        {
            return b ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
        }

        return null;
    }

    private void WalkSchemaMap(JsonObject parent, string key, Path path)
    {
        if (parent[key] is not JsonObject map)
        {
            if (parent[key] is null && parent.ContainsKey(key))
            {
                // "properties:" with nothing after it (YAML): no properties.
                parent.Remove(key);
                return;
            }

            Drop(parent, key, path, "must be an object that maps names to schemas, but is " + Describe(parent[key]));
            return;
        }

        foreach (var pair in map.ToList()) SetSchema(map, pair.Key, path.Then(pair.Key));
    }

    private void WalkSchemaArray(JsonObject parent, string key, Path path)
    {
        if (parent[key] is not JsonArray array)
        {
            Drop(parent, key, path, "must be an array of schemas, but is " + Describe(parent[key]));
            return;
        }

        // i walks the array as it shrinks; written is the index in the document, for the location.
        for (int i = 0, written = 0; i < array.Count; i++, written++)
        {
            var item = array[i];
            if (item is JsonObject obj)
            {
                WalkSchema(obj, path.Then(written));
                continue;
            }

            var replacement = BooleanSchema(item);
            if (replacement is not null)
            {
                array[i] = replacement;
                continue;
            }

            _report(path.Then(written).ToPointer(), key + "/" + written, "is not a schema (" + Describe(item) + "); it is ignored");
            array.RemoveAt(i);
            i--;
        }
    }

    private void WalkSchema(JsonObject schema, Path path)
    {
        Tick();
        foreach (var pair in schema.ToList())
        {
            var key = pair.Key;
            var value = pair.Value;
            var child = path.Then(key);
            if (key.StartsWith("x-", StringComparison.Ordinal) && key != "x-nullable") continue;
            if (IntegerKeywords.Contains(key)) FixInteger(schema, key, path);
            else if (NumberKeywords.Contains(key)) FixNumber(schema, key, path);
            else if (SchemaBooleanKeywords.Contains(key)) FixBoolean(schema, key, path);
            else if (StringKeywords.Contains(key)) FixString(schema, key, path);
            else if (SchemaMapKeywords.Contains(key)) WalkSchemaMap(schema, key, child);
            else if (SchemaArrayKeywords.Contains(key)) WalkSchemaArray(schema, key, child);
            else if (SchemaKeywords.Contains(key)) SetSchema(schema, key, child);
            else
            {
                switch (key)
                {
                    case "$ref":
                        if (value is not JsonValue r || !r.TryGetValue<string>(out _)) Drop(schema, key, child, "must be a string, but is " + Describe(value));
                        break;
                    case "type":
                        FixType(schema, child);
                        break;
                    case "required":
                        FixRequired(schema, child);
                        break;
                    case "enum":
                        if (value is not JsonArray) Drop(schema, key, child, "must be an array of values, but is " + Describe(value));
                        break;
                    case "items":
                        if (value is JsonArray) WalkSchemaArray(schema, key, child);
                        else SetSchema(schema, key, child);
                        break;
                    case "additionalProperties" or "unevaluatedProperties":
                        if (value is JsonObject additional) WalkSchema(additional, child);
                        else if (value is not JsonValue v || !v.TryGetValue<bool>(out _)) Drop(schema, key, child, "must be a schema or a boolean, but is " + Describe(value));
                        break;
                    case "dependencies":
                        if (value is JsonObject dependencies)
                        {
                            foreach (var dependency in dependencies.ToList())
                            {
                                if (dependency.Value is not JsonArray) SetSchema(dependencies, dependency.Key, child.Then(dependency.Key));
                            }
                        }

                        break;
                    case "discriminator":
                        if (value is not JsonObject) Drop(schema, key, child, "must be an object, but is " + Describe(value));
                        break;
                }
            }
        }

        if (!_is31) NormalizeTypeArray(schema);
        FixExclusiveBounds(schema, path);
    }

    private void FixInteger(JsonObject obj, string key, Path path)
    {
        var value = obj[key];
        if (value is JsonValue v && TryGetNumber(v, out var number, out var isString))
        {
            if (number >= 0 && number == Math.Floor(number) && number <= long.MaxValue)
            {
                var text = v.ToJsonString();
                if (isString) Warn(path.Then(key), key, $"is the string {text}; it is read as the number {(long)number}");
                if (isString || text.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0) obj[key] = JsonValue.Create((long)number);
                return;
            }
        }

        Drop(obj, key, path.Then(key), "must be a non-negative integer, but is " + Describe(value));
    }

    private void FixNumber(JsonObject obj, string key, Path path)
    {
        var value = obj[key];
        if (value is JsonValue v && TryGetNumber(v, out var number, out var isString) && (key != "multipleOf" || number > 0))
        {
            if (isString)
            {
                Warn(path.Then(key), key, $"is the string {v.ToJsonString()}; it is read as the number {v.GetValue<string>().Trim()}");
                obj[key] = ParseNumberNode(v.GetValue<string>().Trim());
            }

            return;
        }

        Drop(obj, key, path.Then(key), (key == "multipleOf" ? "must be a number greater than 0" : "must be a number") + ", but is " + Describe(value));
    }

    private void FixBoolean(JsonObject obj, string key, Path path)
    {
        var value = obj[key];
        if (value is JsonValue v)
        {
            if (v.TryGetValue<bool>(out _)) return;
            if (v.TryGetValue<string>(out var s) && bool.TryParse(s.Trim(), out var b))
            {
                Warn(path.Then(key), key, $"is the string {v.ToJsonString()}; it is read as the boolean {(b ? "true" : "false")}");
                obj[key] = b;
                return;
            }
        }

        Drop(obj, key, path.Then(key), "must be a boolean, but is " + Describe(value));
    }

    private void FixString(JsonObject obj, string key, Path path)
    {
        var value = obj[key];
        if (value is JsonValue v)
        {
            if (v.TryGetValue<string>(out _)) return;
            var text = v.ToJsonString();
            Warn(path.Then(key), key, $"must be a string, but is {Describe(value)}; it is read as the string \"{text}\"");
            obj[key] = text;
            return;
        }

        Drop(obj, key, path.Then(key), "must be a string, but is " + Describe(value));
    }

    private void FixType(JsonObject schema, Path path)
    {
        var value = schema["type"];
        if (value is JsonValue v && v.TryGetValue<string>(out var name))
        {
            if (!TypeNames.Contains(name)) Drop(schema, "type", path, $"must be one of {string.Join(", ", TypeNames)}, but is \"{name}\"");
            return;
        }

        if (value is JsonArray names && names.All(n => n is JsonValue nv && nv.TryGetValue<string>(out var s) && TypeNames.Contains(s))) return;
        Drop(schema, "type", path, "must be a type name (or, in OpenAPI 3.1, an array of them), but is " + Describe(value));
    }

    private void FixRequired(JsonObject schema, Path path)
    {
        var value = schema["required"];
        if (value is not JsonArray names)
        {
            Drop(schema, "required", path, "must be an array of property names in a schema, but is " + Describe(value));
            return;
        }

        for (int i = 0, written = 0; i < names.Count; i++, written++)
        {
            if (names[i] is JsonValue n && n.TryGetValue<string>(out _)) continue;
            _report(path.Then(written).ToPointer(), "required", $"must list property names, but item {written} is {Describe(names[i])}; the item is ignored");
            names.RemoveAt(i);
            i--;
        }
    }

    /// <summary>
    /// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> in the form of the document's version: booleans beside
    /// <c>minimum</c>/<c>maximum</c> up to 3.0 (draft 4), numbers of their own in 3.1 (draft 2020-12).
    /// </summary>
    private void FixExclusiveBounds(JsonObject obj, Path path)
    {
        FixExclusiveBound(obj, path, "exclusiveMinimum", "minimum", lower: true);
        FixExclusiveBound(obj, path, "exclusiveMaximum", "maximum", lower: false);
    }

    private void FixExclusiveBound(JsonObject obj, Path path, string exclusiveKey, string boundKey, bool lower)
    {
        if (!obj.TryGetPropertyValue(exclusiveKey, out var value)) return;
        var child = path.Then(exclusiveKey);
        var bound = obj[boundKey] is JsonValue bv && TryGetNumber(bv, out var b, out var bIsString) && !bIsString ? b : (double?)null;
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            if (bool.TryParse(s.Trim(), out var parsedBool))
            {
                Warn(child, exclusiveKey, $"is the string {v.ToJsonString()}; it is read as the boolean {(parsedBool ? "true" : "false")}");
                obj[exclusiveKey] = parsedBool;
            }
            else if (TryGetNumber(v, out _, out _))
            {
                Warn(child, exclusiveKey, $"is the string {v.ToJsonString()}; it is read as the number {s.Trim()}");
                obj[exclusiveKey] = ParseNumberNode(s.Trim());
            }

            value = obj[exclusiveKey];
        }

        if (value is JsonValue flag && flag.TryGetValue<bool>(out var isExclusive))
        {
            if (!_is31) return;

            // Draft 4 in a 3.1 document: "minimum: 5, exclusiveMinimum: true" is "exclusiveMinimum: 5".
            obj.Remove(exclusiveKey);
            if (isExclusive && bound is not null)
            {
                obj[exclusiveKey] = obj[boundKey]!.DeepClone();
                obj.Remove(boundKey);
            }

            return;
        }

        if (value is JsonValue number && TryGetNumber(number, out var limit, out _))
        {
            if (_is31) return;

            // Draft 2020-12 in a 2.0/3.0 document: "exclusiveMinimum: 5" is "minimum: 5, exclusiveMinimum: true"; with a
            // "minimum" beside it, the stricter of the two applies.
            var exclusiveIsStricter = bound is null || (lower ? limit >= bound : limit <= bound);
            if (exclusiveIsStricter)
            {
                obj[boundKey] = number.DeepClone();
                obj[exclusiveKey] = true;
            }
            else
            {
                obj.Remove(exclusiveKey);
            }

            return;
        }

        Drop(obj, exclusiveKey, child, (_is31 ? "must be a number" : "must be a boolean") + ", but is " + Describe(value));
    }

    /// <summary>
    /// 3.1-style <c>type: [x, "null"]</c> inside 2.0/3.0 documents: keep the one type and mark it nullable
    /// (<c>nullable</c> in 3.0, <c>x-nullable</c> in 2.0). Several non-null types mean any value.
    /// </summary>
    private void NormalizeTypeArray(JsonObject obj)
    {
        if (obj["type"] is not JsonArray types) return;
        var names = types.OfType<JsonValue>().Select(t => t.ToString()).ToList();
        var nonNull = names.Where(n => n != "null").Distinct().ToList();
        if (names.Contains("null")) obj[_isSwagger2 ? "x-nullable" : "nullable"] = true;
        if (nonNull.Count == 1) obj["type"] = nonNull[0];
        else obj.Remove("type");
    }

    private void Drop(JsonObject obj, string key, Path path, string problem)
    {
        _report(path.ToPointer(), key, problem + "; it is ignored");
        obj.Remove(key);
    }

    private void Warn(Path path, string key, string message) => _report(path.ToPointer(), key, message);

    private static bool TryGetNumber(JsonValue value, out double number, out bool isString)
    {
        isString = false;
        number = 0;
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                return double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && !double.IsInfinity(number);
            case JsonValueKind.String:
                isString = true;
                var s = value.GetValue<string>().Trim();
                return s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && !double.IsInfinity(number) && !double.IsNaN(number);
            default:
                return false;
        }
    }

    private static JsonNode ParseNumberNode(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)) return JsonValue.Create(m);
        return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static string Describe(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "an object";
            case JsonArray:
                return "an array";
            case JsonValue value:
                var text = value.ToJsonString();
                if (text.Length > 40) text = text.Substring(0, 40) + "…";
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => "the string " + text,
                    JsonValueKind.Number => "the number " + text,
                    _ => text,
                };
            default:
                return "a " + node.GetType().Name;
        }
    }

    /// <summary>A JSON pointer built as the walk goes down, turned into text only when something is reported.</summary>
    private sealed class Path
    {
        private readonly Path? _parent;
        private readonly string _segment;

        private Path(Path? parent, string segment)
        {
            _parent = parent;
            _segment = segment;
        }

        public static Path Root { get; } = new(null, "");

        public Path Then(string segment) => new(this, segment);

        public Path Then(int index) => new(this, index.ToString(CultureInfo.InvariantCulture));

        public string ToPointer()
        {
            var segments = new List<string>();
            for (var p = this; p._parent is not null; p = p._parent) segments.Add(p._segment);
            var builder = new StringBuilder("#");
            for (var i = segments.Count - 1; i >= 0; i--) builder.Append('/').Append(SourceLocator.EscapeToken(segments[i]));
            return builder.ToString();
        }
    }
}
