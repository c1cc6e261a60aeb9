using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Brings the targets of external <c>$ref</c>s (<c>Pet.json</c>, <c>../common/Error.json#/Error</c>) into the root
/// document as components, and points the refs at them. Targets come only from the spec items the build lists
/// (<c>Generate="None"</c> ones included), matched by path relative to the referencing file: the generator reads
/// nothing from disk or network itself.
/// </summary>
internal sealed class ExternalRefBundler
{
    private readonly Func<string, JsonNode?> _loadDocument;
    private readonly Action<string, string, string> _reportMissing;
    private readonly bool _isSwagger2;
    private readonly JsonObject _root;
    private readonly Dictionary<string, string> _bundled = new(StringComparer.Ordinal);

    /// <param name="root">The root document, changed in place.</param>
    /// <param name="isSwagger2">Swagger 2.0 keeps components at the root (definitions, parameters, responses).</param>
    /// <param name="loadDocument">Returns the parsed document at an absolute, normalized path, or null.</param>
    /// <param name="reportMissing">(pointer of the ref, ref text, resolved path) for a target that is not listed.</param>
    public ExternalRefBundler(JsonObject root, bool isSwagger2, Func<string, JsonNode?> loadDocument, Action<string, string, string> reportMissing)
    {
        _root = root;
        _isSwagger2 = isSwagger2;
        _loadDocument = loadDocument;
        _reportMissing = reportMissing;
    }

    public void Bundle(string rootPath) => Walk(_root, rootPath, "#", RefContext.Schema, rootPath, isExternalCopy: false);

    private enum RefContext
    {
        Schema,
        Parameter,
        Response,
        ParameterList,
        ResponseMap,
        SchemaMap,
    }

    private void Walk(JsonNode? node, string documentPath, string pointer, RefContext context, string rootPath, bool isExternalCopy)
    {
        switch (node)
        {
            case JsonObject obj:
                if (context is RefContext.Schema or RefContext.Parameter or RefContext.Response &&
                    obj.TryGetPropertyValue("$ref", out var refNode) && refNode is JsonValue refValue && refValue.TryGetValue<string>(out var reference))
                {
                    var rewritten = Rewrite(reference, documentPath, pointer, context, isExternalCopy);
                    if (rewritten is not null) obj["$ref"] = rewritten;
                }

                foreach (var pair in obj.ToList())
                {
                    // Extensions and examples are opaque: dangling refs inside them (seen in published specs) are not ours to follow.
                    if (pair.Key.StartsWith("x-", StringComparison.Ordinal) || pair.Key is "$ref" or "example" or "examples") continue;
                    Walk(pair.Value, documentPath, pointer + "/" + Escape(pair.Key), ChildContext(context, pair.Key), rootPath, isExternalCopy);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], documentPath, pointer + "/" + i, context == RefContext.ParameterList ? RefContext.Parameter : RefContext.Schema, rootPath, isExternalCopy);
                }

                break;
        }
    }

    private static RefContext ChildContext(RefContext parent, string key) => parent switch
    {
        RefContext.ParameterList => RefContext.Parameter,
        RefContext.ResponseMap => RefContext.Response,
        RefContext.SchemaMap => RefContext.Schema,
        _ => key switch
        {
            "parameters" => RefContext.ParameterList,
            "responses" => RefContext.ResponseMap,
            "properties" or "definitions" or "schemas" or "patternProperties" or "$defs" => RefContext.SchemaMap,
            _ => RefContext.Schema,
        },
    };

    private string? Rewrite(string reference, string documentPath, string pointer, RefContext context, bool isExternalCopy)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? "" : reference.Substring(hash);
        if (filePart.Length == 0)
        {
            // A local ref. Inside a copied external document it is local to that document: bundle it from there.
            if (!isExternalCopy) return null;
            filePart = documentPath;
        }
        else if (filePart.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || filePart.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            _reportMissing(pointer, reference, filePart);
            return null;
        }

        var targetPath = filePart == documentPath ? documentPath : PathUtil.Resolve(documentPath, filePart);
        var key = targetPath + fragment + "|" + context;
        if (_bundled.TryGetValue(key, out var existing)) return existing;

        var document = _loadDocument(targetPath);
        if (document is null)
        {
            _reportMissing(pointer, reference, targetPath);
            return null;
        }

        var target = Navigate(document, fragment);
        if (target is null)
        {
            _reportMissing(pointer, reference, targetPath + fragment);
            return null;
        }

        var (section, localPrefix) = Section(context);
        var name = UniqueName(section, NameFor(targetPath, fragment));
        var localRef = localPrefix + name;
        _bundled[key] = localRef;
        var copy = target.DeepClone();
        section[name] = copy;
        Walk(copy, targetPath, reference, context, targetPath, isExternalCopy: true);
        return localRef;
    }

    private (JsonObject Section, string Prefix) Section(RefContext context)
    {
        if (_isSwagger2)
        {
            var name = context switch { RefContext.Parameter => "parameters", RefContext.Response => "responses", _ => "definitions" };
            return (GetOrAdd(_root, name), "#/" + name + "/");
        }

        var components = GetOrAdd(_root, "components");
        var section = context switch { RefContext.Parameter => "parameters", RefContext.Response => "responses", _ => "schemas" };
        return (GetOrAdd(components, section), "#/components/" + section + "/");
    }

    private static JsonObject GetOrAdd(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing) return existing;
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    private static string UniqueName(JsonObject section, string name)
    {
        if (!section.ContainsKey(name)) return name;
        for (var i = 2; ; i++)
        {
            var candidate = name + i;
            if (!section.ContainsKey(candidate)) return candidate;
        }
    }

    private static string NameFor(string path, string fragment)
    {
        var segments = SourceLocator.ParsePointer(fragment);
        if (segments.Count > 0) return segments[segments.Count - 1];
        var file = path.Substring(path.LastIndexOf('/') + 1);
        var dot = file.IndexOf('.');
        return dot > 0 ? file.Substring(0, dot) : file;
    }

    private static JsonNode? Navigate(JsonNode document, string fragment)
    {
        JsonNode? current = document;
        foreach (var segment in SourceLocator.ParsePointer(fragment))
        {
            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (current is null) return null;
        }

        return current;
    }

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");
}

/// <summary>Path arithmetic on '/'-separated, normalized absolute paths (no disk access).</summary>
internal static class PathUtil
{
    public static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        var parts = new List<string>();
        var rooted = p.StartsWith("/", StringComparison.Ordinal);
        foreach (var part in p.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return (rooted ? "/" : "") + string.Join("/", parts);
    }

    public static string Resolve(string fromDocument, string relative)
    {
        var rel = Uri.UnescapeDataString(relative.Replace('\\', '/'));
        if (rel.StartsWith("/", StringComparison.Ordinal) || (rel.Length > 1 && rel[1] == ':')) return Normalize(rel);
        var slash = fromDocument.LastIndexOf('/');
        var directory = slash >= 0 ? fromDocument.Substring(0, slash + 1) : "";
        return Normalize(directory + rel);
    }

    public static string FileName(string path)
    {
        var p = path.Replace('\\', '/');
        return p.Substring(p.LastIndexOf('/') + 1);
    }
}
