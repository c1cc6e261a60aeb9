using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ContractFirst.Json;

/// <summary>The <c>AdditionalProperties</c> of a generated model: the properties that its schema does not name.</summary>
/// <typeparam name="TValue">The type of their values.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IAdditionalProperties<TValue>
{
    /// <summary>The properties that the schema does not name, as read; written back after the named ones.</summary>
    IDictionary<string, TValue>? AdditionalProperties { get; set; }
}

/// <summary>
/// The shared part of every generated model converter (issue #13): the property loop, name matching, unknown and
/// additional properties, required-property checks and failures that name the field are compiled here once; a generated
/// converter only says, per property, which member a JSON property goes to (<see cref="ReadProperty"/>) and which
/// members are written (<see cref="WriteProperties"/>), each in one helper call.
/// Not meant to be used by hand.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
/// <typeparam name="TExtra">The type of the values of the model's additional properties.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ObjectConverter<T, TExtra> : JsonConverter<T> where T : class, IAdditionalProperties<TExtra>
{
    private readonly string _typeName;
    private readonly JsonConverter<TExtra> _extra;
    private readonly bool _closed;
    private readonly int[] _required;
    private readonly string[] _names;
    private readonly Utf8NameIndex _index;
    private readonly JsonEncodedText[] _encoded;

    /// <summary>Creates the converter of a model.</summary>
    /// <param name="typeName">The model's name, for errors.</param>
    /// <param name="extra">Reads and writes the values of additional properties.</param>
    /// <param name="closed">True when the schema allows no property that it does not name (<c>additionalProperties: false</c>).</param>
    /// <param name="required">The indexes (into <paramref name="names"/>) of the properties that must be present, or null.</param>
    /// <param name="names">The wire names of the model's properties; a property is known by its index here.</param>
    protected ObjectConverter(string typeName, JsonConverter<TExtra> extra, bool closed, int[]? required, params string[] names)
    {
        _typeName = typeName;
        _extra = extra;
        _closed = closed;
        _required = required ?? Array.Empty<int>();
        _names = names;
        _index = new Utf8NameIndex(names);
        _encoded = new JsonEncodedText[names.Length];
        for (var i = 0; i < names.Length; i++) _encoded[i] = JsonEncodedText.Encode(names[i]);
    }

    /// <summary>A new, empty model to read into (required members set to their defaults until read).</summary>
    protected virtual T Create() => throw new NotSupportedException(_typeName + " cannot be created: it is abstract.");

    /// <summary>Reads the value the reader is on into property <paramref name="index"/> of <paramref name="value"/>.</summary>
    protected virtual void ReadProperty(ref Utf8JsonReader reader, T value, int index, JsonSerializerOptions options)
    {
    }

    /// <summary>Writes the named properties of <paramref name="value"/> (the object is open).</summary>
    protected virtual void WriteProperties(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw JsonWire.Expected(ref reader, "an object", _typeName, null);
        var value = Create();
        ulong seen = 0;
        bool[]? seenMore = null;
        Dictionary<string, TExtra>? extra = null;
        string? current = null;
        var hint = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var index = _index.IndexOf(ref reader, ref hint);
                if (index >= 0)
                {
                    current = _names[index];
                    reader.Read();
                    ReadProperty(ref reader, value, index, options);
                    if (index < 64) seen |= 1UL << index;
                    else (seenMore ??= new bool[_names.Length])[index] = true;
                }
                else
                {
                    current = reader.GetString()!;
                    reader.Read();
                    if (_closed) throw JsonWire.UnknownProperty(_typeName, ref current);
                    (extra ??= new Dictionary<string, TExtra>(StringComparer.Ordinal))[current] =
                        reader.TokenType == JsonTokenType.Null ? default! : _extra.Read(ref reader, typeof(TExtra), options)!;
                }
            }
        }
        catch (Exception ex) when (JsonWire.IsReadFailure(ex))
        {
            if (ex is NullValueException) throw JsonWire.NullNotAllowed(_typeName, ref current);
            throw JsonWire.InProperty(ex, _typeName, current);
        }

        if (_required.Length > 0)
        {
            List<string?>? missing = null;
            foreach (var index in _required)
            {
                var present = index < 64 ? (seen & (1UL << index)) != 0 : seenMore?[index] == true;
                if (!present) (missing ??= new List<string?>()).Add(_names[index]);
            }

            if (missing is not null) throw JsonWire.MissingRequired(_typeName, missing.ToArray());
        }

        if (extra is not null) value.AdditionalProperties = extra;
        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteProperties(writer, value, options);
        if (value.AdditionalProperties is { } extra)
        {
            foreach (var pair in extra)
            {
                writer.WritePropertyName(pair.Key);
                if (pair.Value is null) writer.WriteNullValue();
                else _extra.Write(writer, pair.Value, options);
            }
        }

        writer.WriteEndObject();
    }

    // Reading one value: one call per property in the generated ReadProperty.

    /// <summary>A value that may not be null (null fails, naming the property).</summary>
    protected static TValue Req<TValue>(ref Utf8JsonReader reader, JsonConverter<TValue> converter, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) throw new NullValueException();
        return converter.Read(ref reader, typeof(TValue), options)!;
    }

    /// <summary>A value that its converter reads even when it is null (a schema that allows any JSON).</summary>
    protected static TValue Any<TValue>(ref Utf8JsonReader reader, JsonConverter<TValue> converter, JsonSerializerOptions options) =>
        converter.Read(ref reader, typeof(TValue), options)!;

    /// <summary>A reference that may be null.</summary>
    protected static TValue? Opt<TValue>(ref Utf8JsonReader reader, JsonConverter<TValue> converter, JsonSerializerOptions options) where TValue : class =>
        reader.TokenType == JsonTokenType.Null ? null : converter.Read(ref reader, typeof(TValue), options);

    /// <summary>A value type that may be null.</summary>
    protected static TValue? OptV<TValue>(ref Utf8JsonReader reader, JsonConverter<TValue> converter, JsonSerializerOptions options) where TValue : struct =>
        reader.TokenType == JsonTokenType.Null ? null : converter.Read(ref reader, typeof(TValue), options);

    // Writing one property: one call per property in the generated WriteProperties.

    /// <summary>Writes property <paramref name="index"/>: its value, or null.</summary>
    protected void Put<TValue>(Utf8JsonWriter writer, int index, TValue? value, JsonConverter<TValue> converter, JsonSerializerOptions options)
    {
        writer.WritePropertyName(_encoded[index]);
        if (value is null) writer.WriteNullValue();
        else converter.Write(writer, value, options);
    }

    /// <summary>Writes property <paramref name="index"/> of a nullable value type: its value, or null.</summary>
    protected void PutV<TValue>(Utf8JsonWriter writer, int index, TValue? value, JsonConverter<TValue> converter, JsonSerializerOptions options) where TValue : struct
    {
        writer.WritePropertyName(_encoded[index]);
        if (value is { } v) converter.Write(writer, v, options);
        else writer.WriteNullValue();
    }

    /// <summary>Writes property <paramref name="index"/> unless it is null (its schema does not allow null).</summary>
    protected void PutSome<TValue>(Utf8JsonWriter writer, int index, TValue? value, JsonConverter<TValue> converter, JsonSerializerOptions options)
    {
        if (value is not null) Put(writer, index, value, converter, options);
    }

    /// <summary>Writes property <paramref name="index"/> of a nullable value type unless it is null.</summary>
    protected void PutSomeV<TValue>(Utf8JsonWriter writer, int index, TValue? value, JsonConverter<TValue> converter, JsonSerializerOptions options) where TValue : struct
    {
        if (value is { } v) Put(writer, index, v, converter, options);
    }

    // The converters of primitives, by short names for the generated code.

    /// <summary>string.</summary>
    protected static JsonConverter<string> String => JsonMetadataServices.StringConverter!;

    /// <summary>bool.</summary>
    protected static JsonConverter<bool> Boolean => JsonMetadataServices.BooleanConverter;

    /// <summary>int, also read from numbers written with a fraction of zero.</summary>
    protected static JsonConverter<int> Int32 => IntegerJsonConverter.Int32;

    /// <summary>long, also read from numbers written with a fraction of zero.</summary>
    protected static JsonConverter<long> Int64 => IntegerJsonConverter.Int64;

    /// <summary>float.</summary>
    protected static JsonConverter<float> Single => JsonMetadataServices.SingleConverter;

    /// <summary>double.</summary>
    protected static JsonConverter<double> Double => JsonMetadataServices.DoubleConverter;

    /// <summary>decimal.</summary>
    protected static JsonConverter<decimal> Decimal => JsonMetadataServices.DecimalConverter;

    /// <summary>Guid.</summary>
    protected static JsonConverter<Guid> Guid => JsonMetadataServices.GuidConverter;

    /// <summary>DateTimeOffset.</summary>
    protected static JsonConverter<DateTimeOffset> DateTimeOffset => JsonMetadataServices.DateTimeOffsetConverter;

    /// <summary>DateOnly.</summary>
    protected static JsonConverter<DateOnly> DateOnly => JsonMetadataServices.DateOnlyConverter;

    /// <summary>TimeSpan.</summary>
    protected static JsonConverter<TimeSpan> TimeSpan => JsonMetadataServices.TimeSpanConverter;

    /// <summary>Uri.</summary>
    protected static JsonConverter<Uri> Uri => JsonMetadataServices.UriConverter!;

    /// <summary>byte[] (base64).</summary>
    protected static JsonConverter<byte[]> Bytes => JsonMetadataServices.ByteArrayConverter!;

    /// <summary>Stream (base64 inside a JSON document).</summary>
    protected static JsonConverter<System.IO.Stream> Stream => Base64StreamJsonConverter.Instance;

    /// <summary>JsonElement (any JSON).</summary>
    protected static JsonConverter<JsonElement> Element => JsonMetadataServices.JsonElementConverter;

    /// <summary>A null where the schema does not allow it; the converter turns it into a failure that names the property.</summary>
    private sealed class NullValueException : JsonException
    {
    }
}

/// <summary>
/// <see cref="ObjectConverter{T, TExtra}"/> for the usual model, whose additional properties are any JSON.
/// Not meant to be used by hand.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ObjectConverter<T> : ObjectConverter<T, JsonElement> where T : class, IAdditionalProperties<JsonElement>
{
    /// <summary>Creates the converter of a model.</summary>
    /// <param name="typeName">The model's name, for errors.</param>
    /// <param name="closed">True when the schema allows no property that it does not name.</param>
    /// <param name="required">The indexes (into <paramref name="names"/>) of the properties that must be present, or null.</param>
    /// <param name="names">The wire names of the model's properties.</param>
    protected ObjectConverter(string typeName, bool closed, int[]? required, params string[] names)
        : base(typeName, JsonMetadataServices.JsonElementConverter, closed, required, names)
    {
    }
}
