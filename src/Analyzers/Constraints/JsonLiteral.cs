using System;
using System.Globalization;
using System.Text;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>The JSON type of a <see cref="JsonLiteral"/>; objects and arrays are <see cref="Other"/>.</summary>
internal enum JsonLiteralKind
{
    Null,
    Boolean,
    Number,
    String,
    Other,
}

/// <summary>
/// One JSON value from the spec (an <c>enum</c> value or a <c>const</c>), compared with C# constants as JSON Schema
/// compares instances: numbers by value (<c>1</c> equals <c>1.0</c>, read exactly as <see cref="SpecNumber"/>),
/// strings ordinally, booleans as booleans. A string never equals a number, whatever its text.
/// </summary>
internal readonly struct JsonLiteral
{
    private JsonLiteral(JsonLiteralKind kind, string json, string? text = null, SpecNumber number = default, bool boolean = false)
    {
        Kind = kind;
        Json = json;
        Text = text;
        Number = number;
        Boolean = boolean;
    }

    public JsonLiteralKind Kind { get; }

    /// <summary>The JSON text, as the spec wrote it.</summary>
    public string Json { get; }

    /// <summary>The value of a string.</summary>
    public string? Text { get; }

    /// <summary>The value of a number.</summary>
    public SpecNumber Number { get; }

    /// <summary>The value of a boolean.</summary>
    public bool Boolean { get; }

    /// <summary>A string value (its JSON text is not needed where this is used: a suggestion for a string).</summary>
    public static JsonLiteral FromString(string text) => new(JsonLiteralKind.String, "\"" + text + "\"", text: text);

    /// <summary>Reads the JSON text of one value; false when it is not JSON.</summary>
    public static bool TryParse(string? json, out JsonLiteral literal)
    {
        literal = default;
        var text = json?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        switch (text![0])
        {
            case 'n' when text == "null":
                literal = new JsonLiteral(JsonLiteralKind.Null, text);
                return true;
            case 't' when text == "true":
                literal = new JsonLiteral(JsonLiteralKind.Boolean, text, boolean: true);
                return true;
            case 'f' when text == "false":
                literal = new JsonLiteral(JsonLiteralKind.Boolean, text, boolean: false);
                return true;
            case '"':
                if (TryUnescape(text, out var value))
                {
                    literal = new JsonLiteral(JsonLiteralKind.String, text, text: value);
                    return true;
                }

                return false;
            case '{' or '[':
                literal = new JsonLiteral(JsonLiteralKind.Other, text);
                return true;
            case '-' or (>= '0' and <= '9'):
                if (SpecNumber.TryParse(text, out var number))
                {
                    literal = new JsonLiteral(JsonLiteralKind.Number, text, number: number);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// True when the constant (a string, bool or number that Roslyn folded) is this value; also true for a constant
    /// that JSON cannot express (a <c>char</c>), about which there is nothing to say.
    /// </summary>
    public bool Matches(object constant) => Compare(constant) != false;

    /// <summary>True or false for a string, bool or number; null for a constant that is none of them.</summary>
    public bool? Compare(object constant)
    {
        switch (constant)
        {
            case string text:
                return Kind == JsonLiteralKind.String && string.Equals(Text, text, StringComparison.Ordinal);
            case bool boolean:
                return Kind == JsonLiteralKind.Boolean && Boolean == boolean;
            default:
                if (!SpecNumber.TryFromConstant(constant, out var number))
                {
                    return null;
                }

                return Kind == JsonLiteralKind.Number && SpecNumber.Compare(Number, number) == 0;
        }
    }

    /// <summary>How a message shows the value: <c>'text'</c> for a string, the number or keyword otherwise.</summary>
    public string Describe() => Kind switch
    {
        JsonLiteralKind.String => TextMetrics.Quote(Text!),
        JsonLiteralKind.Number => Number.ToString(),
        _ => Json.Length <= 60 ? Json : Json.Substring(0, 60) + "…",
    };

    /// <summary>Decodes a JSON string literal (with its quotes); false when it is not one.</summary>
    private static bool TryUnescape(string json, out string value)
    {
        value = string.Empty;
        if (json.Length < 2 || json[json.Length - 1] != '"')
        {
            return false;
        }

        var builder = new StringBuilder(json.Length - 2);
        for (var i = 1; i < json.Length - 1; i++)
        {
            var c = json[i];
            if (c == '"')
            {
                return false;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= json.Length - 1)
            {
                return false;
            }

            switch (json[i])
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when i + 4 < json.Length - 1
                    && int.TryParse(json.Substring(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    return false;
            }
        }

        value = builder.ToString();
        return true;
    }
}
