using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using YamlDotNet.Core;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Reads a spec's text into an <see cref="OpenApiDocument"/>: YAML or JSON into a JSON tree, external refs bundled from
/// the listed spec items, real-world deviations normalized, then Microsoft.OpenApi's reader (2.0, 3.0 and 3.1).
/// Every problem becomes a located diagnostic; nothing here throws.
/// </summary>
internal sealed class SpecLoader
{
    private readonly string _path;
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, string> _otherDocuments;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, JsonNode?> _parsedOthers = new(StringComparer.Ordinal);

    public SpecLoader(string path, string text, IReadOnlyDictionary<string, string> otherDocuments, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _text = text;
        _otherDocuments = otherDocuments;
        _diagnostics = diagnostics;
    }

    public bool IsYaml => IsYamlPath(_path, _text);

    /// <summary>
    /// The document as a JSON tree after bundling and normalization: what Microsoft.OpenApi read. The validation schemas
    /// are read from it, so that no JSON Schema keyword is lost to the object model (null until <see cref="Load"/>).
    /// </summary>
    public JsonObject? Root { get; private set; }

    /// <summary>True for OpenAPI 3.1 (JSON Schema draft 2020-12); false for 3.0 and 2.0 (draft 4/5 style).</summary>
    public bool Is31 { get; private set; }

    public static bool IsYamlPath(string path, string text)
    {
        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) return true;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var ch in text)
        {
            if (!char.IsWhiteSpace(ch)) return ch != '{';
        }

        return false;
    }

    /// <summary>Where a JSON pointer stands in this spec's text.</summary>
    public TextPosition Locate(string? pointer) => SourceLocator.Locate(_text, IsYaml, pointer);

    public OpenApiDocument? Load()
    {
        var root = Parse(_path, _text, report: true);
        if (root is not JsonObject rootObject)
        {
            if (root is not null)
            {
                Report(DiagnosticDescriptors.UnreadableSpec, TextPosition.Start, PathUtil.FileName(_path), "the document is not a JSON object or YAML mapping");
            }

            return null;
        }

        var isSwagger2 = rootObject["swagger"] is JsonValue;
        var is31 = rootObject["openapi"] is JsonValue v && v.ToString().StartsWith("3.1", StringComparison.Ordinal);
        if (!isSwagger2 && rootObject["openapi"] is null)
        {
            Report(DiagnosticDescriptors.UnreadableSpec, TextPosition.Start, PathUtil.FileName(_path), "it has neither an 'openapi' nor a 'swagger' version field");
            return null;
        }

        new RefResolver(rootObject, PathUtil.Normalize(_path), isSwagger2, is31, LoadOther, ReportAt).Resolve();
        if (!is31) Normalizer.NormalizeTypeArrays(rootObject, isSwagger2);

        Root = rootObject;
        Is31 = is31;
        ReadResult result;
        try
        {
            var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
            result = new OpenApiJsonReader().Read(rootObject, new Uri("file:///" + PathUtil.FileName(_path)), settings);
        }
        catch (Exception ex)
        {
            Report(DiagnosticDescriptors.UnreadableSpec, TextPosition.Start, PathUtil.FileName(_path), ex.Message);
            return null;
        }

        foreach (var error in result.Diagnostic?.Errors ?? (IList<OpenApiError>)Array.Empty<OpenApiError>())
        {
            Report(DiagnosticDescriptors.SpecProblem, Locate(error.Pointer), error.Message);
        }

        return result.Document;
    }

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextPosition position, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor.Id, _path, position, arguments));

    /// <summary>A diagnostic at a JSON pointer of the root or of a listed file, located in that file's text.</summary>
    private void ReportAt(string id, string document, string pointer, params string[] arguments)
    {
        var isRoot = document == PathUtil.Normalize(_path);
        var text = isRoot ? _text : _otherDocuments.TryGetValue(document, out var other) ? other : null;
        var position = text is null ? TextPosition.Start : SourceLocator.Locate(text, IsYamlPath(document, text), pointer);
        _diagnostics.Add(DiagnosticInfo.Create(id, isRoot || text is null ? _path : document, position, arguments));
    }

    private JsonNode? LoadOther(string path)
    {
        if (_parsedOthers.TryGetValue(path, out var cached)) return cached;
        JsonNode? node = null;
        if (string.Equals(path, PathUtil.Normalize(_path), StringComparison.Ordinal))
        {
            node = Parse(_path, _text, report: false);
        }
        else if (_otherDocuments.TryGetValue(path, out var text))
        {
            node = Parse(path, text, report: true);
        }

        _parsedOthers[path] = node;
        return node;
    }

    private JsonNode? Parse(string path, string text, bool report)
    {
        try
        {
            if (IsYamlPath(path, text)) return YamlToJson.Convert(text);
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex) when (report)
        {
            var position = new TextPosition((int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0), 1);
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec.Id, path, position, PathUtil.FileName(path), FirstSentence(ex.Message)));
        }
        catch (YamlException ex) when (report)
        {
            var position = new TextPosition((int)Math.Max(0, ex.Start.Line - 1), (int)Math.Max(0, ex.Start.Column - 1), 1);
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec.Id, path, position, PathUtil.FileName(path), FirstSentence(ex.Message)));
        }
        catch (Exception ex) when (report)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec.Id, path, TextPosition.Start, PathUtil.FileName(path), FirstSentence(ex.Message)));
        }
        catch (Exception)
        {
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line.Substring(0, 300) : line;
    }

    /// <summary>Fixes what published specs get wrong in ways that a reader for their version would reject.</summary>
    private static class Normalizer
    {
        /// <summary>
        /// 3.1-style <c>type: [x, "null"]</c> inside 2.0/3.0 documents: keep the one type and mark it nullable
        /// (<c>nullable</c> in 3.0, <c>x-nullable</c> in 2.0). Several non-null types mean any value.
        /// </summary>
        public static void NormalizeTypeArrays(JsonNode? node, bool isSwagger2)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["type"] is JsonArray types)
                    {
                        var names = types.OfType<JsonValue>().Select(t => t.ToString()).ToList();
                        var nonNull = names.Where(n => n != "null").Distinct().ToList();
                        if (names.Contains("null")) obj[isSwagger2 ? "x-nullable" : "nullable"] = true;
                        if (nonNull.Count == 1) obj["type"] = nonNull[0];
                        else obj.Remove("type");
                    }

                    foreach (var pair in obj.ToList())
                    {
                        if (!pair.Key.StartsWith("x-", StringComparison.Ordinal) && pair.Key is not ("example" or "examples" or "enum" or "default"))
                        {
                            NormalizeTypeArrays(pair.Value, isSwagger2);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array) NormalizeTypeArrays(item, isSwagger2);
                    break;
            }
        }
    }
}
