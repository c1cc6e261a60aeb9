using System;
using System.Collections.Generic;
using System.Threading;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Finds where a JSON pointer (<c>#/paths/~1pets/get</c>) stands in a spec's text, so that diagnostics point at file,
/// line and column. The text is read again, by the same readers (and limits) as the spec itself, only when there is
/// something to report; <see cref="SpecLoader"/> keeps the map for every later diagnostic. When the pointer goes
/// deeper than the document, the deepest node that exists is returned.
/// </summary>
internal static class SourceLocator
{
    public static TextPosition Locate(string text, bool isYaml, string? pointer)
        => Map(text, isYaml, CancellationToken.None)?.Locate(ParsePointer(pointer)) ?? TextPosition.Start;

    /// <summary>The source map of a text, or null when it cannot be read (its reading error has been reported already).</summary>
    public static SourceMap? Map(string text, bool isYaml, CancellationToken cancellationToken)
    {
        var map = new SourceMap();
        try
        {
            DocumentReader.Read(text, isYaml, new ReadContext(text.Length, cancellationToken, map));
            return map;
        }
        catch (SpecSyntaxException)
        {
            // What was read before the error still locates.
            return map;
        }
    }

    /// <summary>One JSON Pointer token (RFC 6901): '~' as "~0", '/' as "~1".</summary>
    public static string EscapeToken(string key) => key.Replace("~", "~0").Replace("/", "~1");

    /// <summary>
    /// The tokens of a JSON pointer (after any <c>#</c>). Lenient by default: empty tokens are skipped, so that a
    /// section prefix such as <c>#/components/schemas/</c> and a pointer to a node compare by their names. With
    /// <paramref name="exact"/>, RFC 6901: <c>/a//b</c> is three tokens, the middle one the empty name (used to follow a
    /// <c>$ref</c>, whose target may be named "").
    /// </summary>
    public static IReadOnlyList<string> ParsePointer(string? pointer, bool exact = false)
    {
        var result = new List<string>();
        if (string.IsNullOrEmpty(pointer)) return result;
        var p = pointer!;
        var hash = p.IndexOf('#');
        if (hash >= 0) p = p.Substring(hash + 1);
        if (p.Length == 0) return result;
        var tokens = exact && p[0] == '/' ? p.Substring(1).Split('/') : p.Split('/');
        foreach (var raw in tokens)
        {
            if (raw.Length == 0 && !exact) continue;
            result.Add(Unescape(raw));
        }

        return result;
    }

    private static string Unescape(string raw)
    {
        try
        {
            return Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
        }
        catch (Exception)
        {
            return raw.Replace("~1", "/").Replace("~0", "~");
        }
    }
}

/// <summary>Reads a spec's text, YAML or JSON, into a JSON tree within the limits of its <see cref="ReadContext"/>.</summary>
internal static class DocumentReader
{
    /// <summary>The tree (null for an empty document); throws <see cref="SpecSyntaxException"/> where the text is not JSON or YAML.</summary>
    public static System.Text.Json.Nodes.JsonNode? Read(string text, bool isYaml, ReadContext context)
    {
        context.CheckText(text);
        return isYaml ? YamlToJson.Read(text, context) : JsonToTree.Read(text, context);
    }
}
