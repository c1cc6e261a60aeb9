using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace ContractFirst.Json;

/// <summary>
/// Helpers that generated <see cref="System.Text.Json.Serialization.JsonConverter{T}"/> code calls, so that it stays
/// small and its errors are clear. Every failure is a <see cref="JsonException"/> that names the type and the property.
/// The <c>Read…</c> methods expect the reader on the value's token and leave it there.
/// </summary>
public static class JsonReadHelpers
{
    /// <summary>Throws for required properties that the JSON object lacks.</summary>
    /// <param name="typeName">The model being read.</param>
    /// <param name="missing">The wire names of the missing properties.</param>
    [DoesNotReturn]
    public static void ThrowMissingRequired(string typeName, params string[] missing)
    {
        string list = string.Join(", ", Array.ConvertAll(missing, static m => "'" + m + "'"));
        throw new JsonException(missing.Length == 1
            ? $"JSON for {typeName} is missing the required property {list}."
            : $"JSON for {typeName} is missing the required properties {list}.");
    }

    /// <summary>Throws because the reader is on a token other than the one expected.</summary>
    /// <param name="expected">The token expected (<see cref="JsonTokenType.True"/> or <see cref="JsonTokenType.False"/> mean a boolean).</param>
    /// <param name="reader">The reader, on the offending token.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property being read, or <see langword="null"/> for the value itself.</param>
    [DoesNotReturn]
    public static void ThrowUnexpectedToken(JsonTokenType expected, ref Utf8JsonReader reader, string typeName, string? property) =>
        ThrowUnexpectedToken(expected, reader.TokenType, typeName, property);

    /// <summary>Throws because a token other than the one expected was found.</summary>
    /// <param name="expected">The token expected.</param>
    /// <param name="actual">The token found.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property being read, or <see langword="null"/>.</param>
    [DoesNotReturn]
    public static void ThrowUnexpectedToken(JsonTokenType expected, JsonTokenType actual, string typeName, string? property) =>
        throw new JsonException($"Expected {Describe(expected)} for {Where(typeName, property)}, but found {Describe(actual)}.");

    /// <summary>Throws because a value was read but is not acceptable (out of range, badly formatted).</summary>
    /// <param name="what">What was wrong, e.g. "the number 1.5 is not an integer".</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    [DoesNotReturn]
    public static void ThrowInvalidValue(string what, string typeName, string? property) =>
        throw new JsonException($"Invalid value for {Where(typeName, property)}: {what}.");

    /// <summary>Checks that the reader is on <paramref name="expected"/>, else throws.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="expected">The token expected.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string typeName, string? property)
    {
        if (reader.TokenType != expected)
        {
            ThrowUnexpectedToken(expected, reader.TokenType, typeName, property);
        }
    }

    /// <summary>Advances to the next token, throwing a clear error if the input ends (converters receive whole values, so this means bad input).</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeName">The model being read.</param>
    public static void Advance(ref Utf8JsonReader reader, string typeName)
    {
        if (!reader.Read())
        {
            throw new JsonException($"The JSON for {typeName} ended unexpectedly.");
        }
    }

    /// <summary>Skips the value the reader is on (after a property name of an unknown property, on that property's value).</summary>
    /// <param name="reader">The reader.</param>
    public static void SkipValue(ref Utf8JsonReader reader) => reader.Skip();

    /// <summary>Reads a string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static string ReadString(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.String, typeName, property);
        return reader.GetString()!;
    }

    /// <summary>Reads a boolean.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string typeName, string? property) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => ThrowUnexpected<bool>(JsonTokenType.True, reader.TokenType, typeName, property),
    };

    /// <summary>Reads an integer into <see cref="int"/>. Integral numbers written with a fraction or exponent (<c>2.0</c>, <c>1e3</c>) are accepted; out-of-range values throw.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static int ReadInt32(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.Number, typeName, property);
        if (reader.TryGetInt32(out int value))
        {
            return value;
        }

        decimal d = ReadIntegral(ref reader, "Int32", typeName, property);
        if (d < int.MinValue || d > int.MaxValue)
        {
            ThrowInvalidValue($"the number {Raw(ref reader)} is outside the range of Int32", typeName, property);
        }

        return (int)d;
    }

    /// <summary>Reads an integer into <see cref="long"/>. Integral numbers written with a fraction or exponent are accepted; out-of-range values throw.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static long ReadInt64(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.Number, typeName, property);
        if (reader.TryGetInt64(out long value))
        {
            return value;
        }

        decimal d = ReadIntegral(ref reader, "Int64", typeName, property);
        if (d < long.MinValue || d > long.MaxValue)
        {
            ThrowInvalidValue($"the number {Raw(ref reader)} is outside the range of Int64", typeName, property);
        }

        return (long)d;
    }

    /// <summary>Reads a number into <see cref="float"/>; values that overflow it throw.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static float ReadSingle(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.Number, typeName, property);
        if (!reader.TryGetSingle(out float value) || !float.IsFinite(value))
        {
            ThrowInvalidValue($"the number {Raw(ref reader)} is outside the range of Single", typeName, property);
        }

        return value;
    }

    /// <summary>Reads a number into <see cref="double"/>; values that overflow it throw.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static double ReadDouble(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.Number, typeName, property);
        if (!reader.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            ThrowInvalidValue($"the number {Raw(ref reader)} is outside the range of Double", typeName, property);
        }

        return value;
    }

    /// <summary>Reads a number into <see cref="decimal"/>; values that overflow it throw.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.Number, typeName, property);
        if (!reader.TryGetDecimal(out decimal value))
        {
            ThrowInvalidValue($"the number {Raw(ref reader)} is outside the range of Decimal", typeName, property);
        }

        return value;
    }

    /// <summary>Reads a <see cref="Guid"/> (format <c>uuid</c>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static Guid ReadGuid(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.String, typeName, property);
        if (!reader.TryGetGuid(out Guid value))
        {
            ThrowInvalidValue($"'{Truncated(reader.GetString())}' is not a UUID", typeName, property);
        }

        return value;
    }

    /// <summary>Reads a <see cref="DateTimeOffset"/> (format <c>date-time</c>, ISO 8601 / RFC 3339).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.String, typeName, property);
        if (!reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            ThrowInvalidValue($"'{Truncated(reader.GetString())}' is not an ISO 8601 date-time", typeName, property);
        }

        return value;
    }

    /// <summary>Reads a <see cref="DateOnly"/> (format <c>date</c>, <c>yyyy-MM-dd</c>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.String, typeName, property);
        string text = reader.GetString()!;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly value))
        {
            ThrowInvalidValue($"'{Truncated(text)}' is not a date in the form yyyy-MM-dd", typeName, property);
        }

        return value;
    }

    /// <summary>Reads a base64 string into bytes (format <c>byte</c>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The model being read.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static byte[] ReadBytes(ref Utf8JsonReader reader, string typeName, string? property)
    {
        Expect(ref reader, JsonTokenType.String, typeName, property);
        if (!reader.TryGetBytesFromBase64(out byte[]? value))
        {
            ThrowInvalidValue("the string is not valid base64", typeName, property);
        }

        return value;
    }

    /// <summary>Writes a <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The date.</param>
    public static void WriteDateOnlyValue(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>Writes a property with a <see cref="DateOnly"/> value as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="propertyName">The wire name.</param>
    /// <param name="value">The date.</param>
    public static void WriteDateOnly(Utf8JsonWriter writer, string propertyName, DateOnly value)
    {
        writer.WritePropertyName(propertyName);
        WriteDateOnlyValue(writer, value);
    }

    /// <summary>Writes a <see cref="DateTimeOffset"/> in ISO 8601 round-trip form.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    public static void WriteDateTimeOffsetValue(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Writes a <see cref="double"/>; NaN and infinities have no JSON form and throw a <see cref="JsonException"/> that names the property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The number.</param>
    /// <param name="typeName">The model being written.</param>
    /// <param name="property">The wire name of the property, or <see langword="null"/>.</param>
    public static void WriteDoubleValue(Utf8JsonWriter writer, double value, string typeName, string? property)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonException($"Cannot write {value.ToString(CultureInfo.InvariantCulture)} for {Where(typeName, property)}: JSON has no such number.");
        }

        writer.WriteNumberValue(value);
    }

    /// <summary>Describes a token in words: "a string", "an object", "a boolean"…</summary>
    /// <param name="token">The token type.</param>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.Comment => "a comment",
        _ => "no value",
    };

    private static string Where(string typeName, string? property) =>
        property is null ? typeName : $"property '{property}' of {typeName}";

    [DoesNotReturn]
    private static T ThrowUnexpected<T>(JsonTokenType expected, JsonTokenType actual, string typeName, string? property)
    {
        ThrowUnexpectedToken(expected, actual, typeName, property);
        return default;
    }

    private static decimal ReadIntegral(ref Utf8JsonReader reader, string clrType, string typeName, string? property)
    {
        if (!reader.TryGetDecimal(out decimal d))
        {
            ThrowInvalidValue($"the number {Raw(ref reader)} is outside the range of {clrType}", typeName, property);
        }

        if (d != decimal.Truncate(d))
        {
            ThrowInvalidValue($"the number {Raw(ref reader)} is not an integer", typeName, property);
        }

        return d;
    }

    private static string Raw(ref Utf8JsonReader reader)
    {
        // Number tokens are short and plain ASCII; never more than a few dozen bytes in practice.
        string text = reader.HasValueSequence
            ? System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence))
            : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        return Truncated(text);
    }

    private static string Truncated(string? text) => text is null ? string.Empty : ApiException.Truncate(text, 64);
}
