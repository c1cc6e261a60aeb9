using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ContractFirst.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Finds where a JSON pointer (<c>#/paths/~1pets/get</c>) stands in a spec's text, so that diagnostics point at file,
/// line and column. It re-reads the text only when there is something to report; the normal path never pays for it.
/// When the pointer goes deeper than the document, the deepest node that exists is returned.
/// </summary>
internal static class SourceLocator
{
    public static TextPosition Locate(string text, bool isYaml, string? pointer)
    {
        var segments = ParsePointer(pointer);
        try
        {
            return isYaml ? LocateYaml(text, segments) : LocateJson(text, segments);
        }
        catch (Exception)
        {
            // A broken document has been reported already; its start is the best place to point at.
            return TextPosition.Start;
        }
    }

    public static IReadOnlyList<string> ParsePointer(string? pointer)
    {
        var result = new List<string>();
        if (string.IsNullOrEmpty(pointer)) return result;
        var p = pointer!;
        var hash = p.IndexOf('#');
        if (hash >= 0) p = p.Substring(hash + 1);
        foreach (var raw in p.Split('/'))
        {
            if (raw.Length == 0) continue;
            result.Add(Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~"));
        }

        return result;
    }

    private static TextPosition LocateJson(string text, IReadOnlyList<string> segments)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read()) return TextPosition.Start;
        var best = (Offset: (int)reader.TokenStartIndex, Length: 1);
        for (var depth = 0; depth < segments.Count; depth++)
        {
            var found = false;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.GetString() == segments[depth])
                    {
                        best = ((int)reader.TokenStartIndex, Math.Max(1, segments[depth].Length + 2));
                        reader.Read();
                        found = true;
                        break;
                    }

                    reader.Read();
                    reader.Skip();
                }
            }
            else if (reader.TokenType == JsonTokenType.StartArray && int.TryParse(segments[depth], out var index))
            {
                var i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (i++ == index)
                    {
                        best = ((int)reader.TokenStartIndex, 1);
                        found = true;
                        break;
                    }

                    reader.Skip();
                }
            }

            if (!found) break;
        }

        return ToPosition(bytes, best.Offset, best.Length);
    }

    private static TextPosition ToPosition(byte[] utf8, int offset, int length)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = Encoding.UTF8.GetCharCount(utf8, lineStart, Math.Max(0, Math.Min(offset, utf8.Length) - lineStart));
        return new TextPosition(line, column, length);
    }

    private static TextPosition LocateYaml(string text, IReadOnlyList<string> segments)
    {
        var parser = new Parser(new System.IO.StringReader(text));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        var best = FromMark(parser.Current!.Start, 1);
        for (var depth = 0; depth < segments.Count; depth++)
        {
            var found = false;
            if (parser.TryConsume<MappingStart>(out _))
            {
                while (!parser.Accept<MappingEnd>(out _))
                {
                    var key = parser.Consume<NodeEvent>();
                    if (key is Scalar scalar && scalar.Value == segments[depth])
                    {
                        best = FromMark(scalar.Start, Math.Max(1, scalar.Value.Length));
                        found = true;
                        break;
                    }

                    parser.SkipThisAndNestedEvents();
                }
            }
            else if (parser.TryConsume<SequenceStart>(out _) && int.TryParse(segments[depth], out var index))
            {
                var i = 0;
                while (!parser.Accept<SequenceEnd>(out _))
                {
                    if (i++ == index)
                    {
                        best = FromMark(parser.Current!.Start, 1);
                        found = true;
                        break;
                    }

                    parser.SkipThisAndNestedEvents();
                }
            }

            if (!found) break;
        }

        return best;
    }

    private static TextPosition FromMark(Mark mark, int length) => new((int)mark.Line - 1, (int)mark.Column - 1, length);
}
