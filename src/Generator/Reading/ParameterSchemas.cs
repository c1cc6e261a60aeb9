using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Gives a parameter a validation schema (<see cref="ParameterModel.Schema"/>) when its parsed C# type and typed checks
/// cannot mean all that its schema means. The typed path stays for the schemas it is exact for (one scalar type with
/// bounds, lengths or a string/integer enum; arrays of those with item counts), so the common parameter costs nothing
/// more; anything else (no type, type arrays, const, pattern, multipleOf, exclusive bounds, composition, …) is checked
/// against the schema, with JSON Schema's meaning, as a body is.
/// </summary>
internal static class ParameterSchemas
{
    private const int MaxDepth = 16;

    public static OperationModel Add(ValidationSchemaReader reader, OperationModel operation, HashSet<string> names)
    {
        if (operation.Parameters.Count == 0) return operation;
        var changed = false;
        var parameters = new List<ParameterModel>(operation.Parameters.Count);
        foreach (var p in operation.Parameters)
        {
            var pointer = p.IsContent ? null : SchemaPointer(reader, operation, p);
            if (pointer is not null && !IsExact(reader, reader.Node(pointer), 0))
            {
                var stem = operation.MethodName.EndsWith("Async", StringComparison.Ordinal) ? operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) : operation.MethodName;
                var name = Identifiers.Unique(stem + Identifiers.ToPascalCase(p.WireName) + "Parameter", names);
                reader.AddRoot(name, pointer);
                parameters.Add(p with { Schema = name });
                changed = true;
            }
            else
            {
                parameters.Add(p);
            }
        }

        return changed ? operation with { Parameters = parameters.ToImmutableEquatableArray() } : operation;
    }

    /// <summary>The pointer of the parameter's schema (<c>#/paths/~1pets/get/parameters/0/schema</c>, or its <c>$ref</c> target's), or null.</summary>
    private static string? SchemaPointer(ValidationSchemaReader reader, OperationModel operation, ParameterModel p)
    {
        var item = "#/paths/" + SourceLocator.EscapeToken(operation.Path);
        foreach (var at in new[] { item + "/" + operation.HttpMethod.ToLowerInvariant(), item })
        {
            if (reader.Node(at + "/parameters") is not JsonArray list) continue;
            for (var i = 0; i < list.Count; i++)
            {
                var pointer = at + "/parameters/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var parameter = list[i] as JsonObject;
                for (var hops = 0; hops < MaxDepth && parameter?["$ref"] is JsonValue r && r.TryGetValue<string>(out var target) && target.StartsWith("#", StringComparison.Ordinal); hops++)
                {
                    pointer = target;
                    parameter = reader.Node(target) as JsonObject;
                }

                if (parameter is null || !Matches(parameter, p)) continue;
                return parameter["schema"] is JsonObject or JsonValue ? pointer + "/schema" : null;
            }
        }

        return null;
    }

    private static bool Matches(JsonObject parameter, ParameterModel p)
    {
        var location = p.Location switch
        {
            ParameterLocation.Path => "path",
            ParameterLocation.Header => "header",
            ParameterLocation.Cookie => "cookie",
            _ => "query",
        };
        if (parameter["in"] is not JsonValue i || !i.TryGetValue<string>(out var at) || at != location) return false;
        if (parameter["name"] is not JsonValue n || !n.TryGetValue<string>(out var name)) return false;
        return string.Equals(name, p.WireName, p.Location == ParameterLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    // Keywords that assert nothing (or nothing a query value can break).
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly", "externalDocs", "xml", "$comment", "nullable",
    };

    /// <summary>
    /// True when the typed parse and checks of a parameter of this schema are exact: one scalar type with only the
    /// keywords the typed checks implement exactly (integer or number bounds, string lengths without a format, an enum of
    /// strings or of integers), or an array of such items with item counts.
    /// </summary>
    private static bool IsExact(ValidationSchemaReader reader, JsonNode? schema, int depth)
    {
        if (depth > MaxDepth || schema is not JsonObject obj) return false;
        if (obj["$ref"] is JsonValue r && r.TryGetValue<string>(out var target))
        {
            // A $ref with siblings means more than its target (3.1): only a bare $ref is followed.
            return obj.Count == 1 && IsExact(reader, reader.Node(target), depth + 1);
        }

        if (obj["type"] is not JsonValue t || !t.TryGetValue<string>(out var type)) return false;
        var hasFormat = obj["format"] is not null;
        foreach (var pair in obj)
        {
            var key = pair.Key;
            var value = pair.Value;
            if (key == "type" || key == "format" || Annotations.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal)) continue;
            var ok = (type, key) switch
            {
                ("integer", "minimum" or "maximum") => IsInteger(value),
                ("number", "minimum" or "maximum") => IsNumber(value),
                ("string", "minLength" or "maxLength") => !hasFormat,
                ("string", "enum") => value is JsonArray values && values.All(v => v is JsonValue s && s.TryGetValue<string>(out _)),
                ("integer", "enum") => value is JsonArray values && values.All(IsInteger),
                ("array", "minItems" or "maxItems") => true,
                ("array", "items") => IsExact(reader, value, depth + 1) && value is JsonObject item && ItemType(reader, item, depth + 1) is "integer" or "number" or "string" or "boolean",
                _ => false,
            };
            if (!ok) return false;
        }

        return type is "integer" or "number" or "string" or "boolean" || (type == "array" && obj["items"] is not null);
    }

    private static string? ItemType(ValidationSchemaReader reader, JsonObject item, int depth)
    {
        if (depth > MaxDepth) return null;
        if (item["$ref"] is JsonValue r && r.TryGetValue<string>(out var target)) return reader.Node(target) is JsonObject o ? ItemType(reader, o, depth + 1) : null;
        return item["type"] is JsonValue t && t.TryGetValue<string>(out var type) ? type : null;
    }

    private static bool IsNumber(JsonNode? value) => value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number;

    private static bool IsInteger(JsonNode? value) =>
        IsNumber(value) && value!.ToJsonString().IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
}
