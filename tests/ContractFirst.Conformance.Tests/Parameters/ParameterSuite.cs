using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Conformance.Tests.Infrastructure;

namespace ContractFirst.Conformance.Tests.Parameters;

/// <summary>How a group's cases reach the server: one query value, or the repeated values of an array (form, explode).</summary>
public enum ParameterShape
{
    Scalar,
    Array,
}

/// <summary>One case as a query parameter: the texts of <c>v</c> (one, or one per item), or why it cannot be sent.</summary>
public sealed record ParameterCase(int Index, SuiteCase Case, IReadOnlyList<string>? Texts, string? Exclusion);

/// <summary>One group of the suite as a required query parameter <c>v</c>: its shape and its cases.</summary>
public sealed record ParameterGroup(KeywordFile File, SuiteGroup Group, ParameterShape Shape, IReadOnlyList<ParameterCase> Cases)
{
    /// <summary>The group has array keywords but no <c>type</c>: measured as an array parameter, with <c>type: array</c> added (its array cases mean the same).</summary>
    public bool TypedAsArray => Shape == ParameterShape.Array && !(Group.Schema is System.Text.Json.Nodes.JsonObject o && o.ContainsKey("type"));

    public IEnumerable<ParameterCase> Sent => Cases.Where(c => c.Exclusion is null);
}

/// <summary>
/// Decides which groups and cases of the suite a query string can carry, and how each case is written (OpenAPI's
/// <c>form</c> style: a string as its text, a number as its JSON text, a boolean as <c>true</c>/<c>false</c>; an array
/// as one <c>v=</c> per item). The reasons of every exclusion are here, in one place, and in docs/validation.md.
/// </summary>
public static class ParameterSuite
{
    public const string NullReason = "`null`: a query string has no null";
    public const string StructuredReason = "an object, or an array in a scalar group: not a scalar query value";
    public const string AmbiguousStringReason = "a string that reads as a number or a boolean, where the schema allows those types: the query text cannot say it is a string";
    public const string AmbiguousScalarReason = "a number or a boolean where the schema allows strings but not its type: its text is a string to that schema";
    public const string SingleForArrayReason = "not an array, in an array group: a single value and a one-item array are the same query (form, explode)";
    public const string EmptyArrayReason = "an empty array: no `v=` at all, which is an absent parameter";
    public const string NestedArrayReason = "an array item that is null, an object or an array: not a scalar query value";
    public const string NotTextReason = "a string with a lone surrogate: no text a URL can carry";

    /// <summary>The groups of <paramref name="files"/> that describe a query parameter (runnable, with at least one case to send).</summary>
    public static List<ParameterGroup> Select(IEnumerable<KeywordFile> files)
    {
        var result = new List<ParameterGroup>();
        foreach (var file in files)
        {
            foreach (var group in file.Runnable)
            {
                var shape = ShapeOf(group);
                var cases = group.Cases.Select((c, i) => Classify(i, c, group.Schema, shape)).ToList();
                result.Add(new ParameterGroup(file, group, shape, cases));
            }
        }

        return result;
    }

    private static readonly string[] ArrayKeywords = { "items", "prefixItems", "contains", "minContains", "maxContains", "minItems", "maxItems", "uniqueItems" };

    /// <summary>
    /// An array group when the schema says <c>type: array</c>, or has array keywords, no <c>type</c> and no <c>$ref</c>, and
    /// some case that is a non-empty array of scalars (measured as <c>type: array</c> plus the schema); every other group is scalar.
    /// </summary>
    public static ParameterShape ShapeOf(SuiteGroup group)
    {
        if (group.Schema is not JsonObject obj) return ParameterShape.Scalar;
        if (obj["type"] is JsonValue t && t.TryGetValue<string>(out var type)) return type == "array" ? ParameterShape.Array : ParameterShape.Scalar;
        if (obj.ContainsKey("type") || obj.ContainsKey("$ref") || !ArrayKeywords.Any(obj.ContainsKey)) return ParameterShape.Scalar;
        return group.Cases.Any(c => JsonNode.Parse(c.DataJson) is JsonArray { Count: > 0 } a && a.All(i => i is JsonValue)) ? ParameterShape.Array : ParameterShape.Scalar;
    }

    private static ParameterCase Classify(int index, SuiteCase c, JsonNode? schema, ParameterShape shape)
    {
        using var doc = JsonDocument.Parse(c.DataJson);
        var data = doc.RootElement;
        if (shape == ParameterShape.Scalar)
        {
            if (data.ValueKind == JsonValueKind.Null) return new(index, c, null, NullReason);
            if (data.ValueKind is JsonValueKind.Object or JsonValueKind.Array) return new(index, c, null, StructuredReason);
            var (text, why) = Text(data, TypesOf(schema));
            return new(index, c, why is null ? new[] { text! } : null, why);
        }

        if (data.ValueKind == JsonValueKind.Null) return new(index, c, null, NullReason);
        if (data.ValueKind != JsonValueKind.Array) return new(index, c, null, SingleForArrayReason);
        if (data.GetArrayLength() == 0) return new(index, c, null, EmptyArrayReason);
        var itemTypes = schema is JsonObject o && o["items"] is JsonObject items ? TypesOf(items) : null;
        var texts = new List<string>();
        foreach (var item in data.EnumerateArray())
        {
            if (item.ValueKind is JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array) return new(index, c, null, NestedArrayReason);
            var (text, why) = Text(item, itemTypes);
            if (why is not null) return new(index, c, null, why);
            texts.Add(text!);
        }

        return new(index, c, texts, null);
    }

    /// <summary>The types a schema names at its top (<c>type</c> as a string or an array); null when it names none (any type).</summary>
    public static HashSet<string>? TypesOf(JsonNode? schema)
    {
        if (schema is not JsonObject obj) return null;
        return obj["type"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var one) => new HashSet<string>(StringComparer.Ordinal) { one },
            JsonArray a => a.OfType<JsonValue>().Select(x => x.TryGetValue<string>(out var s) ? s : "").ToHashSet(StringComparer.Ordinal),
            _ => null,
        };
    }

    private static bool Allows(HashSet<string>? types, string type) => types is null || types.Contains(type) || (type == "integer" && types.Contains("number"));

    /// <summary>The query text of a scalar, or why a query cannot carry it unambiguously for a schema of <paramref name="types"/>.</summary>
    private static (string? Text, string? Why) Text(JsonElement data, HashSet<string>? types)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.String:
                var s = data.GetString()!;
                if (!IsWellFormed(s)) return (null, NotTextReason);
                var number = IsJsonNumber(s);
                if (number && (Allows(types, "number") || Allows(types, "integer"))) return (null, AmbiguousStringReason);
                if (s is "true" or "false" && Allows(types, "boolean")) return (null, AmbiguousStringReason);
                return (s, null);
            case JsonValueKind.Number:
                if (types is not null && types.Contains("string") && !types.Contains("number") && !types.Contains("integer")) return (null, AmbiguousScalarReason);
                return (data.GetRawText(), null);
            case JsonValueKind.True:
            case JsonValueKind.False:
                if (types is not null && types.Contains("string") && !types.Contains("boolean")) return (null, AmbiguousScalarReason);
                return (data.ValueKind == JsonValueKind.True ? "true" : "false", null);
            default:
                return (null, StructuredReason);
        }
    }

    public static bool IsJsonNumber(string s)
    {
        if (s.Length == 0) return false;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(s));
            return reader.Read() && reader.TokenType == JsonTokenType.Number && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }

        return true;
    }

    /// <summary>The query string of a case: <c>?v=a</c>, or <c>?v=a&amp;v=b</c> for an array.</summary>
    public static string Query(IReadOnlyList<string> texts) => "?" + string.Join("&", texts.Select(t => "v=" + Uri.EscapeDataString(t)));

    /// <summary>Where the group's schema stands in its parameter document.</summary>
    public static string SchemaPointer(SuiteGroup group) => "/paths/" + SchemaWalker.Escape(group.Path) + "/get/parameters/0/schema";

    /// <summary>One OpenAPI document per keyword file: <c>GET /g{N}</c> with a required query parameter <c>v</c> (form, explode) of the group's schema.</summary>
    public static string Document(KeywordFile file, IEnumerable<ParameterGroup> groups)
    {
        var paths = new JsonObject();
        foreach (var g in groups)
        {
            var schema = ConformanceDocument.Relocate(file.Draft, g.Group.Schema, SchemaPointer(g.Group));
            if (g.TypedAsArray && schema is JsonObject typed) typed["type"] = "array";
            paths[g.Group.Path] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["operationId"] = g.Group.OperationId,
                    ["summary"] = g.Group.Description,
                    ["parameters"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "v",
                        ["in"] = "query",
                        ["required"] = true,
                        ["style"] = "form",
                        ["explode"] = true,
                        ["schema"] = schema,
                    }),
                    ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "The instance is valid." } },
                },
            };
        }

        var document = new JsonObject
        {
            ["openapi"] = file.Draft.OpenApiVersion(),
            ["info"] = new JsonObject { ["title"] = "parameters " + file.Draft.Folder() + "/" + file.Name, ["version"] = "1" },
            ["paths"] = paths,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Percent(int agree, int cases) => (100.0 * ConformanceResults.Ratio(agree, cases)).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
