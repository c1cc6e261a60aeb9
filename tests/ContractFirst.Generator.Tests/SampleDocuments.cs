using System.Text.Json.Nodes;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// Builds a sample JSON document for a schema of a spec: every property set (required and optional), one item per
/// array, one entry per map. With <c>unknownEnums</c>, every string enum value is one the spec does not know.
/// </summary>
public sealed class SampleDocuments(JsonNode spec, bool unknownEnums)
{
    public JsonNode? For(string pointer) => Sample(Resolve(pointer), depth: 0);

    private JsonObject Resolve(string pointer)
    {
        JsonNode? node = spec;
        foreach (var segment in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
            node = node is JsonArray array ? array[int.Parse(key)] : node![key];
        }

        return (JsonObject)node!;
    }

    private JsonNode? Sample(JsonObject schema, int depth)
    {
        if (schema["$ref"] is JsonValue reference) return depth > 12 ? null : Sample(Resolve(reference.GetValue<string>()), depth + 1);
        if (schema["allOf"] is JsonArray allOf)
        {
            var merged = new JsonObject();
            foreach (var part in allOf)
            {
                if (Sample((JsonObject)part!, depth + 1) is JsonObject obj)
                {
                    foreach (var pair in obj) merged[pair.Key] = pair.Value?.DeepClone();
                }
            }

            if (schema["properties"] is not null && Sample(WithoutAllOf(schema), depth) is JsonObject own)
            {
                foreach (var pair in own) merged[pair.Key] = pair.Value?.DeepClone();
            }

            return merged;
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray branches) return Sample((JsonObject)branches[0]!, depth + 1);
        if (schema["enum"] is JsonArray values)
        {
            var first = values.First(v => v is not null)!;
            return unknownEnums && first is JsonValue v && v.TryGetValue<string>(out _) ? JsonValue.Create("zz-not-in-the-spec") : first.DeepClone();
        }

        var type = schema["type"]?.GetValue<string>();
        if (type == "object" || schema["properties"] is not null || (type is null && schema["additionalProperties"] is JsonObject))
        {
            var obj = new JsonObject();
            if (schema["properties"] is JsonObject properties)
            {
                foreach (var pair in properties)
                {
                    obj[pair.Key] = depth > 12 ? null : Sample((JsonObject)pair.Value!, depth + 1);
                    if (obj[pair.Key] is null) obj.Remove(pair.Key);
                }
            }

            if (schema["additionalProperties"] is JsonObject additional)
            {
                obj["extra-entry"] = Sample(additional, depth + 1) ?? "x";
            }
            else if (schema["properties"] is null)
            {
                obj["free"] = "form";
            }

            return obj;
        }

        return type switch
        {
            "array" => schema["items"] is JsonObject items && Sample(items, depth + 1) is { } item ? new JsonArray(item) : new JsonArray(),
            "integer" => JsonValue.Create(schema["minimum"] is JsonValue min ? (long)decimal.Parse(min.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : 7),
            "number" => JsonValue.Create(schema["minimum"] is JsonValue nmin ? decimal.Parse(nmin.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : 1.5m),
            "boolean" => JsonValue.Create(true),
            "string" => (string?)schema["format"]?.GetValue<string>() switch
            {
                "uuid" => JsonValue.Create("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
                "date-time" => JsonValue.Create("2024-01-02T03:04:05+00:00"),
                "date" => JsonValue.Create("2024-01-02"),
                "byte" or "binary" => JsonValue.Create("aGVsbG8="),
                _ => JsonValue.Create("text é ✓ \"quoted\""),
            },
            _ => JsonValue.Create("any value"),
        };
    }

    private static JsonObject WithoutAllOf(JsonObject schema)
    {
        var copy = (JsonObject)schema.DeepClone();
        copy.Remove("allOf");
        return copy;
    }
}
