using System;
using System.Collections.Immutable;
using System.Text;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>
/// The values of a spec <c>enum</c>. Two sources: the wire values of an open enum (<c>[AllowedValues]</c>: strings,
/// or the digits of an integer enum, which a string or a number may match), and JSON values
/// (<c>[AllowedJsonValues]</c>: any JSON value, compared as JSON Schema compares them, see <see cref="JsonLiteral"/>).
/// </summary>
internal sealed class AllowedValueSet
{
    private const int MaxValuesInMessage = 8;

    private readonly JsonLiteral[] _literals;
    private readonly SpecNumber?[] _wireNumbers;

    private AllowedValueSet(ImmutableArray<string> values, JsonLiteral[] literals, SpecNumber?[] wireNumbers)
    {
        Values = values;
        _literals = literals;
        _wireNumbers = wireNumbers;
    }

    /// <summary>The values as the spec lists them (wire text, or JSON text for a set of JSON values).</summary>
    public ImmutableArray<string> Values { get; }

    /// <summary>True for a set of JSON values; false for the wire values of an open enum.</summary>
    public bool IsJson => _literals.Length > 0;

    /// <summary>The known wire values of an open enum: a string matches its text, a number its numeric value.</summary>
    public static AllowedValueSet FromWireValues(ImmutableArray<string> values)
    {
        var numbers = new SpecNumber?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            numbers[i] = SpecNumber.TryParse(values[i], out var number) ? number : null;
        }

        return new AllowedValueSet(values, Array.Empty<JsonLiteral>(), numbers);
    }

    /// <summary>JSON values; null when none of them reads as JSON.</summary>
    public static AllowedValueSet? FromJson(ImmutableArray<string> values)
    {
        var literals = ImmutableArray.CreateBuilder<JsonLiteral>(values.Length);
        var texts = ImmutableArray.CreateBuilder<string>(values.Length);
        foreach (var value in values)
        {
            if (JsonLiteral.TryParse(value, out var literal))
            {
                literals.Add(literal);
                texts.Add(value);
            }
        }

        return literals.Count == 0 ? null : new AllowedValueSet(texts.ToImmutable(), literals.ToArray(), Array.Empty<SpecNumber?>());
    }

    /// <summary>True when the constant is one of the values; also for a constant that none can be compared with (a <c>char</c>).</summary>
    public bool Contains(object constant)
    {
        if (IsJson)
        {
            var comparable = false;
            foreach (var literal in _literals)
            {
                switch (literal.Compare(constant))
                {
                    case true:
                        return true;
                    case false:
                        comparable = true;
                        break;
                }
            }

            return !comparable;
        }

        if (constant is string text)
        {
            foreach (var value in Values)
            {
                if (string.Equals(value, text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        if (!SpecNumber.TryFromConstant(constant, out var number))
        {
            return true; // Not comparable (bool, char, ...): nothing to say.
        }

        foreach (var allowed in _wireNumbers)
        {
            if (allowed is { } candidate && SpecNumber.Compare(candidate, number) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The value that the user probably meant: an exact match ignoring case first, then the closest by
    /// Damerau-Levenshtein distance within a threshold relative to the length (none for very short values).
    /// </summary>
    public string? Suggest(string text)
    {
        foreach (var value in StringValues())
        {
            if (string.Equals(value, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var value in StringValues())
        {
            var length = Math.Max(value.Length, text.Length);
            var threshold = length <= 2 ? 0 : Math.Max(1, length / 3);
            var distance = TextMetrics.DamerauLevenshtein(text, value, threshold);
            if (distance <= threshold && distance < bestDistance)
            {
                best = value;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The numeric value nearest to <paramref name="number"/> (the first listed on a tie); null when none is a number.</summary>
    public SpecNumber? SuggestNumber(SpecNumber number)
    {
        SpecNumber? best = null;
        var bestDistance = default(SpecNumber);
        foreach (var candidate in NumberValues())
        {
            var distance = Distance(candidate, number);
            if (double.IsNaN(distance.Double))
            {
                continue; // Infinity from infinity: no distance.
            }

            if (best is null || SpecNumber.Compare(distance, bestDistance) < 0)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;

        static SpecNumber Distance(SpecNumber a, SpecNumber b)
        {
            if (a.IsDecimal && b.IsDecimal)
            {
                try
                {
                    return SpecNumber.FromDecimal(Math.Abs(a.Decimal - b.Decimal));
                }
                catch (OverflowException)
                {
                    // Far apart: the double difference below says how far.
                }
            }

            return SpecNumber.FromDouble(Math.Abs(a.Double - b.Double));
        }
    }

    /// <summary>The one boolean of the set when the constant is the other (<c>enum: [true]</c> and <c>false</c>).</summary>
    public bool? SuggestBoolean(bool value)
    {
        bool? found = null;
        foreach (var literal in _literals)
        {
            if (literal.Kind == JsonLiteralKind.Boolean)
            {
                if (literal.Boolean == value || found is not null)
                {
                    return null;
                }

                found = literal.Boolean;
            }
        }

        return found;
    }

    /// <summary>"'development', 'production', 'dedicated_high_mem'" or "1.5, 2, true" (long lists cut short).</summary>
    public string Describe()
    {
        var builder = new StringBuilder();
        var count = IsJson ? _literals.Length : Values.Length;
        for (var i = 0; i < count; i++)
        {
            if (i == MaxValuesInMessage)
            {
                builder.Append(", …");
                break;
            }

            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(IsJson ? _literals[i].Describe() : "'" + Values[i] + "'");
        }

        return builder.ToString();
    }

    private ImmutableArray<string> StringValues()
    {
        if (!IsJson)
        {
            return Values;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var literal in _literals)
        {
            if (literal.Kind == JsonLiteralKind.String)
            {
                builder.Add(literal.Text!);
            }
        }

        return builder.ToImmutable();
    }

    private ImmutableArray<SpecNumber> NumberValues()
    {
        var builder = ImmutableArray.CreateBuilder<SpecNumber>();
        if (IsJson)
        {
            foreach (var literal in _literals)
            {
                if (literal.Kind == JsonLiteralKind.Number)
                {
                    builder.Add(literal.Number);
                }
            }
        }
        else
        {
            foreach (var number in _wireNumbers)
            {
                if (number is { } value)
                {
                    builder.Add(value);
                }
            }
        }

        return builder.ToImmutable();
    }
}
