using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Reads a spec's text into an <see cref="OpenApiDocument"/>: YAML or JSON into a JSON tree, external refs bundled from
/// the listed spec items, real-world deviations normalized, then Microsoft.OpenApi's reader (2.0, 3.0 and 3.1).
/// Every problem becomes a located diagnostic (file, line and column, always inside the file); nothing here throws
/// but <see cref="OperationCanceledException"/>. The reading is bounded (<see cref="ReadContext"/>): nesting depth,
/// node count and YAML alias expansion, with cancellation checked as it goes.
/// </summary>
internal sealed class SpecLoader
{
    private readonly string _path;
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, string> _otherDocuments;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, JsonNode?> _parsedOthers = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;
    private SourceMap? _sourceMap;
    private TextLines? _lines;

    public SpecLoader(string path, string text, IReadOnlyDictionary<string, string> otherDocuments, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken = default)
    {
        _path = path;
        _text = text;
        _otherDocuments = otherDocuments;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
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
            if (!char.IsWhiteSpace(ch) && ch != '\uFEFF') return ch != '{';
        }

        return false;
    }

    /// <summary>
    /// Where a JSON pointer stands in this spec's text (the deepest node that exists on its way). The text is mapped once,
    /// on the first call, by the readers that read it.
    /// </summary>
    public TextPosition Locate(string? pointer)
    {
        _sourceMap ??= SourceLocator.Map(_text, IsYaml, _cancellationToken) ?? new SourceMap();
        return _sourceMap.Locate(SourceLocator.ParsePointer(pointer));
    }

    private TextLines Lines => _lines ??= new TextLines(_text);

    public OpenApiDocument? Load()
    {
        var root = Parse(_path, _text, report: true, out var unreadable);
        if (root is not JsonObject rootObject)
        {
            if (!unreadable)
            {
                Report(DiagnosticDescriptors.UnreadableSpec, root is null ? TextPosition.Start : Locate(null), PathUtil.FileName(_path),
                    root is null ? "the document is empty" : "the document is not a JSON object or YAML mapping");
            }

            return null;
        }

        var isSwagger2 = rootObject["swagger"] is JsonValue;
        var is31 = rootObject["openapi"] is JsonValue v && v.ToString().StartsWith("3.1", StringComparison.Ordinal);
        if (!isSwagger2 && rootObject["openapi"] is null)
        {
            Report(DiagnosticDescriptors.UnreadableSpec, Locate(null), PathUtil.FileName(_path), "it has neither an 'openapi' nor a 'swagger' version field");
            return null;
        }

        new RefResolver(rootObject, PathUtil.Normalize(_path), isSwagger2, is31, LoadOther, ReportAt, _cancellationToken).Resolve();
        _cancellationToken.ThrowIfCancellationRequested();
        new SpecNormalizer(isSwagger2, is31, (pointer, keyword, problem) => Report(DiagnosticDescriptors.InvalidKeyword, Locate(pointer), keyword, problem), _cancellationToken)
            .Normalize(rootObject);
        _cancellationToken.ThrowIfCancellationRequested();

        Root = rootObject;
        Is31 = is31;
        ReadResult result;
        try
        {
            var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
            result = new OpenApiJsonReader().Read(rootObject, new Uri("file:///" + PathUtil.FileName(_path)), settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reader says where it was when it can (OpenApiException.Pointer); otherwise the message may name it.
            var pointer = (ex as OpenApiException)?.Pointer ?? PointerIn(ex.Message);
            Report(DiagnosticDescriptors.UnreadableSpec, Locate(pointer), PathUtil.FileName(_path), FirstSentence(ex.Message));
            return null;
        }

        foreach (var error in result.Diagnostic?.Errors ?? (IList<OpenApiError>)Array.Empty<OpenApiError>())
        {
            Report(DiagnosticDescriptors.SpecProblem, Locate(PointerOf(error)), error.Message);
        }

        return result.Document;
    }

    /// <summary>Reports a diagnostic in this spec's file, at the position moved inside the file.</summary>
    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextPosition position, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor.Id, _path, Lines.Clamp(position), arguments));

    private static readonly Regex MessagePointer = new(@"#/[^\s'""]*", RegexOptions.CultureInvariant);

    private static readonly Regex UnknownProperty = new(@"^(?<name>\S+) is not a valid property at (?<pointer>#/?\S*)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Where a reader error is: its pointer, or a deeper one that its message names ("x is not a valid property at
    /// #/components/schemas/S" is at the property x).
    /// </summary>
    private static string? PointerOf(OpenApiError error)
    {
        var unknown = UnknownProperty.Match(error.Message.Trim());
        if (unknown.Success)
        {
            return unknown.Groups["pointer"].Value.TrimEnd('/') + "/" + SourceLocator.EscapeToken(unknown.Groups["name"].Value);
        }

        var named = PointerIn(error.Message);
        if (named is null) return error.Pointer;
        if (error.Pointer is null) return named;
        return SourceLocator.ParsePointer(named).Count > SourceLocator.ParsePointer(error.Pointer).Count ? named : error.Pointer;
    }

    /// <summary>A JSON pointer named in a reader message ("... while parsing at #/components/schemas/S/required."), or null.</summary>
    private static string? PointerIn(string message)
    {
        var match = MessagePointer.Match(message);
        return match.Success ? match.Value.TrimEnd('.', ',', ':', ';', ')') : null;
    }

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
            node = Parse(_path, _text, report: false, out _);
        }
        else if (_otherDocuments.TryGetValue(path, out var text))
        {
            node = Parse(path, text, report: true, out _);
        }

        _parsedOthers[path] = node;
        return node;
    }

    /// <summary>
    /// Reads one document's text into a JSON tree. With <paramref name="report"/>, what went wrong is reported in that
    /// document's file: a syntax error (CF0001, <paramref name="unreadable"/> set) and the recoverable issues (repeated
    /// keys, reading limits, bytes that were not UTF-8), each at its line and column.
    /// </summary>
    private JsonNode? Parse(string path, string text, bool report, out bool unreadable)
    {
        unreadable = false;
        var context = new ReadContext(text.Length, _cancellationToken);
        var lines = report ? (path == _path ? Lines : new TextLines(text)) : null;
        try
        {
            var node = DocumentReader.Read(text, IsYamlPath(path, text), context);
            if (lines is not null) ReportIssues(path, lines, context);
            return node;
        }
        catch (SpecSyntaxException ex)
        {
            unreadable = true;
            if (lines is not null)
            {
                ReportIssues(path, lines, context);
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec.Id, path, lines.Clamp(ex.Position), PathUtil.FileName(path), ex.Message));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not expected (the readers turn their errors into SpecSyntaxException), but never a crash.
            unreadable = true;
            if (lines is not null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec.Id, path, TextPosition.Start, PathUtil.FileName(path), FirstSentence(ex.Message)));
            }
        }

        return null;
    }

    private void ReportIssues(string path, TextLines lines, ReadContext context)
    {
        foreach (var issue in context.Issues)
        {
            var (descriptor, arguments) = issue.Kind switch
            {
                ReadIssueKind.DuplicateKey => (DiagnosticDescriptors.DuplicateKey, new[] { issue.Subject }),
                ReadIssueKind.LimitExceeded => (DiagnosticDescriptors.ReadingLimit, new[] { issue.Subject, issue.Detail }),
                _ => (DiagnosticDescriptors.SpecProblem, new[] { $"'{PathUtil.FileName(path)}': {issue.Detail}" }),
            };
            _diagnostics.Add(DiagnosticInfo.Create(descriptor.Id, path, lines.Clamp(issue.Position), arguments));
        }

        if (context.DroppedIssues > 0 && context.Issues.Count > 0)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpecProblem.Id, path, lines.Clamp(context.Issues[context.Issues.Count - 1].Position),
                $"'{PathUtil.FileName(path)}': {context.DroppedIssues} more problems like the ones above were found while reading it, and are not listed"));
        }
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line.Substring(0, 300) : line;
    }
}
