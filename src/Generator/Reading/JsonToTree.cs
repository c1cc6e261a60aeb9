using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Reads JSON text into a <see cref="JsonNode"/> tree with <see cref="Utf8JsonReader"/>, which nests without recursion:
/// any depth is read, parts deeper than <see cref="ReadContext.MaxDepth"/> are dropped with a located issue (a valid
/// 100-deep document reads whole, where <c>JsonNode.Parse</c> stops at 64), a repeated key is an issue instead of an
/// exception, and comments and trailing commas are allowed. Numbers keep their text (they are JSON elements).
/// </summary>
internal static class JsonToTree
{
    public static JsonNode? Read(string text, ReadContext context)
    {
        var shift = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var bytes = Encoding.UTF8.GetBytes(shift == 0 ? text : text.Substring(1));
        var state = new State(bytes, context, shift);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = int.MaxValue,
        });
        try
        {
            if (!reader.Read()) return null;
            var root = ReadValue(ref reader, state, depth: 1, parent: -1, key: null, position: state.Position((int)reader.TokenStartIndex, 1), out var dropped);
            if (reader.Read())
            {
                throw new SpecSyntaxException(state.Position((int)reader.TokenStartIndex, 1), "there is more text after the end of the JSON value");
            }

            return dropped ? null : root;
        }
        catch (JsonException ex)
        {
            throw new SpecSyntaxException(state.LinePosition((int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0)), FirstSentence(ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            // An escape such as "\uD800" that is not valid UTF-16.
            throw new SpecSyntaxException(state.Position(state.LastToken, 1), FirstSentence(ex.Message));
        }
    }

    private static JsonNode? ReadValue(ref Utf8JsonReader reader, State state, int depth, int parent, string? key, TextPosition position, out bool dropped)
    {
        dropped = false;
        state.LastToken = (int)reader.TokenStartIndex;
        state.Context.Count();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                if (depth > state.Context.MaxDepth)
                {
                    state.Context.Report(ReadIssueKind.LimitExceeded, state.Position((int)reader.TokenStartIndex, 1), key ?? "this value",
                        $"it is nested deeper than {state.Context.MaxDepth} levels, and was not read");
                    reader.Skip();
                    dropped = true;
                    return null;
                }

                var index = state.Context.Map?.Add(parent, key, position) ?? -1;
                return reader.TokenType == JsonTokenType.StartObject
                    ? ReadObject(ref reader, state, depth, index)
                    : ReadArray(ref reader, state, depth, index);
            case JsonTokenType.String:
                state.Context.Map?.Add(parent, key, position);
                return JsonValue.Create(reader.GetString());
            case JsonTokenType.Number:
                state.Context.Map?.Add(parent, key, position);
                return JsonValue.Create(JsonElement.ParseValue(ref reader));
            case JsonTokenType.True:
            case JsonTokenType.False:
                state.Context.Map?.Add(parent, key, position);
                return JsonValue.Create(reader.TokenType == JsonTokenType.True);
            case JsonTokenType.Null:
                state.Context.Map?.Add(parent, key, position);
                return null;
            default:
                throw new SpecSyntaxException(state.Position((int)reader.TokenStartIndex, 1), $"unexpected JSON token {reader.TokenType}");
        }
    }

    private static JsonObject ReadObject(ref Utf8JsonReader reader, State state, int depth, int index)
    {
        var obj = new JsonObject();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var keyStart = (int)reader.TokenStartIndex;
            state.LastToken = keyStart;
            var name = reader.GetString()!;
            var keyPosition = state.Position(keyStart, name.Length + 2);
            reader.Read();
            var value = ReadValue(ref reader, state, depth + 1, index, name, keyPosition, out var dropped);
            if (dropped) continue;
            if (obj.ContainsKey(name))
            {
                state.Context.Report(ReadIssueKind.DuplicateKey, keyPosition, name, "the key appears more than once in this object; the last value is used");
            }

            obj[name] = value;
        }

        return obj;
    }

    private static JsonArray ReadArray(ref Utf8JsonReader reader, State state, int depth, int index)
    {
        var array = new JsonArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = ReadValue(ref reader, state, depth + 1, index, null, state.Position((int)reader.TokenStartIndex, 1), out var dropped);
            if (!dropped) array.Add(value);
        }

        return array;
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var cut = line.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) line = line.Substring(0, cut).TrimEnd('.', ' ') + ".";
        return line.Length > 300 ? line.Substring(0, 300) : line;
    }

    /// <summary>Turns UTF-8 byte offsets into zero-based lines and UTF-16 columns, walking forward (reading order) in O(n).</summary>
    private sealed class State(byte[] bytes, ReadContext context, int line0Shift)
    {
        private int _offset;
        private int _line;
        private int _column;

        public ReadContext Context { get; } = context;

        public int LastToken { get; set; }

        public TextPosition Position(int offset, int length)
        {
            if (offset < _offset)
            {
                _offset = 0;
                _line = 0;
                _column = 0;
            }

            for (; _offset < offset && _offset < bytes.Length; _offset++)
            {
                var b = bytes[_offset];
                if (b == (byte)'\n')
                {
                    _line++;
                    _column = 0;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    // A lead byte starts a character; four-byte sequences are two UTF-16 units (a surrogate pair).
                    _column += b >= 0xF0 ? 2 : 1;
                }
            }

            return new TextPosition(_line, _column + (_line == 0 ? line0Shift : 0), length);
        }

        /// <summary>A (line, byte in line) pair, as JsonException gives them, as a line and UTF-16 column.</summary>
        public TextPosition LinePosition(int line, int byteInLine)
        {
            var offset = 0;
            for (var l = 0; l < line && offset < bytes.Length; offset++)
            {
                if (bytes[offset] == (byte)'\n') l++;
            }

            return Position(Math.Min(bytes.Length, offset + byteInLine), 1);
        }
    }
}
