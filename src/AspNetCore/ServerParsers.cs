using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContractFirst.AspNetCore;

/// <summary>Parses the text of a parameter, a form field or a query key into <typeparamref name="T"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool TryParseText<T>(string text, out T value);

/// <summary>A parser of parameter text, with the sentence that a value it rejects gets ("must be a UUID").</summary>
/// <typeparam name="T">The parsed type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ServerParser<T>
{
    private readonly TryParseText<T> _parse;

    /// <summary>Creates a parser.</summary>
    /// <param name="expectation">What a value must be, e.g. "must be a UUID".</param>
    /// <param name="parse">The parse function.</param>
    public ServerParser(string expectation, TryParseText<T> parse)
    {
        Expectation = expectation;
        _parse = parse;
    }

    /// <summary>What a value must be, e.g. "must be a UUID": the message of a value that does not parse.</summary>
    public string Expectation { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value, when it parses.</param>
    /// <returns>True when the text is a value of the type.</returns>
    public bool TryParse(string text, out T value) => _parse(text, out value);
}

/// <summary>
/// The parsers of the scalar types that OpenAPI parameters have, as the client writes them: invariant culture,
/// <c>true</c>/<c>false</c>, UUIDs in the <c>D</c> format, finite numbers, RFC 3339 dates.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerParsers
{
    /// <summary>Any text.</summary>
    public static ServerParser<string> String { get; } = new("must be a string", ServerRuntime.TryParse);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static ServerParser<bool> Boolean { get; } = new("must be true or false", ServerRuntime.TryParse);

    /// <summary>A 32-bit integer.</summary>
    public static ServerParser<int> Int32 { get; } = new("must be an integer (32-bit)", ServerRuntime.TryParse);

    /// <summary>A 64-bit integer.</summary>
    public static ServerParser<long> Int64 { get; } = new("must be an integer (64-bit)", ServerRuntime.TryParse);

    /// <summary>A finite single-precision number.</summary>
    public static ServerParser<float> Single { get; } = new("must be a number", ServerRuntime.TryParse);

    /// <summary>A finite double-precision number.</summary>
    public static ServerParser<double> Double { get; } = new("must be a number", ServerRuntime.TryParse);

    /// <summary>A decimal number.</summary>
    public static ServerParser<decimal> Decimal { get; } = new("must be a number", ServerRuntime.TryParse);

    /// <summary>A UUID (<c>format: uuid</c>).</summary>
    public static ServerParser<Guid> Uuid { get; } = new("must be a UUID", ServerRuntime.TryParse);

    /// <summary>A date-time (<c>format: date-time</c>).</summary>
    public static ServerParser<DateTimeOffset> DateTime { get; } = new("must be a date-time (RFC 3339)", ServerRuntime.TryParse);

    /// <summary>A date (<c>format: date</c>).</summary>
    public static ServerParser<DateOnly> Date { get; } = new("must be a date (yyyy-MM-dd)", ServerRuntime.TryParse);

    /// <summary>A duration.</summary>
    public static ServerParser<TimeSpan> Duration { get; } = new("must be a duration", ServerRuntime.TryParse);

    /// <summary>A URI.</summary>
    public static ServerParser<Uri> Uri { get; } = new("must be a URI", ServerRuntime.TryParse);

    /// <summary>Base64 bytes (<c>format: byte</c>).</summary>
    public static ServerParser<byte[]> Bytes { get; } = new("must be base64", ServerRuntime.TryParse);

    /// <summary>A member of a generated string enum (any text: unknown values are kept, and checked by the enum's own rules).</summary>
    /// <typeparam name="T">The generated enum.</typeparam>
    /// <returns>The parser.</returns>
    public static ServerParser<T> Enum<T>() where T : struct, IOpenEnum<T> => EnumParsers<T>.Instance;

    /// <summary>A member of a generated integer enum.</summary>
    /// <typeparam name="T">The generated enum.</typeparam>
    /// <returns>The parser.</returns>
    public static ServerParser<T> IntEnum<T>() where T : struct, IOpenIntEnum<T> => IntEnumParsers<T>.Instance;

    /// <summary>A value whose text is JSON (OpenAPI <c>content</c> parameters, non-scalar schemas).</summary>
    /// <typeparam name="T">The parsed type.</typeparam>
    /// <param name="typeInfo">The type's reflection-free type info.</param>
    /// <returns>The parser.</returns>
    public static ServerParser<T> Json<T>(JsonTypeInfo<T> typeInfo) => new("must be JSON of the declared schema", (string text, out T value) => ServerRuntime.TryParseJson(text, typeInfo, out value));

    /// <summary>
    /// A JSON value lazily typed (a type the generated JSON options do not hold is text that does not parse, not an
    /// exception): for non-scalar parameters that are not <c>content</c> parameters.
    /// </summary>
    /// <typeparam name="T">The parsed type.</typeparam>
    /// <param name="typeInfo">The type's reflection-free type info, asked for when a value is parsed.</param>
    /// <returns>The parser.</returns>
    public static ServerParser<T> Json<T>(Func<JsonTypeInfo<T>> typeInfo) => new("must be JSON of the declared schema", (string text, out T value) =>
    {
        JsonTypeInfo<T> info;
        try
        {
            info = typeInfo();
        }
        catch (NotSupportedException)
        {
            value = default!;
            return false;
        }

        return ServerRuntime.TryParseJson(text, info, out value);
    });

    /// <summary>
    /// Any JSON value, as OpenAPI serializes a scalar: text that is a JSON number is that number, <c>true</c>/<c>false</c>
    /// a boolean, anything else a string (for schemas without one type: no <c>type</c>, or a type array).
    /// </summary>
    public static ServerParser<JsonElement> Any { get; } = new("must be a value", ServerRuntime.TryParseAny);

    /// <summary>
    /// A generated model or union read from a scalar's text: the text is the JSON value it stands for (see
    /// <see cref="Any"/>), then read with the model's type info (a model whose schema allows any value keeps it).
    /// </summary>
    /// <typeparam name="T">The parsed type.</typeparam>
    /// <param name="typeInfo">The type's reflection-free type info, asked for when a value is parsed.</param>
    /// <returns>The parser.</returns>
    public static ServerParser<T> Scalar<T>(Func<JsonTypeInfo<T>> typeInfo) => new("must be a value of the declared schema", (string text, out T value) =>
    {
        value = default!;
        ServerRuntime.TryParseAny(text, out var element);
        try
        {
            value = element.Deserialize(typeInfo())!;
            return value is not null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    });

    private static class EnumParsers<T> where T : struct, IOpenEnum<T>
    {
        public static readonly ServerParser<T> Instance = new("must be a string", ServerRuntime.TryParseEnum);
    }

    private static class IntEnumParsers<T> where T : struct, IOpenIntEnum<T>
    {
        public static readonly ServerParser<T> Instance = new("must be an integer", ServerRuntime.TryParseIntEnum);
    }
}
