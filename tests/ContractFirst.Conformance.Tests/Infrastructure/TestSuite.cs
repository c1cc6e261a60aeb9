using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractFirst.Conformance.Tests.Infrastructure;

/// <summary>The two drafts of the suite and the OpenAPI version whose schema semantics each stands for.</summary>
public enum Draft
{
    /// <summary>draft2020-12, measured through OpenAPI 3.1.0 documents.</summary>
    Draft202012,

    /// <summary>draft4, measured through OpenAPI 3.0.3 documents (the Schema Object is draft 4/5 style).</summary>
    Draft4,
}

public static class DraftInfo
{
    public static string Folder(this Draft draft) => draft == Draft.Draft202012 ? "draft2020-12" : "draft4";

    public static string OpenApiVersion(this Draft draft) => draft == Draft.Draft202012 ? "3.1.0" : "3.0.3";

    public static string Label(this Draft draft) => draft == Draft.Draft202012 ? "draft2020-12 (OpenAPI 3.1)" : "draft4 (OpenAPI 3.0)";

    /// <summary>The key that changes the base URI in this draft.</summary>
    public static string IdKeyword(this Draft draft) => draft == Draft.Draft202012 ? "$id" : "id";
}

/// <summary>One test of a group: the instance (as its exact JSON text) and whether the suite says it is valid.</summary>
public sealed record SuiteCase(string Description, string DataJson, bool Valid);

/// <summary>
/// One group of a keyword file: its schema (an object or a boolean), the cases, and, when it cannot be expressed in an
/// OpenAPI document, the reason it is excluded.
/// </summary>
public sealed record SuiteGroup(string File, int Index, string Description, JsonNode? Schema, IReadOnlyList<SuiteCase> Cases, string? Exclusion)
{
    public string OperationId => "g" + Index;

    public string Path => "/g" + Index;
}

/// <summary>One keyword file of a draft, e.g. draft2020-12/items.json.</summary>
public sealed record KeywordFile(Draft Draft, string Name, IReadOnlyList<SuiteGroup> Groups, bool Covered, string? NotCoveredReason, string? FileExclusion)
{
    public IEnumerable<SuiteGroup> Runnable => FileExclusion is null ? Groups.Where(g => g.Exclusion is null) : Enumerable.Empty<SuiteGroup>();
}

/// <summary>
/// Reads ../shared/json-schema-test-suite and decides, per file and per group, what is measured. The decisions and
/// their reasons are listed in docs/validation.md; they are made here, in one place.
/// </summary>
public static class TestSuite
{
    /// <summary>../shared/json-schema-test-suite beside the checkout, found by walking up from the test binaries; null when absent.</summary>
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "json-schema-test-suite");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "draft2020-12")) && Directory.Exists(System.IO.Path.Combine(candidate, "draft4"))) return candidate;
        }

        return null;
    }

    /// <summary>Whole files that are not run, with the reason (the optional/ folder is not read at all).</summary>
    public static IReadOnlyDictionary<string, string> FileExclusions(Draft draft) => draft == Draft.Draft202012
        ? new Dictionary<string, string>
        {
            ["refRemote.json"] = "remote `$ref`s: the schemas live on a server (localhost:1234) that the suite provides, and the generator reads nothing from the network",
            ["dynamicRef.json"] = "`$dynamicRef`/`$dynamicAnchor`: dynamic scope, out of scope for issue 11",
            ["anchor.json"] = "`$anchor`: location-independent identifiers under `$id` base URIs",
            ["vocabulary.json"] = "`$vocabulary`: needs custom meta-schemas (remote)",
        }
        : new Dictionary<string, string>
        {
            ["refRemote.json"] = "remote `$ref`s: the schemas live on a server (localhost:1234) that the suite provides, and the generator reads nothing from the network",
            ["additionalItems.json"] = "`additionalItems` (with `items` as an array) is not in the OpenAPI 3.0 Schema Object",
            ["dependencies.json"] = "`dependencies` is not in the OpenAPI 3.0 Schema Object",
            ["patternProperties.json"] = "`patternProperties` is not in the OpenAPI 3.0 Schema Object",
        };

    /// <summary>
    /// Files that run and are reported, but whose keywords are outside "the keywords to cover" of issue 11, so they are
    /// not in the covered totals that the targets apply to.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotCovered(Draft draft) => draft == Draft.Draft202012
        ? new Dictionary<string, string>
        {
            ["unevaluatedItems.json"] = "`unevaluatedItems` is not in the keywords to cover (it needs annotation collection across applicators)",
            ["unevaluatedProperties.json"] = "`unevaluatedProperties` is not in the keywords to cover (it needs annotation collection across applicators)",
            ["dependentSchemas.json"] = "`dependentSchemas` is not in the keywords to cover (`dependentRequired` is)",
            ["content.json"] = "`contentMediaType`/`contentEncoding`/`contentSchema` are annotations in 2020-12 and not in the keywords to cover",
        }
        : new Dictionary<string, string>();

    public static IReadOnlyList<KeywordFile> Load(Draft draft)
    {
        if (Root is null) return Array.Empty<KeywordFile>();
        var folder = System.IO.Path.Combine(Root, draft.Folder());
        var excluded = FileExclusions(draft);
        var notCovered = NotCovered(draft);
        var files = new List<KeywordFile>();
        foreach (var path in Directory.GetFiles(folder, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(path);
            var groups = ReadGroups(draft, name, File.ReadAllText(path));
            excluded.TryGetValue(name, out var fileExclusion);
            notCovered.TryGetValue(name, out var notCoveredReason);
            files.Add(new KeywordFile(draft, name, groups, fileExclusion is null && notCoveredReason is null, notCoveredReason, fileExclusion));
        }

        return files;
    }

    public static IReadOnlyList<SuiteGroup> ReadGroups(Draft draft, string fileName, string json)
    {
        var groups = new List<SuiteGroup>();
        using var doc = JsonDocument.Parse(json);
        var index = 0;
        foreach (var group in doc.RootElement.EnumerateArray())
        {
            var schema = JsonNode.Parse(group.GetProperty("schema").GetRawText());
            var cases = group.GetProperty("tests").EnumerateArray()
                .Select(t => new SuiteCase(t.GetProperty("description").GetString()!, t.GetProperty("data").GetRawText(), t.GetProperty("valid").GetBoolean()))
                .ToList();
            groups.Add(new SuiteGroup(fileName, index, group.GetProperty("description").GetString()!, schema, cases, ExclusionOf(draft, schema)));
            index++;
        }

        return groups;
    }

    /// <summary>Why a group's schema cannot be put into an OpenAPI document of the draft's version; null when it can.</summary>
    public static string? ExclusionOf(Draft draft, JsonNode? schema)
    {
        var refs = new List<string>();
        var keywords = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        SchemaWalker.Visit(schema, (node, _) =>
        {
            foreach (var (key, value) in node)
            {
                keywords.Add(key);
                if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target)) refs.Add(target);
                if (draft == Draft.Draft4 && key == "type" && value is JsonArray) problems.Add("`type` as an array is not in the OpenAPI 3.0 Schema Object");
                if (draft == Draft.Draft4 && key == "type" && value is JsonValue t && t.TryGetValue<string>(out var name) && name == "null") problems.Add("`type: null` is not in the OpenAPI 3.0 Schema Object (3.0 has `nullable`)");
                if (draft == Draft.Draft4 && key == "items" && value is JsonArray) problems.Add("`items` as an array is not in the OpenAPI 3.0 Schema Object");
            }
        });

        if (keywords.Contains("$dynamicRef") || keywords.Contains("$dynamicAnchor") || keywords.Contains("$recursiveRef")) return "`$dynamicRef`/`$dynamicAnchor`: out of scope";
        if (keywords.Contains("$anchor")) return "`$anchor`: location-independent identifiers";
        if (refs.Any(r => !r.StartsWith('#'))) return "remote or relative `$ref` (" + refs.First(r => !r.StartsWith('#')) + ")";
        if (refs.Any(r => r.Length > 1 && r[1] != '/')) return "`$ref` to a plain-name fragment (" + refs.First(r => r.Length > 1 && r[1] != '/') + ")";
        if (refs.Count > 0 && keywords.Contains(draft.IdKeyword())) return "`" + draft.IdKeyword() + "`-based resolution: a `" + draft.IdKeyword() + "` changes the base URI that its `$ref`s resolve against";
        if (draft == Draft.Draft4)
        {
            foreach (var keyword in new[] { "additionalItems", "dependencies", "patternProperties" })
            {
                if (keywords.Contains(keyword)) return "`" + keyword + "` is not in the OpenAPI 3.0 Schema Object";
            }
        }

        return problems.FirstOrDefault();
    }
}

/// <summary>
/// Walks the subschemas of a schema by the keywords that hold schemas (never into `enum`, `const`, `default` or other
/// data), so that a property named `$ref` or an `enum` value that looks like a schema is left alone.
/// </summary>
public static class SchemaWalker
{
    private static readonly string[] SchemaValued =
    {
        "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema", "items",
    };

    private static readonly string[] SchemaArrays = { "allOf", "anyOf", "oneOf", "prefixItems", "items" };

    private static readonly string[] SchemaMaps = { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies" };

    /// <summary>Calls <paramref name="visit"/> for every schema object (not boolean schemas), with its JSON pointer relative to <paramref name="schema"/>.</summary>
    public static void Visit(JsonNode? schema, Action<JsonObject, string> visit) => Visit(schema, "", visit, 0);

    private static void Visit(JsonNode? schema, string pointer, Action<JsonObject, string> visit, int depth)
    {
        if (schema is not JsonObject obj || depth > 64) return;
        visit(obj, pointer);
        foreach (var key in SchemaValued)
        {
            if (obj[key] is JsonObject sub) Visit(sub, pointer + "/" + Escape(key), visit, depth + 1);
        }

        foreach (var key in SchemaArrays)
        {
            if (obj[key] is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++) Visit(array[i], pointer + "/" + Escape(key) + "/" + i, visit, depth + 1);
            }
        }

        foreach (var key in SchemaMaps)
        {
            if (obj[key] is JsonObject map)
            {
                foreach (var (name, sub) in map) Visit(sub, pointer + "/" + Escape(key) + "/" + Escape(name), visit, depth + 1);
            }
        }
    }

    /// <summary>A JSON pointer token (RFC 6901): ~ as ~0, / as ~1.</summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
