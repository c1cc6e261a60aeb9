using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace ContractFirst.Specs.Tests.Infrastructure;

/// <summary>
/// Makes a copy of a document in which one fact no longer holds, by the smallest edit that breaks it.
/// Used to prove that no row of the seed tables is vacuous: each must fail on its own mutant.
/// </summary>
public static class FactMutator
{
    public const string Marker = "mutated";

    public static JsonNode Break(JsonNode document, SpecFact fact)
    {
        var clone = document.DeepClone();
        var segments = JsonPointer.Split(fact.Pointer);

        switch (fact.Keyword)
        {
            case "exists":
                Remove(clone, fact.Pointer, segments);
                return clone;
            case "absent":
                Parent(clone, fact.Pointer, segments).AsObject()[segments[^1]] = new JsonObject();
                return clone;
        }

        if (!JsonPointer.TryResolve(clone, fact.Pointer, out var node) || node is not JsonObject target)
        {
            throw new InvalidOperationException($"{fact}: {fact.Pointer} does not resolve to an object.");
        }

        switch (fact.Keyword, fact.Expected)
        {
            case (_, null):
                target[fact.Keyword] = Marker;
                break;
            case ("description", string):
                target["description"] = Marker;
                break;
            case ("enum", string value):
                var without = target["enum"]!.AsArray().Where(e => e?.ToJsonString() != JsonValue.Create(value).ToJsonString()).Select(e => e?.DeepClone());
                target["enum"] = new JsonArray(without.ToArray());
                break;
            case ("enum", string[]):
                target["enum"]!.AsArray().Add(Marker);
                break;
            case ("required", string[]):
                if (target["required"] is JsonArray required)
                {
                    required.Add(Marker);
                }
                else
                {
                    target["required"] = new JsonArray(Marker);
                }

                break;
            case ("properties", string[]):
                (target["properties"] as JsonObject ?? (JsonObject)(target["properties"] = new JsonObject()))[Marker] = new JsonObject();
                break;
            case (_, string s):
                target[fact.Keyword] = s + "-" + Marker;
                break;
            case (_, bool b):
                target[fact.Keyword] = !b;
                break;
            case (_, decimal or int or long or double):
                target[fact.Keyword] = Convert.ToDecimal(fact.Expected, System.Globalization.CultureInfo.InvariantCulture) + 1;
                break;
            default:
                throw new InvalidOperationException($"{fact}: no mutation for this expectation.");
        }

        return clone;
    }

    private static JsonNode Parent(JsonNode root, string pointer, System.Collections.Generic.IReadOnlyList<string> segments)
    {
        var parentPointer = "#/" + string.Join("/", segments.Take(segments.Count - 1).Select(JsonPointer.Escape));
        if (!JsonPointer.TryResolve(root, parentPointer, out var parent) || parent is null)
        {
            throw new InvalidOperationException($"The parent of {pointer} does not resolve.");
        }

        return parent;
    }

    private static void Remove(JsonNode root, string pointer, System.Collections.Generic.IReadOnlyList<string> segments)
    {
        if (!JsonPointer.TryResolve(root, pointer, out var node))
        {
            throw new InvalidOperationException($"{pointer} does not resolve.");
        }

        switch (Parent(root, pointer, segments))
        {
            case JsonObject obj:
                obj.Remove(segments[^1]);
                break;
            case JsonArray array:
                array.Remove(node);
                break;
        }
    }
}
