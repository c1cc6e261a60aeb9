using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Breaks the schema cycles that stay at the same place in a value, once every schema ref points at a component:
/// a schema that is only a ref to itself (<c>A: {$ref: A}</c>, <c>A → B → A</c>), and a schema that includes itself
/// through <c>allOf</c>, <c>anyOf</c> or <c>oneOf</c> (directly or through other schemas). JSON Schema gives these no meaning (evaluating them never
/// ends), Microsoft.OpenApi throws on the first and the model would be a circular inheritance or a union that contains itself: the ref that closes the
/// cycle is left out (a ref-only schema becomes any JSON), with one warning per cycle at that ref. Recursion through
/// properties, items and the like is a real recursive type and is left alone.
/// </summary>
internal sealed class RefCycles
{
    private readonly JsonObject _root;
    private readonly bool _isSwagger2;
    private readonly bool _is31;
    private readonly Func<JsonNode, (string Document, string Pointer)?> _origin;
    private readonly RefReport _report;
    private readonly string _rootPointerPrefix;

    public RefCycles(JsonObject root, bool isSwagger2, bool is31, Func<JsonNode, (string Document, string Pointer)?> origin, RefReport report, string rootPath)
    {
        _root = root;
        _isSwagger2 = isSwagger2;
        _is31 = is31;
        _origin = origin;
        _report = report;
        _rootPointerPrefix = rootPath;
    }

    /// <summary>An edge of the "same place" graph: the ref object, and the allOf array it is an entry of (null: the schema's own $ref).</summary>
    private sealed record Edge(string Target, JsonObject Holder, JsonArray? List, string Keyword, string RelativePointer, string Reference);

    public void Break()
    {
        var section = _isSwagger2 ? _root["definitions"] as JsonObject : (_root["components"] as JsonObject)?["schemas"] as JsonObject;
        if (section is null) return;
        var prefix = _isSwagger2 ? "#/definitions/" : "#/components/schemas/";
        var names = section.Where(p => p.Value is JsonObject).Select(p => p.Key).ToList();
        var edges = new Dictionary<string, List<Edge>>(StringComparer.Ordinal);
        foreach (var name in names) edges[name] = EdgesOf((JsonObject)section[name]!, section, prefix);

        // Iterative depth-first search: 1 = on the stack, 2 = done.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<(string Name, int Next)>();
        foreach (var start in names)
        {
            if (state.ContainsKey(start)) continue;
            state[start] = 1;
            stack.Add((start, 0));
            while (stack.Count > 0)
            {
                var (name, next) = stack[stack.Count - 1];
                var list = edges[name];
                if (next >= list.Count)
                {
                    state[name] = 2;
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                stack[stack.Count - 1] = (name, next + 1);
                var edge = list[next];
                state.TryGetValue(edge.Target, out var targetState);
                if (targetState == 0)
                {
                    state[edge.Target] = 1;
                    stack.Add((edge.Target, 0));
                }
                else if (targetState == 1)
                {
                    var cycleStart = stack.FindIndex(s => s.Name == edge.Target);
                    var cycle = string.Join(" → ", stack.Skip(cycleStart).Select(s => s.Name).Concat(new[] { edge.Target }));
                    Cut(edge, section[name]!, name, cycle, prefix);
                }
            }
        }
    }

    private void Cut(Edge edge, JsonNode schema, string name, string cycle, string prefix)
    {
        var origin = _origin(schema) ?? (_rootPointerPrefix, prefix + SourceLocator.EscapeToken(name));
        var pointer = origin.Pointer + edge.RelativePointer;
        if (edge.List is null)
        {
            RefResolver.MakeAny(edge.Holder, _is31);
            _report("CF0002", origin.Document, pointer, $"The $ref '{edge.Reference}' makes '{name}' stand for itself ({cycle}); it is typed as any JSON");
            return;
        }

        if (_is31 && edge.Holder.Count > 1) RefResolver.MakeAny(edge.Holder, _is31);
        else edge.List.Remove(edge.Holder);
        if (edge.List.Count == 0 && edge.List.Parent is JsonObject owner) owner.Remove(edge.Keyword);
        _report("CF0002", origin.Document, pointer, $"The $ref '{edge.Reference}' makes '{name}' include itself through {edge.Keyword} ({cycle}); that {edge.Keyword} entry is left out");
    }

    private static readonly string[] Keywords = { "allOf", "anyOf", "oneOf" };

    private static List<Edge> EdgesOf(JsonObject schema, JsonObject section, string prefix)
    {
        var result = new List<Edge>();
        if (Target(schema, section, prefix) is { } self) result.Add(new Edge(self, schema, null, "$ref", "/$ref", (string)schema["$ref"]!));

        // allOf, anyOf and oneOf entries, and theirs when they are inline, all apply at the same place.
        var pending = new Stack<(JsonObject Schema, string Pointer)>();
        pending.Push((schema, ""));
        var budget = 10_000;
        while (pending.Count > 0 && budget-- > 0)
        {
            var (current, pointer) = pending.Pop();
            foreach (var keyword in Keywords)
            {
                if (current[keyword] is not JsonArray list) continue;
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is not JsonObject entry) continue;
                    var entryPointer = pointer + "/" + keyword + "/" + i;
                    if (Target(entry, section, prefix) is { } target) result.Add(new Edge(target, entry, list, keyword, entryPointer + "/$ref", (string)entry["$ref"]!));
                    else pending.Push((entry, entryPointer));
                }
            }
        }

        return result;
    }

    /// <summary>The component a schema's own $ref names, when it names one of the section.</summary>
    private static string? Target(JsonObject schema, JsonObject section, string prefix)
    {
        if (schema["$ref"] is not JsonValue value || !value.TryGetValue<string>(out var reference) || !reference.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var segments = SourceLocator.ParsePointer(reference);
        var name = segments.Count == SourceLocator.ParsePointer(prefix).Count + 1 ? segments[segments.Count - 1] : null;
        return name is not null && section[name] is JsonObject ? name : null;
    }
}
