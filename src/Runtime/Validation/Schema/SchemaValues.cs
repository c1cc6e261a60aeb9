using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractFirst.Patterns;

namespace ContractFirst.Validation;

/// <summary>The JSON types a schema's <c>type</c> keyword allows; <see cref="None"/> means any.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsonTypes
{
    /// <summary>No <c>type</c> keyword: any JSON value.</summary>
    None = 0,

    /// <summary><c>null</c>.</summary>
    Null = 1,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean = 2,

    /// <summary>An object.</summary>
    Object = 4,

    /// <summary>An array.</summary>
    Array = 8,

    /// <summary>Any number (integers included).</summary>
    Number = 16,

    /// <summary>A string.</summary>
    String = 32,

    /// <summary>A number whose value is an integer (<c>1.0</c> is one).</summary>
    Integer = 64,
}

/// <summary>
/// A number from a schema (a bound or a divisor), exact in <see cref="decimal"/> where it fits and a <see cref="double"/>
/// beyond that. Generated code writes it as a literal: <c>12m</c>, <c>1E+300</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SchemaNumber
{
    private readonly decimal _exact;
    private readonly double _approximate;

    // The value as a long, when it is an integer that a long holds (IsExact too): bounds, divisors and the integers of
    // most instances, compared and divided without decimal arithmetic. Same answers, a fraction of the time.
    private readonly long _integer;
    private readonly bool _isLong;

    private SchemaNumber(decimal exact, double approximate, bool isExact)
    {
        _exact = exact;
        _approximate = approximate;
        IsExact = isExact;
        _integer = 0;
        _isLong = false;
        if (isExact && exact >= long.MinValue && exact <= long.MaxValue && decimal.Truncate(exact) == exact)
        {
            _integer = (long)exact;
            _isLong = true;
        }
    }

    private SchemaNumber(long integer)
    {
        _exact = integer;
        _approximate = 0;
        IsExact = true;
        _integer = integer;
        _isLong = true;
    }

    /// <summary>True when the value is held exactly as a decimal.</summary>
    public bool IsExact { get; }

    /// <summary>The exact value (when <see cref="IsExact"/>).</summary>
    public decimal Exact => _exact;

    /// <summary>The value as a double.</summary>
    public double Approximate => IsExact ? (double)_exact : _approximate;

    /// <summary>An exact number.</summary>
    public static implicit operator SchemaNumber(decimal value) => new(value, 0, true);

    /// <summary>An integer.</summary>
    public static implicit operator SchemaNumber(long value) => new(value, 0, true);

    /// <summary>A number beyond decimal's range.</summary>
    public static implicit operator SchemaNumber(double value) =>
        value is > -7.9e28 and < 7.9e28 && !double.IsNaN(value) ? new((decimal)value, 0, true) : new(0, value, false);

    /// <summary>Reads a JSON number; false for any other value.</summary>
    internal static bool TryRead(JsonElement element, out SchemaNumber number)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            number = default;
            return false;
        }

        // A plain integer literal ("48", not "48.0" or "4.8e1") reads as the same decimal that TryGetDecimal gives,
        // scale 0 included; zero is left to TryGetDecimal, which keeps the sign of "-0".
        if (element.TryGetInt64(out var integer) && integer != 0)
        {
            number = new SchemaNumber(integer);
            return true;
        }

        number = element.TryGetDecimal(out var exact) ? new SchemaNumber(exact, 0, true) : new SchemaNumber(0, element.GetDouble(), false);
        return true;
    }

    /// <summary>The number the reader stands on, read exactly as <see cref="TryRead(JsonElement, out SchemaNumber)"/> reads it.</summary>
    internal static void Read(ref Utf8JsonReader reader, out SchemaNumber number)
    {
        if (reader.TryGetInt64(out var integer) && integer != 0)
        {
            number = new SchemaNumber(integer);
            return;
        }

        number = reader.TryGetDecimal(out var exact) ? new SchemaNumber(exact, 0, true) : new SchemaNumber(0, reader.GetDouble(), false);
    }

    /// <summary>The value as a long, when it is an integer that a long holds.</summary>
    internal bool TryGetInt64(out long value)
    {
        value = _integer;
        return _isLong;
    }

    /// <summary>Compares two numbers by value.</summary>
    internal static int Compare(SchemaNumber a, SchemaNumber b) =>
        a._isLong && b._isLong ? a._integer.CompareTo(b._integer)
        : a.IsExact && b.IsExact ? a._exact.CompareTo(b._exact) : a.Approximate.CompareTo(b.Approximate);

    /// <summary>True when the value has no fractional part.</summary>
    internal bool IsInteger => _isLong || (IsExact ? decimal.Truncate(_exact) == _exact : !double.IsInfinity(_approximate) && Math.Floor(_approximate) == _approximate);

    /// <summary>True when <paramref name="value"/> is a whole multiple of <paramref name="divisor"/>, exactly where decimal holds both.</summary>
    internal static bool IsMultiple(SchemaNumber value, SchemaNumber divisor)
    {
        if (value._isLong && divisor._isLong && divisor._integer > 0)
        {
            return value._integer % divisor._integer == 0;
        }

        if (value.IsExact && divisor.IsExact)
        {
            return ConstraintMath.IsMultipleOf(value._exact, divisor._exact);
        }

        double quotient = value.Approximate / divisor.Approximate;
        return !double.IsInfinity(quotient) && !double.IsNaN(quotient) && Math.Floor(quotient) == quotient;
    }

    /// <inheritdoc />
    public override string ToString() => IsExact ? _exact.ToString(CultureInfo.InvariantCulture) : _approximate.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// A JSON Schema <c>pattern</c>: the ECMA-262 source (for messages) and its .NET translation, made by the generator at
/// build time (<see cref="EcmaPatternTranslator"/>). The regular expression is compiled on first use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SchemaPattern
{
    private Regex? _regex;

    /// <summary>Creates the pattern.</summary>
    /// <param name="source">The pattern as the spec writes it.</param>
    /// <param name="translated">Its .NET translation.</param>
    public SchemaPattern(string source, string translated)
    {
        Source = source;
        Translated = translated;
    }

    /// <summary>The pattern as the spec writes it.</summary>
    public string Source { get; }

    /// <summary>The .NET regular expression with the same meaning.</summary>
    public string Translated { get; }

    /// <summary>True when <paramref name="value"/> contains a match; null when the match timed out.</summary>
    internal bool? IsMatch(string value)
    {
        var regex = _regex ??= new Regex(Translated, RegexOptions.CultureInvariant, EcmaRegex.MatchTimeout);
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}

/// <summary>The values of an <c>enum</c> or a <c>const</c>, compared with JSON equality (1 equals 1.0).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonValueSet
{
    // Up to this many string values, a string is compared in place as UTF-8 (no allocation); above it, it is read out
    // as a string for the hash set.
    private const int LinearLimit = 16;

    private readonly JsonElement[] _values;
    private readonly HashSet<string>? _strings;
    private readonly byte[][]? _utf8Strings;
    private readonly bool _onlyStrings;

    private JsonValueSet(JsonElement[] values)
    {
        _values = values;
        _onlyStrings = true;
        foreach (var value in values)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                (_strings ??= new HashSet<string>(StringComparer.Ordinal)).Add(value.GetString()!);
            }
            else
            {
                _onlyStrings = false;
            }
        }

        if (_strings is { Count: <= LinearLimit })
        {
            var utf8 = new byte[_strings.Count][];
            int i = 0;
            foreach (var text in _strings)
            {
                utf8[i] = Encoding.UTF8.GetBytes(text);
                if (Encoding.UTF8.GetString(utf8[i++]) != text) return; // a lone surrogate has no UTF-8 form: keep the string set
            }

            _utf8Strings = utf8;
        }
    }

    /// <summary>The values of a JSON array text (an <c>enum</c>).</summary>
    /// <param name="jsonArray">E.g. <c>["a", 1, null]</c>.</param>
    public static JsonValueSet Of(string jsonArray)
    {
        using var document = JsonDocument.Parse(jsonArray);
        var values = new List<JsonElement>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            values.Add(item.Clone());
        }

        return new JsonValueSet(values.ToArray());
    }

    /// <summary>One value from its JSON text (a <c>const</c>).</summary>
    /// <param name="json">E.g. <c>{"a": 1}</c>.</param>
    public static JsonValueSet One(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonValueSet([document.RootElement.Clone()]);
    }

    /// <summary>The values.</summary>
    public IReadOnlyList<JsonElement> Values => _values;

    internal bool Contains(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            if (_utf8Strings is not null)
            {
                foreach (var text in _utf8Strings)
                {
                    if (value.ValueEquals(text)) return true;
                }

                return false;
            }

            return _strings is not null && _strings.Contains(value.GetString()!);
        }

        if (_onlyStrings)
        {
            return false;
        }

        foreach (var candidate in _values)
        {
            if (JsonEquality.AreEqual(candidate, value)) return true;
        }

        return false;
    }

    /// <summary>
    /// <see cref="Contains(JsonElement)"/> for the scalar a reader stands on. An object or an array answers false: the
    /// streaming pass leaves those to the full evaluator.
    /// </summary>
    internal bool ContainsToken(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (_utf8Strings is not null)
                {
                    foreach (var text in _utf8Strings)
                    {
                        if (reader.ValueTextEquals(text)) return true;
                    }

                    return false;
                }

                return _strings is not null && _strings.Contains(reader.GetString()!);
            case JsonTokenType.Number:
                if (_onlyStrings) return false;
                SchemaNumber.Read(ref reader, out var number);
                foreach (var candidate in _values)
                {
                    if (candidate.ValueKind == JsonValueKind.Number && SchemaNumber.TryRead(candidate, out var other) && SchemaNumber.Compare(number, other) == 0) return true;
                }

                return false;
            case JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                var kind = reader.TokenType switch { JsonTokenType.True => JsonValueKind.True, JsonTokenType.False => JsonValueKind.False, _ => JsonValueKind.Null };
                foreach (var candidate in _values)
                {
                    if (candidate.ValueKind == kind) return true;
                }

                return false;
            default:
                return false;
        }
    }

    internal string Describe(int max)
    {
        var sb = new StringBuilder();
        int listed = Math.Min(max, _values.Length);
        for (int i = 0; i < listed; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Shorten(_values[i]));
        }

        if (_values.Length > listed)
        {
            sb.Append(", … (").Append((_values.Length - listed).ToString(CultureInfo.InvariantCulture)).Append(" more)");
        }

        return sb.ToString();
    }

    internal static string Shorten(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? "'" + ApiException.Truncate(value.GetString()!, 64) + "'" : ApiException.Truncate(value.GetRawText(), 64);
}

/// <summary>JSON equality as JSON Schema defines it: numbers by value, objects regardless of member order.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(JsonElement a, JsonElement b)
    {
        var kind = a.ValueKind;
        if (kind != b.ValueKind) return false;
        switch (kind)
        {
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Number:
                SchemaNumber.TryRead(a, out var x);
                SchemaNumber.TryRead(b, out var y);
                return SchemaNumber.Compare(x, y) == 0;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength()) return false;
                using (var ea = a.EnumerateArray().GetEnumerator())
                using (var eb = b.EnumerateArray().GetEnumerator())
                {
                    while (ea.MoveNext() && eb.MoveNext())
                    {
                        if (!AreEqual(ea.Current, eb.Current)) return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                int count = 0;
                foreach (var property in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(property.Name, out var other) || !AreEqual(property.Value, other)) return false;
                }

                foreach (var _ in b.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            default:
                return true; // true, false, null
        }
    }

    /// <summary>A hash consistent with <see cref="AreEqual"/>.</summary>
    public static int Hash(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return StringComparer.Ordinal.GetHashCode(value.GetString()!);
            case JsonValueKind.Number:
                SchemaNumber.TryRead(value, out var n);
                return n.IsExact ? n.Exact.GetHashCode() : n.Approximate.GetHashCode(); // 1.0m and 1m hash alike
            case JsonValueKind.Array:
                int hash = 17;
                foreach (var item in value.EnumerateArray()) hash = unchecked(hash * 31 + Hash(item));
                return hash;
            case JsonValueKind.Object:
                int sum = 0;
                foreach (var property in value.EnumerateObject()) sum = unchecked(sum + StringComparer.Ordinal.GetHashCode(property.Name) ^ Hash(property.Value));
                return sum;
            default:
                return (int)value.ValueKind;
        }
    }
}
