using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace ContractFirst.Validation;

/// <summary>
/// Checks a parameter's value against its JSON Schema, with the meaning a body has: the value (as the server parsed it
/// from its text, or as the client is about to send it) is written as the JSON value it stands for — a string, a
/// number, a boolean, an array of those, or any JSON — and evaluated by <see cref="JsonSchema"/>. Used for parameters
/// whose typed checks cannot carry their schema (const, type arrays, composition, pattern, …); errors name the parameter
/// (<c>limit</c>, <c>ids[1]</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterSchema
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Checks a scalar or JSON value.</summary>
    /// <typeparam name="T">The parameter's C# type.</typeparam>
    /// <param name="schema">The parameter's schema.</param>
    /// <param name="value">The value.</param>
    /// <param name="context">Where errors go.</param>
    /// <param name="field">The parameter's name.</param>
    /// <returns>True when the value is valid.</returns>
    public static bool Check<T>(JsonSchema schema, T value, ValidationContext context, string field)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var writer = Start(out var buffer);
        Write(writer, value);
        return Finish(schema, writer, buffer, context, field);
    }

    /// <summary>Checks an array parameter, each item written by <paramref name="wire"/> (e.g. a generated enum's wire value).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TWire">The item's wire type.</typeparam>
    /// <param name="schema">The parameter's schema.</param>
    /// <param name="items">The items.</param>
    /// <param name="wire">The wire value of an item.</param>
    /// <param name="context">Where errors go.</param>
    /// <param name="field">The parameter's name.</param>
    /// <returns>True when the value is valid.</returns>
    public static bool CheckItems<T, TWire>(JsonSchema schema, IEnumerable<T> items, Func<T, TWire> wire, ValidationContext context, string field)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(wire);
        var writer = Start(out var buffer);
        writer.WriteStartArray();
        foreach (var item in items) Write(writer, wire(item));
        writer.WriteEndArray();
        return Finish(schema, writer, buffer, context, field);
    }

    private static Utf8JsonWriter Start(out ArrayBufferWriter<byte> buffer)
    {
        buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.Clear();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.Reset(buffer);
        return writer;
    }

    private static bool Finish(JsonSchema schema, Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, ValidationContext context, string field)
    {
        writer.Flush();

        // Validated in place: the evaluation (a parse of a failing value included) ends before this returns, and nothing
        // it calls writes a parameter again on this thread.
        return schema.Validate(buffer.WrittenMemory, context, field);
    }

    private static void Write<T>(Utf8JsonWriter writer, T value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case double number when double.IsFinite(number): writer.WriteRawValue(number.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case float number when float.IsFinite(number): writer.WriteRawValue(number.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case Guid uuid: writer.WriteStringValue(uuid.ToString("D")); break;
            case DateTimeOffset time: writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeSpan span: writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture)); break;
            case Uri uri: writer.WriteStringValue(uri.OriginalString); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            case JsonElement element: element.WriteTo(writer); break;
            case System.Collections.IDictionary map:
                writer.WriteStartObject();
                foreach (System.Collections.DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence) Write(writer, item);
                writer.WriteEndArray();
                break;
            case IFormattable formattable: writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture)); break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }
}
