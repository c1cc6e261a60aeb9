using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractFirst.Specs.Tests.Infrastructure;

/// <summary>
/// RFC 6901 JSON pointers in URI-fragment form (<c>#/components/schemas/X</c>), with one extension:
/// on an array, a segment <c>[key=value]</c> selects the single element whose string property
/// <c>key</c> equals <c>value</c> (e.g. <c>parameters/[name=serviceId]</c>). Segments are unescaped
/// (<c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>) before the selector is read.
/// </summary>
public static class JsonPointer
{
    /// <summary>Escapes one segment: <c>/api/v1/services</c> becomes <c>~1api~1v1~1services</c>.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Builds <c>#/a/b/c</c> from raw (unescaped) segments.</summary>
    public static string Of(params string[] segments) => "#/" + string.Join("/", segments.Select(Escape));

    /// <summary>The pointer of a path item, e.g. <c>Path("/api/v1/services", "post")</c>.</summary>
    public static string Path(string path, params string[] rest) =>
        "#/paths/" + Escape(path) + (rest.Length == 0 ? string.Empty : "/" + string.Join("/", rest.Select(Escape)));

    /// <summary>A selector segment, <c>[key=value]</c>, for use with <see cref="Of"/>.</summary>
    public static string Select(string key, string value) => $"[{key}={value}]";

    public static IReadOnlyList<string> Split(string pointer)
    {
        if (!pointer.StartsWith("#", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{pointer}' is not a URI-fragment JSON pointer.", nameof(pointer));
        }

        var body = pointer[1..];
        if (body.Length == 0)
        {
            return Array.Empty<string>();
        }

        if (body[0] != '/')
        {
            throw new ArgumentException($"'{pointer}' must start with '#/'.", nameof(pointer));
        }

        return body[1..].Split('/').Select(s => Uri.UnescapeDataString(s).Replace("~1", "/").Replace("~0", "~")).ToArray();
    }

    /// <summary>Resolves <paramref name="pointer"/>; false when some segment does not exist.</summary>
    public static bool TryResolve(JsonNode? root, string pointer, out JsonNode? result)
    {
        var current = root;
        foreach (var segment in Split(pointer))
        {
            switch (current)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                    current = child;
                    break;
                case JsonArray array when TrySelect(array, segment, out var element):
                    current = element;
                    break;
                default:
                    result = null;
                    return false;
            }
        }

        result = current;
        return true;
    }

    private static bool TrySelect(JsonArray array, string segment, out JsonNode? element)
    {
        element = null;
        if (segment.StartsWith('[') && segment.EndsWith(']') && segment.Contains('='))
        {
            var eq = segment.IndexOf('=');
            var key = segment[1..eq];
            var value = segment[(eq + 1)..^1];
            var matches = array
                .Where(item => item is JsonObject o
                               && o.TryGetPropertyValue(key, out var v)
                               && v is JsonValue jv
                               && jv.GetValueKind() == JsonValueKind.String
                               && jv.GetValue<string>() == value)
                .ToList();
            if (matches.Count != 1)
            {
                return false;
            }

            element = matches[0];
            return true;
        }

        if (int.TryParse(segment, out var index) && index >= 0 && index < array.Count
            && segment == index.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            element = array[index];
            return true;
        }

        return false;
    }
}
