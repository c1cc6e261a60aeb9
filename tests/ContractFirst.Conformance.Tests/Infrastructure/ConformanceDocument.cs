using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContractFirst.Conformance.Tests.Infrastructure;

/// <summary>
/// One OpenAPI document for one keyword file: one operation per group, <c>POST /g{N}</c> (operationId <c>g{N}</c>),
/// whose JSON request body is <c>{type: object, required: [v], properties: {v: &lt;group schema&gt;}}</c>, inline, and
/// whose success is 204. The group schema's local <c>$ref</c>s are rewritten to absolute JSON pointers of where the
/// schema now stands in the document.
/// </summary>
public sealed class ConformanceDocument
{
    private ConformanceDocument(KeywordFile file, IReadOnlyList<SuiteGroup> groups, string text, IReadOnlyDictionary<int, (int First, int Last)> lines)
    {
        File = file;
        Groups = groups;
        Text = text;
        GroupLines = lines;
    }

    public KeywordFile File { get; }

    /// <summary>The groups that have an operation in this document.</summary>
    public IReadOnlyList<SuiteGroup> Groups { get; }

    /// <summary>The document, as JSON text.</summary>
    public string Text { get; }

    /// <summary>The 1-based lines of each group's path item, by group index: where a located diagnostic of the group falls.</summary>
    public IReadOnlyDictionary<int, (int First, int Last)> GroupLines { get; }

    /// <summary>The PascalCase name of the keyword file: <c>if-then-else.json</c> gives <c>IfThenElse</c>.</summary>
    public string Name => Pascal(File.Name);

    public string Namespace => "Conformance." + (File.Draft == Draft.Draft202012 ? "D202012" : "D4") + "." + Name;

    public string ClientName => Name + "Client";

    /// <summary>The {Api} of the generated server names: <c>I{Api}Server</c>, <c>Add{Api}Server</c>, <c>Map{Api}</c>.</summary>
    public string Api => Name;

    /// <summary>The spec's path as the generator sees it (an AdditionalText path).</summary>
    public string SpecPath => "/conformance/" + File.Draft.Folder() + "/" + System.IO.Path.GetFileNameWithoutExtension(File.Name) + ".json";

    /// <summary>Where the operations of this document are mapped on the shared TestServer.</summary>
    public string Prefix => "/" + File.Draft.Folder() + "/" + Name;

    public static string Pascal(string fileName)
    {
        var stem = System.IO.Path.GetFileNameWithoutExtension(fileName);
        var sb = new StringBuilder();
        foreach (var part in Regex.Split(stem, "[^A-Za-z0-9]+").Where(p => p.Length > 0)) sb.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        return sb.ToString();
    }

    /// <summary>Where the group's schema stands in the document, as a JSON pointer (RFC 6901, no leading '#').</summary>
    public static string SchemaPointer(SuiteGroup group) =>
        "/paths/" + SchemaWalker.Escape(group.Path) + "/post/requestBody/content/" + SchemaWalker.Escape("application/json") + "/schema/properties/v";

    public static ConformanceDocument Build(KeywordFile file, IEnumerable<SuiteGroup> groups)
    {
        var included = groups.ToList();
        var paths = new JsonObject();
        foreach (var group in included)
        {
            var wrapper = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("v"),
                ["properties"] = new JsonObject { ["v"] = Relocate(file.Draft, group.Schema, SchemaPointer(group)) },
            };
            paths[group.Path] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = group.OperationId,
                    ["summary"] = group.Description,
                    ["requestBody"] = new JsonObject
                    {
                        ["required"] = true,
                        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = wrapper } },
                    },
                    ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "The instance is valid." } },
                },
            };
        }

        var document = new JsonObject
        {
            ["openapi"] = file.Draft.OpenApiVersion(),
            ["info"] = new JsonObject { ["title"] = file.Draft.Folder() + "/" + file.Name, ["version"] = "1" },
            ["paths"] = paths,
        };
        var text = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return new ConformanceDocument(file, included, text, LocateGroups(text, included));
    }

    /// <summary>
    /// A copy of a group's schema as it must read at <paramref name="pointer"/>: every local <c>$ref</c> ("#", "#/...")
    /// becomes the absolute pointer of its target in the OpenAPI document, and a root <c>$schema</c> naming the draft's
    /// own meta-schema is dropped (the document's dialect is that draft already, and 2020-12 allows <c>$schema</c> only at
    /// a resource root).
    /// </summary>
    public static JsonNode? Relocate(Draft draft, JsonNode? schema, string pointer)
    {
        var copy = schema?.DeepClone();
        if (copy is JsonObject root && root["$schema"] is JsonValue meta && meta.TryGetValue<string>(out var uri) && IsOwnMetaSchema(draft, uri)) root.Remove("$schema");
        var rewrites = new List<JsonObject>();
        SchemaWalker.Visit(copy, (node, _) =>
        {
            if (node["$ref"] is JsonValue v && v.TryGetValue<string>(out var target) && (target == "#" || target.StartsWith("#/", StringComparison.Ordinal))) rewrites.Add(node);
        });
        foreach (var node in rewrites)
        {
            var target = node["$ref"]!.GetValue<string>();
            node["$ref"] = "#" + pointer + target.Substring(1);
        }

        return copy;
    }

    private static bool IsOwnMetaSchema(Draft draft, string uri) => draft == Draft.Draft202012
        ? uri.TrimEnd('#') == "https://json-schema.org/draft/2020-12/schema"
        : uri.TrimEnd('#') == "http://json-schema.org/draft-04/schema";

    private static IReadOnlyDictionary<int, (int, int)> LocateGroups(string text, IReadOnlyList<SuiteGroup> groups)
    {
        var lines = text.Split('\n');
        var starts = new List<(int Index, int Line)>();
        var byPath = groups.ToDictionary(g => "    \"" + g.Path + "\": {", g => g.Index);
        for (var i = 0; i < lines.Length; i++)
        {
            if (byPath.TryGetValue(lines[i].TrimEnd('\r'), out var index)) starts.Add((index, i + 1));
        }

        var result = new Dictionary<int, (int, int)>();
        for (var i = 0; i < starts.Count; i++) result[starts[i].Index] = (starts[i].Line, i + 1 < starts.Count ? starts[i + 1].Line - 1 : lines.Length);
        return result;
    }
}
