using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractFirst.Json;

/// <summary>
/// A JSON value that cannot be read into its model. <see cref="Field"/> is the dotted path of the offending member
/// (<c>pgDumpOptions.noOwner</c>, <c>items[2].name</c>), so that a server can answer 400 naming the field and a
/// client can say what it expected.
/// </summary>
public sealed class JsonFieldException : JsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The dotted path of the member, or <see langword="null"/> for the value itself.</param>
    /// <param name="reason">What was wrong, without the field.</param>
    /// <param name="inner">The underlying failure, if any.</param>
    public JsonFieldException(string? field, string reason, Exception? inner = null)
        : base(field is null ? reason : $"'{field}': {reason}", inner)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>The dotted path of the member that could not be read.</summary>
    public string? Field { get; }

    /// <summary>What was wrong.</summary>
    public string Reason { get; }

    /// <summary>The same failure, one level further out: <paramref name="outer"/> is prefixed to the path.</summary>
    /// <param name="outer">The enclosing property name, or an index such as <c>[3]</c>.</param>
    public JsonFieldException Within(string outer)
    {
        var field = Field is null ? outer : Field.StartsWith("[", StringComparison.Ordinal) ? outer + Field : outer + "." + Field;
        return new JsonFieldException(field, Reason, InnerException);
    }
}

/// <summary>
/// What emitted converters call beyond System.Text.Json itself: failures that name the field, discriminator peeking
/// and element-based reading for unions. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWire
{
    /// <summary>True for the exceptions that reading a value can raise for bad input.</summary>
    public static bool IsReadFailure(Exception exception) =>
        exception is JsonException or InvalidOperationException or FormatException or OverflowException;

    /// <summary>Wraps a read failure inside property <paramref name="property"/> of <paramref name="typeName"/>.</summary>
    public static JsonFieldException InProperty(Exception exception, string typeName, string? property)
    {
        if (exception is JsonFieldException field)
        {
            return property is null ? field : field.Within(property);
        }

        var reason = exception switch
        {
            InvalidOperationException or FormatException => $"the value is not valid for {typeName}.{property}: {FirstLine(exception.Message)}",
            OverflowException => $"the number is out of range for {typeName}.{property}",
            _ => FirstLine(exception.Message),
        };
        return new JsonFieldException(property, reason, exception);
    }

    /// <summary>The reader is on the wrong kind of token.</summary>
    public static JsonFieldException Expected(ref Utf8JsonReader reader, string expected, string typeName, string? property) =>
        new(property, $"expected {expected} for {typeName}, but found {Describe(reader.TokenType)}");

    /// <summary>
    /// A required, non-nullable property is null. <paramref name="property"/> is the converter's current property: it is
    /// cleared, because the exception already names it and must not be wrapped in it again.
    /// </summary>
    public static JsonFieldException NullNotAllowed(string typeName, ref string? property)
    {
        var name = property;
        property = null;
        return new JsonFieldException(name, $"{typeName}.{name} must not be null");
    }

    /// <summary>A property that the schema does not allow (<c>additionalProperties: false</c>); clears the current property.</summary>
    public static JsonFieldException UnknownProperty(string typeName, ref string? property)
    {
        var name = property;
        property = null;
        return new JsonFieldException(name, $"{typeName} does not allow the property '{name}'");
    }

    /// <summary>Required properties are missing; <paramref name="missing"/> holds null for the ones present.</summary>
    public static JsonFieldException MissingRequired(string typeName, params string?[] missing)
    {
        var names = new List<string>();
        foreach (var name in missing)
        {
            if (name is not null) names.Add(name);
        }

        var list = string.Join(", ", names.ConvertAll(static n => "'" + n + "'"));
        return new JsonFieldException(
            names.Count > 0 ? names[0] : null,
            names.Count == 1 ? $"{typeName} is missing the required property {list}" : $"{typeName} is missing the required properties {list}");
    }

    /// <summary>A polymorphic base whose discriminator value names no known type.</summary>
    public static JsonFieldException UnknownDiscriminator(ref Utf8JsonReader reader, string typeName, string property, string known) =>
        new(property.Length == 0 ? null : property, $"{typeName} needs '{property}' to be one of: {known}");

    /// <summary>
    /// Reads a top-level string property of the object the reader is on, without moving the reader (it is a copy).
    /// Converters receive whole values, so the copy can look ahead.
    /// </summary>
    public static string? PeekString(Utf8JsonReader reader, string property)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return null;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) return null;
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                var match = reader.ValueTextEquals(property);
                reader.Read();
                if (match) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }

        return null;
    }

    /// <summary>The string value of <paramref name="property"/> when <paramref name="element"/> is an object that has it.</summary>
    public static string? DiscriminatorOf(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Reads <paramref name="element"/> with <paramref name="converter"/>.</summary>
    public static T ReadElement<T>(JsonElement element, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        var bytes = Encoding.UTF8.GetBytes(element.GetRawText());
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null && default(T) is null) return default!;
        return converter.Read(ref reader, typeof(T), options)!;
    }

    /// <summary>Tries to read <paramref name="element"/> with <paramref name="converter"/>; false when it does not fit.</summary>
    public static bool TryReadElement<T>(JsonElement element, JsonConverter<T> converter, JsonSerializerOptions options, [MaybeNullWhen(false)] out T value)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            value = default;
            return false;
        }

        try
        {
            value = ReadElement(element, converter, options);
            return value is not null;
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            value = default;
            return false;
        }
    }

    /// <summary>A token in words: "a string", "an object", "a boolean"...</summary>
    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n');
        return (newline < 0 ? message : message.Substring(0, newline)).Trim();
    }
}

/// <summary>Reads and writes a JSON array as <see cref="IList{T}"/> with an item converter; errors name the index.</summary>
/// <typeparam name="T">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonListConverter<T>(JsonConverter<T> item) : JsonConverter<IList<T>>
{
    /// <inheritdoc />
    public override IList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw JsonWire.Expected(ref reader, "an array", "list", null);
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(reader.TokenType == JsonTokenType.Null && default(T) is null ? default! : item.Read(ref reader, typeof(T), options)!);
            }
            catch (Exception ex) when (JsonWire.IsReadFailure(ex))
            {
                throw JsonWire.InProperty(ex, "list", "[" + list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            }
        }

        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IList<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            var v = value[i];
            if (v is null) writer.WriteNullValue();
            else item.Write(writer, v, options);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Reads and writes a JSON object as <see cref="IDictionary{TKey,TValue}"/> with a value converter.</summary>
/// <typeparam name="T">The value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonMapConverter<T>(JsonConverter<T> value) : JsonConverter<IDictionary<string, T>>
{
    /// <inheritdoc />
    public override IDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw JsonWire.Expected(ref reader, "an object", "map", null);
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            try
            {
                map[key] = reader.TokenType == JsonTokenType.Null && default(T) is null ? default! : value.Read(ref reader, typeof(T), options)!;
            }
            catch (Exception ex) when (JsonWire.IsReadFailure(ex))
            {
                throw JsonWire.InProperty(ex, "map", key);
            }
        }

        return map;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IDictionary<string, T> map, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var pair in map)
        {
            writer.WritePropertyName(pair.Key);
            if (pair.Value is null) writer.WriteNullValue();
            else value.Write(writer, pair.Value, options);
        }

        writer.WriteEndObject();
    }
}

/// <summary>
/// <c>format: binary</c> inside a JSON document: a base64 string read into a <see cref="System.IO.MemoryStream"/>.
/// (Binary request and response bodies are streamed, not encoded; this is only for binary members of JSON models.)
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Base64StreamJsonConverter : JsonConverter<System.IO.Stream>
{
    [ThreadStatic]
    private static bool t_writingForValidation;

    /// <summary>True while a model is written to be validated (<see cref="Validation.JsonSchema"/>), on this thread.</summary>
    internal static bool WritingForValidation
    {
        get => t_writingForValidation;
        set => t_writingForValidation = value;
    }

    /// <summary>The shared instance.</summary>
    public static Base64StreamJsonConverter Instance { get; } = new();

    /// <inheritdoc />
    public override System.IO.Stream Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new System.IO.MemoryStream(reader.GetBytesFromBase64(), writable: false);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, System.IO.Stream value, JsonSerializerOptions options)
    {
        if (WritingForValidation)
        {
            // Validation sees the JSON shape only (a binary part is a string to JSON Schema): the stream is left unread,
            // so the request still sends it, and the handler still reads it.
            if (value is null) writer.WriteNullValue(); // a required part that is missing: the schema says what is wrong
            else writer.WriteStringValue(string.Empty);
            return;
        }

        if (value.CanSeek) value.Position = 0;
        using var copy = new System.IO.MemoryStream();
        value.CopyTo(copy);
        writer.WriteBase64StringValue(copy.ToArray());
    }
}
