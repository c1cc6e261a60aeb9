using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractFirst.Json;

/// <summary>
/// Integers as JSON Schema means them: by value, so <c>1.0</c> and <c>1e2</c> are integers. System.Text.Json's own
/// converters refuse any number written with a fraction or an exponent; a value with a real fraction is still refused,
/// with an error that names the field.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class IntegerJsonConverter
{
    /// <summary>Reads and writes <see cref="long"/>.</summary>
    public static JsonConverter<long> Int64 { get; } = new Int64Converter();

    /// <summary>Reads and writes <see cref="int"/>.</summary>
    public static JsonConverter<int> Int32 { get; } = new Int32Converter();

    /// <summary>Reads an integer by value; throws a <see cref="JsonFieldException"/> when it is not one or does not fit.</summary>
    internal static long Read(ref Utf8JsonReader reader, long min, long max, string typeName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonWire.Expected(ref reader, "an integer", typeName, null);
        }

        if (reader.TryGetInt64(out long value) && value >= min && value <= max)
        {
            return value;
        }

        if (reader.TryGetDecimal(out decimal exact) && decimal.Truncate(exact) == exact && exact >= min && exact <= max)
        {
            return (long)exact;
        }

        throw new JsonFieldException(null, $"needs an integer in the range of {typeName} (was {System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray())})");
    }

    private sealed class Int64Converter : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            IntegerJsonConverter.Read(ref reader, long.MinValue, long.MaxValue, "Int64");

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

        public override long ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            long.Parse(reader.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class Int32Converter : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (int)IntegerJsonConverter.Read(ref reader, int.MinValue, int.MaxValue, "Int32");

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

        public override int ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            int.Parse(reader.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString(CultureInfo.InvariantCulture));
    }
}
