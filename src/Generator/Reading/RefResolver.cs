using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>Reports a diagnostic at a JSON pointer of a document: the root, or a listed file.</summary>
internal delegate void RefReport(string id, string document, string pointer, params string[] arguments);

/// <summary>
/// Rewrites every <c>$ref</c> of a document's JSON tree into the forms that Microsoft.OpenApi resolves, before it reads:
/// <list type="bullet">
/// <item>a ref to another listed file (<c>Pet.json</c>, <c>../common.yaml#/Error</c>) brings a copy of its target into
/// the root's components and points at it;</item>
/// <item>a ref to any other JSON pointer (<c>#/components/parameters/p/schema</c>,
/// <c>#/components/responses/R/content/application~1json/schema/oneOf/0</c>) hoists the target into its components
/// section under a synthesized name: the target moves there and its old place refers to it, so it is one schema (one
/// type) with the same JSON Schema meaning;</item>
/// <item>path items and operations that are refs (a Redocly-style split spec) are inlined;</item>
/// <item>a dangling ref is reported once per distinct target, located at the ref, and the value becomes any JSON
/// (a dangling parameter, response, path item or operation is dropped).</item>
/// </list>
/// Then <see cref="RefCycles"/> breaks the cycles that have no meaning (a schema that is only a ref to itself, a schema
/// that includes itself through allOf). Refs inside extensions (<c>x-</c>) and examples are not part of the API and are
/// never followed. Everything is iterative (no recursion on the document's depth) and bounded.
/// </summary>
internal sealed class RefResolver
{
    /// <summary>At most this many copies and inlinings per document: an alias bomb made of refs stops here.</summary>
    private const int MaxCopies = 20_000;

    private const int MaxInlineDepth = 32;

    private readonly JsonObject _root;
    private readonly string _rootPath;
    private readonly bool _isSwagger2;
    private readonly bool _is31;
    private readonly Func<string, JsonNode?> _loadDocument;
    private readonly RefReport _report;
    private readonly CancellationToken _cancellationToken;

    private readonly Stack<WalkItem> _work = new();
    private readonly Dictionary<JsonNode, (Kind Kind, string Document, string Pointer)> _visited = new(ReferenceComparer.Instance);
    private readonly Dictionary<JsonNode, JsonNode> _movedFrom = new(ReferenceComparer.Instance);
    private readonly Dictionary<string, string> _copied = new(StringComparer.Ordinal);
    private readonly Dictionary<(JsonNode Node, Kind Kind), string> _hoisted = new(NodeKindComparer.Instance);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly List<PendingRef> _pending = new();
    private readonly List<JsonNode> _toRemove = new();
    private readonly List<(JsonObject Mapping, string Document)> _mappings = new();
    private readonly Dictionary<string, string> _refByTarget = new(StringComparer.Ordinal);
    private int _copies;

    /// <param name="root">The root document, changed in place.</param>
    /// <param name="rootPath">Its normalized path.</param>
    /// <param name="isSwagger2">Swagger 2.0 keeps its sections at the root (definitions, parameters, responses).</param>
    /// <param name="is31">OpenAPI 3.1: siblings of a schema's $ref apply (in 2.0 and 3.0 they are ignored).</param>
    /// <param name="loadDocument">The parsed document at a normalized path, or null when it is not listed.</param>
    /// <param name="cancellationToken">Checked between nodes of the walk.</param>
    /// <param name="report">Reports a diagnostic at a JSON pointer of a document (the root or a listed file).</param>
    public RefResolver(JsonObject root, string rootPath, bool isSwagger2, bool is31, Func<string, JsonNode?> loadDocument, RefReport report, CancellationToken cancellationToken = default)
    {
        _root = root;
        _rootPath = rootPath;
        _isSwagger2 = isSwagger2;
        _is31 = is31;
        _loadDocument = loadDocument;
        _report = report;
        _cancellationToken = cancellationToken;
    }

    /// <summary>What a node is, as far as refs are concerned: an object that a ref can stand for, or a container of them.</summary>
    internal enum Kind
    {
        Document,
        Components,
        Paths,
        PathItem,
        Operation,
        ParameterList,
        ParameterMap,
        Parameter,
        ResponseMap,
        Response,
        RequestBodyMap,
        RequestBody,
        HeaderMap,
        Header,
        CallbackMap,
        Callback,
        Content,
        MediaType,
        EncodingMap,
        Encoding,
        SchemaMap,
        SchemaList,
        Schema,
        Discriminator,
    }

    private readonly record struct WalkItem(JsonNode Node, Kind Kind, string Document, string Pointer, InlineChain? Chain);

    private sealed record PendingRef(JsonObject RefObject, JsonNode Target, Kind Kind, string Document, string Pointer, string Reference, string TargetPointer);

    private sealed record InlineChain(string Key, InlineChain? Parent, int Depth)
    {
        public bool Contains(string key)
        {
            for (var c = this; c is not null; c = c.Parent)
            {
                if (c.Key == key) return true;
            }

            return false;
        }
    }

    public void Resolve()
    {
        _work.Push(new WalkItem(_root, Kind.Document, _rootPath, "#", null));
        while (true)
        {
            while (_work.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                Visit(_work.Pop());
            }

            if (_pending.Count == 0) break;
            var pending = _pending.ToList();
            _pending.Clear();
            foreach (var item in pending) Hoist(item);
        }

        foreach (var node in _toRemove) Detach(node);
        RewriteMappings();
        new RefCycles(_root, _isSwagger2, _is31, Origin, _report, _rootPath).Break();
    }

    // -----------------------------------------------------------------------------------------------------------
    // The walk

    private void Visit(WalkItem item)
    {
        switch (item.Node)
        {
            case JsonObject obj:
                if (IsElement(item.Kind)) _visited[obj] = (item.Kind, item.Document, item.Pointer);
                if (item.Kind == Kind.Discriminator)
                {
                    if (obj["mapping"] is JsonObject mapping) _mappings.Add((mapping, item.Document));
                    return;
                }

                if (obj.TryGetPropertyValue("$ref", out var refNode) && refNode is JsonValue refValue && refValue.TryGetValue<string>(out var reference) && IsElement(item.Kind))
                {
                    if (!OnRef(obj, reference, item)) return;
                }

                // Pushed in reverse, so that children are visited in document order (diagnostics come out in that order).
                var children = obj.ToList();
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    var pair = children[i];
                    if (pair.Value is null || pair.Key == "$ref" || pair.Key.StartsWith("x-", StringComparison.Ordinal)) continue;
                    var kind = ChildKind(item.Kind, pair.Key, pair.Value);
                    if (kind is null) continue;
                    _work.Push(new WalkItem(pair.Value, kind.Value, item.Document, item.Pointer + "/" + Escape(pair.Key), item.Chain));
                }

                break;
            case JsonArray array when item.Kind is Kind.SchemaList or Kind.ParameterList:
                var element = item.Kind == Kind.SchemaList ? Kind.Schema : Kind.Parameter;
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is { } child) _work.Push(new WalkItem(child, element, item.Document, item.Pointer + "/" + i, item.Chain));
                }

                break;
        }
    }

    private static bool IsElement(Kind kind) => kind is Kind.PathItem or Kind.Operation or Kind.Parameter or Kind.Response or Kind.RequestBody
        or Kind.Header or Kind.Callback or Kind.Schema or Kind.MediaType or Kind.Encoding or Kind.Document or Kind.Components;

    /// <summary>The kind of a child, or null when the child holds nothing that refs of the API can be in.</summary>
    private Kind? ChildKind(Kind parent, string key, JsonNode value) => parent switch
    {
        Kind.Document => key switch
        {
            "paths" or "webhooks" => Kind.Paths,
            "components" => Kind.Components,
            "definitions" when _isSwagger2 => Kind.SchemaMap,
            "parameters" when _isSwagger2 => Kind.ParameterMap,
            "responses" when _isSwagger2 => Kind.ResponseMap,
            _ => null,
        },
        Kind.Components => key switch
        {
            "schemas" => Kind.SchemaMap,
            "parameters" => Kind.ParameterMap,
            "responses" => Kind.ResponseMap,
            "requestBodies" => Kind.RequestBodyMap,
            "headers" => Kind.HeaderMap,
            "callbacks" => Kind.CallbackMap,
            "pathItems" => Kind.Paths,
            _ => null,
        },
        Kind.Paths or Kind.Callback => Kind.PathItem,
        Kind.ParameterMap => Kind.Parameter,
        Kind.ResponseMap => Kind.Response,
        Kind.RequestBodyMap => Kind.RequestBody,
        Kind.HeaderMap => Kind.Header,
        Kind.CallbackMap => Kind.Callback,
        Kind.Content => Kind.MediaType,
        Kind.EncodingMap => Kind.Encoding,
        Kind.SchemaMap => Kind.Schema,
        Kind.PathItem => key switch
        {
            "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace" or "query" => Kind.Operation,
            "parameters" => Kind.ParameterList,
            _ => null,
        },
        Kind.Operation => key switch
        {
            "parameters" => Kind.ParameterList,
            "requestBody" => Kind.RequestBody,
            "responses" => Kind.ResponseMap,
            "callbacks" => Kind.CallbackMap,
            _ => null,
        },
        Kind.Parameter or Kind.Header => key switch { "schema" => Kind.Schema, "content" => Kind.Content, _ => null },
        Kind.RequestBody => key == "content" ? Kind.Content : null,
        Kind.Response => key switch { "content" => Kind.Content, "headers" => Kind.HeaderMap, "schema" => Kind.Schema, _ => null },
        Kind.MediaType => key switch { "schema" => Kind.Schema, "encoding" => Kind.EncodingMap, _ => null },
        Kind.Encoding => key == "headers" ? Kind.HeaderMap : null,
        Kind.Schema => key switch
        {
            "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" or "dependencies" => Kind.SchemaMap,
            "allOf" or "anyOf" or "oneOf" or "prefixItems" => Kind.SchemaList,
            "items" => value is JsonArray ? Kind.SchemaList : Kind.Schema,
            "additionalItems" or "additionalProperties" or "not" or "if" or "then" or "else" or "contains" or "propertyNames"
                or "unevaluatedItems" or "unevaluatedProperties" or "contentSchema" => Kind.Schema,
            "discriminator" => Kind.Discriminator,
            _ => null,
        },
        _ => null,
    };

    /// <summary>Handles the ref of <paramref name="refObject"/>; false when the object is gone or replaced (no walk into it).</summary>
    private bool OnRef(JsonObject refObject, string reference, WalkItem item)
    {
        if (!TryTarget(reference, item.Document, out var targetDocument, out var fragment, out var target, out var problem))
        {
            Dangling(refObject, item, reference, targetDocument, fragment, problem);
            return item.Kind == Kind.Schema;
        }

        var isRoot = targetDocument == _rootPath;
        switch (item.Kind)
        {
            case Kind.PathItem:
            case Kind.Operation:
            case Kind.RequestBody when _isSwagger2:
            case Kind.Header when _isSwagger2:
            case Kind.Callback when _isSwagger2:
                Inline(refObject, target!, item, targetDocument, fragment, reference);
                return false;
            case Kind.Schema:
            case Kind.Parameter:
            case Kind.Response:
            case Kind.RequestBody:
            case Kind.Header:
            case Kind.Callback:
                if (target is not JsonObject && !(item.Kind == Kind.Schema && _is31 && target is JsonValue))
                {
                    Dangling(refObject, item, reference, targetDocument, fragment, "it does not point at an object");
                    return item.Kind == Kind.Schema;
                }

                var (section, prefix) = Section(item.Kind);
                var segments = SourceLocator.ParsePointer(fragment);
                if (isRoot && IsSectionEntry(segments, prefix))
                {
                    // Already a component: only spell it the way the reader expects.
                    refObject["$ref"] = prefix + Escape(segments[segments.Count - 1]);
                    return true;
                }

                if (isRoot && !ReferenceEquals(target, _root))
                {
                    _pending.Add(new PendingRef(refObject, target!, item.Kind, item.Document, item.Pointer, reference, fragment));
                    return true;
                }

                if (ReferenceEquals(target, _root))
                {
                    Dangling(refObject, item, reference, targetDocument, fragment, "it points at the whole document");
                    return item.Kind == Kind.Schema;
                }

                refObject["$ref"] = CopyExternal(section, prefix, item.Kind, target!, targetDocument, fragment);
                return true;
            default:
                return true;
        }
    }

    private bool TryTarget(string reference, string document, out string targetDocument, out string fragment, out JsonNode? target, out string? problem)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        fragment = hash < 0 ? "#" : reference.Substring(hash);
        target = null;
        problem = null;
        if (filePart.Length == 0)
        {
            targetDocument = document;
        }
        else if (filePart.IndexOf("://", StringComparison.Ordinal) > 0)
        {
            targetDocument = filePart;
            problem = "not listed";
            return false;
        }
        else
        {
            targetDocument = PathUtil.Resolve(document, filePart);
        }

        var documentNode = targetDocument == _rootPath ? _root : _loadDocument(targetDocument);
        if (documentNode is null)
        {
            problem = "not listed";
            return false;
        }

        target = Navigate(documentNode, fragment);
        if (target is null) problem = "no target";
        return target is not null;
    }

    /// <summary>Follows a JSON pointer; a node that was hoisted is found where it went.</summary>
    private JsonNode? Navigate(JsonNode document, string fragment)
    {
        var current = Follow(document);
        foreach (var segment in SourceLocator.ParsePointer(fragment, exact: true))
        {
            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (current is null) return null;
            current = Follow(current);
        }

        return current;
    }

    private JsonNode Follow(JsonNode node)
    {
        for (var i = 0; i < 64 && _movedFrom.TryGetValue(node, out var moved); i++) node = moved;
        return node;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Rewrites

    private void Hoist(PendingRef item)
    {
        var key = (item.Target, item.Kind);
        if (!_hoisted.TryGetValue(key, out var localRef))
        {
            var (section, prefix) = Section(item.Kind);
            var name = UniqueName(section, SynthesizedName(item.TargetPointer));
            localRef = prefix + Escape(name);
            _hoisted[key] = localRef;
            _refByTarget[_rootPath + "|" + Normalize(item.TargetPointer)] = localRef;
            if (_visited.TryGetValue(item.Target, out var visited) && visited.Kind == item.Kind && item.Target.Parent is not null && ++_copies < MaxCopies)
            {
                // The target is a part of the API: it moves into the components and its old place refers to it.
                var stub = new JsonObject { ["$ref"] = localRef };
                Replace(item.Target, stub);
                section[name] = item.Target;
                _movedFrom[stub] = item.Target;
            }
            else
            {
                // Anything else (an extension, an example, a node of another kind) stays as it is; a copy is walked.
                var copy = item.Target.DeepClone();
                section[name] = copy;
                _copies++;
                _work.Push(new WalkItem(copy, item.Kind, _rootPath, item.TargetPointer, null));
            }
        }

        item.RefObject["$ref"] = localRef;
    }

    private string CopyExternal(JsonObject section, string prefix, Kind kind, JsonNode target, string targetDocument, string fragment)
    {
        var key = targetDocument + "|" + Normalize(fragment) + "|" + kind;
        if (_copied.TryGetValue(key, out var existing)) return existing;
        var name = UniqueName(section, ExternalName(targetDocument, fragment));
        var localRef = prefix + Escape(name);
        _copied[key] = localRef;
        _refByTarget[targetDocument + "|" + Normalize(fragment)] = localRef;
        var copy = target.DeepClone();
        section[name] = copy;
        if (++_copies < MaxCopies) _work.Push(new WalkItem(copy, kind, targetDocument, fragment, null));
        return localRef;
    }

    private void Inline(JsonObject refObject, JsonNode target, WalkItem item, string targetDocument, string fragment, string reference)
    {
        var key = targetDocument + "|" + Normalize(fragment);
        if (item.Chain is { } chain && (chain.Contains(key) || chain.Depth >= MaxInlineDepth) || ++_copies >= MaxCopies || target is not JsonObject targetObject)
        {
            Dangling(refObject, item, reference, targetDocument, fragment, "cycle");
            return;
        }

        var copy = (JsonObject)targetObject.DeepClone();
        foreach (var pair in refObject.ToList())
        {
            if (pair.Key != "$ref" && !copy.ContainsKey(pair.Key)) copy[pair.Key] = pair.Value?.DeepClone();
        }

        Replace(refObject, copy);
        _work.Push(new WalkItem(copy, item.Kind, targetDocument, fragment, new InlineChain(key, item.Chain, (item.Chain?.Depth ?? 0) + 1)));
    }

    /// <summary>
    /// A ref that leads nowhere: one diagnostic per distinct target, at the first ref to it. A schema becomes any JSON
    /// (what the diagnostic says); a parameter, response, path item or operation is dropped.
    /// </summary>
    private void Dangling(JsonObject refObject, WalkItem item, string reference, string targetDocument, string fragment, string? problem)
    {
        var notListed = problem == "not listed";
        var groupKey = notListed ? "file|" + targetDocument : targetDocument + "|" + Normalize(fragment) + "|" + problem;
        if (_reported.Add(groupKey))
        {
            var pointer = item.Pointer + "/$ref";
            if (notListed) _report("CF0003", item.Document, pointer, reference, PathUtil.FileName(targetDocument));
            else if (problem == "cycle") _report("CF0002", item.Document, pointer, $"The $ref '{reference}' makes the {Describe(item.Kind)} contain itself; it is left out");
            else if (problem == "no target" && item.Kind == Kind.Schema) _report("CF0006", item.Document, pointer, reference);
            else if (problem == "no target") _report("CF0002", item.Document, pointer, $"The $ref '{reference}' cannot be resolved; the {Describe(item.Kind)} is left out");
            else _report("CF0002", item.Document, pointer, $"The $ref '{reference}' cannot be used: {problem}; " + (item.Kind == Kind.Schema ? "the value is typed as any JSON" : $"the {Describe(item.Kind)} is left out"));
        }

        if (item.Kind == Kind.Schema) MakeAny(refObject, _is31);
        else _toRemove.Add(refObject);
    }

    internal static void MakeAny(JsonObject refObject, bool is31)
    {
        refObject.Remove("$ref");
        if (is31) return;
        // In 2.0 and 3.0 the siblings of a $ref are ignored: keep only what documents it.
        foreach (var key in refObject.Select(p => p.Key).ToList())
        {
            if (key is not ("description" or "title") && !key.StartsWith("x-", StringComparison.Ordinal)) refObject.Remove(key);
        }
    }

    private static string Describe(Kind kind) => kind switch
    {
        Kind.PathItem => "path item",
        Kind.Operation => "operation",
        Kind.RequestBody => "request body",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Discriminator mappings that name a hoisted or copied schema follow it.</summary>
    private void RewriteMappings()
    {
        foreach (var (mapping, document) in _mappings)
        {
            foreach (var pair in mapping.ToList())
            {
                if (pair.Value is not JsonValue value || !value.TryGetValue<string>(out var reference)) continue;
                // A bare schema name ('Cat') names a component; anything with a '#' or a file name is a ref.
                var hash = reference.IndexOf('#');
                if (hash < 0 && reference.IndexOf('.') < 0 && reference.IndexOf('/') < 0) continue;
                var filePart = hash < 0 ? reference : reference.Substring(0, hash);
                var targetDocument = filePart.Length == 0 ? document : PathUtil.Resolve(document, filePart);
                var fragment = hash < 0 ? "#" : reference.Substring(hash);
                if (_refByTarget.TryGetValue(targetDocument + "|" + Normalize(fragment), out var local)) mapping[pair.Key] = local;
            }
        }
    }

    /// <summary>Where a node of the tree came from: its document and JSON pointer there (null when unknown).</summary>
    private (string Document, string Pointer)? Origin(JsonNode node)
        => _visited.TryGetValue(node, out var visited) ? (visited.Document, visited.Pointer) : null;

    // -----------------------------------------------------------------------------------------------------------
    // Names and sections

    private (JsonObject Section, string Prefix) Section(Kind kind)
    {
        if (_isSwagger2)
        {
            var name = kind switch { Kind.Parameter => "parameters", Kind.Response => "responses", _ => "definitions" };
            return (GetOrAdd(_root, name), "#/" + name + "/");
        }

        var components = GetOrAdd(_root, "components");
        var section = SectionName(kind);
        return (GetOrAdd(components, section), "#/components/" + section + "/");
    }

    private static string SectionName(Kind kind) => kind switch
    {
        Kind.Parameter => "parameters",
        Kind.Response => "responses",
        Kind.RequestBody => "requestBodies",
        Kind.Header => "headers",
        Kind.Callback => "callbacks",
        _ => "schemas",
    };

    private static bool IsSectionEntry(IReadOnlyList<string> segments, string prefix)
    {
        var sectionSegments = SourceLocator.ParsePointer(prefix);
        if (segments.Count != sectionSegments.Count + 1) return false;
        for (var i = 0; i < sectionSegments.Count; i++)
        {
            if (segments[i] != sectionSegments[i]) return false;
        }

        return true;
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
            var candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!section.ContainsKey(candidate)) return candidate;
        }
    }

    /// <summary>
    /// The component name of a hoisted local target: the PascalCase of its pointer's segments, leaving out
    /// <c>components</c>, <c>content</c> with the media type after it, and <c>schema</c>
    /// (<c>#/components/parameters/Sort/schema</c> gives <c>ParametersSort</c>).
    /// </summary>
    internal static string SynthesizedName(string pointer)
    {
        var segments = SourceLocator.ParsePointer(pointer);
        var kept = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment is "components" or "schema") continue;
            if (segment == "content" && i + 1 < segments.Count)
            {
                i++;
                continue;
            }

            kept.Add(segment);
        }

        return Identifiers.ToPascalCase(string.Join(" ", kept), "Schema");
    }

    /// <summary>The component name of an external target: its pointer's last segment, or the file name without extension.</summary>
    private static string ExternalName(string path, string fragment)
    {
        var segments = SourceLocator.ParsePointer(fragment);
        if (segments.Count > 0 && segments[segments.Count - 1].Length > 0) return segments[segments.Count - 1];
        var file = PathUtil.FileName(path);
        var dot = file.IndexOf('.');
        return dot > 0 ? file.Substring(0, dot) : file.Length > 0 ? file : "Schema";
    }

    private static string Normalize(string fragment) => "#" + string.Concat(SourceLocator.ParsePointer(fragment, exact: true).Select(s => "/" + Escape(s)));

    private static string Escape(string key) => SourceLocator.EscapeToken(key);

    private static void Replace(JsonNode node, JsonNode replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private static void Detach(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent.Remove(node.GetPropertyName());
                break;
            case JsonArray array:
                array.RemoveAt(node.GetElementIndex());
                break;
        }
    }

    private sealed class ReferenceComparer : IEqualityComparer<JsonNode>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(JsonNode? x, JsonNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonNode obj) => RuntimeHelpers.GetHashCode(obj);
    }

    private sealed class NodeKindComparer : IEqualityComparer<(JsonNode Node, Kind Kind)>
    {
        public static readonly NodeKindComparer Instance = new();

        public bool Equals((JsonNode Node, Kind Kind) x, (JsonNode Node, Kind Kind) y) => ReferenceEquals(x.Node, y.Node) && x.Kind == y.Kind;

        public int GetHashCode((JsonNode Node, Kind Kind) obj) => RuntimeHelpers.GetHashCode(obj.Node) * 31 + (int)obj.Kind;
    }
}
