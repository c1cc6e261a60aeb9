using System;
using System.Collections.Immutable;
using System.Text;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>The values of a spec <c>enum</c>, as they go on the wire, with their numeric form for integer enums.</summary>
internal sealed class AllowedValueSet
{
    private const int MaxValuesInMessage = 8;

    private readonly SpecNumber?[] _numbers;

    public AllowedValueSet(ImmutableArray<string> values)
    {
        Values = values;
        _numbers = new SpecNumber?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            _numbers[i] = SpecNumber.TryParse(values[i], out var number) ? number : null;
        }
    }

    public ImmutableArray<string> Values { get; }

    /// <summary>True when a string or numeric constant is one of the values.</summary>
    public bool Contains(object constant)
    {
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

        foreach (var allowed in _numbers)
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
        foreach (var value in Values)
        {
            if (string.Equals(value, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var value in Values)
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

    /// <summary>"'development', 'production', 'dedicated_high_mem'" (long lists cut short).</summary>
    public string Describe()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < Values.Length; i++)
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

            builder.Append('\'').Append(Values[i]).Append('\'');
        }

        return builder.ToString();
    }
}
