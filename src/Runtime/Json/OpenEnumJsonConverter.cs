using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractFirst.Json;

/// <summary>Reads and writes an open string enum as its wire string, also as a dictionary key.</summary>
/// <typeparam name="T">The generated enum type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OpenEnumJsonConverter<T> : JsonConverter<T> where T : struct, IOpenEnum<T>
{
    /// <summary>A shared instance; the converter has no state.</summary>
    public static OpenEnumJsonConverter<T> Instance { get; } = new();

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonWire.Expected(ref reader, "a string", typeof(T).Name, null);
        }

        return T.FromWire(reader.GetString()!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        // default(T) has no wire value: write null rather than an invented string.
        if (value.Value is { } wire)
        {
            writer.WriteStringValue(wire);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromWire(reader.GetString()!);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value ?? string.Empty);
}

/// <summary>Reads and writes an open integer enum as its wire number (as a string when used as a dictionary key).</summary>
/// <typeparam name="T">The generated enum type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OpenIntEnumJsonConverter<T> : JsonConverter<T> where T : struct, IOpenIntEnum<T>
{
    /// <summary>A shared instance; the converter has no state.</summary>
    public static OpenIntEnumJsonConverter<T> Instance { get; } = new();

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return T.FromWire(IntegerJsonConverter.Read(ref reader, long.MinValue, long.MaxValue, typeof(T).Name));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString()!;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw new JsonException($"The property name '{text}' is not an integer value of {typeof(T).Name}.");
        }

        return T.FromWire(value);
    }

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value.ToString(CultureInfo.InvariantCulture));
}
