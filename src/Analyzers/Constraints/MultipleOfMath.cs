using System;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>Exact (decimal) arithmetic for <c>multipleOf</c>, including the nearest valid values within the bounds.</summary>
internal static class MultipleOfMath
{
    /// <summary>True when <paramref name="value"/> is a whole multiple of <paramref name="divisor"/> (&gt; 0).</summary>
    public static bool IsMultiple(decimal value, decimal divisor)
    {
        try
        {
            return value % divisor == 0m;
        }
        catch (OverflowException)
        {
            return true; // Beyond exact arithmetic: never guess.
        }
    }

    /// <summary>
    /// The nearest multiples of <paramref name="divisor"/> below and above <paramref name="value"/> that also satisfy the
    /// bounds. Either may be absent, e.g. when the value lies beyond the maximum only a lower one remains.
    /// </summary>
    public static void FindNearest(decimal value, decimal divisor, in NumericBounds bounds, out decimal? lower, out decimal? higher)
    {
        lower = null;
        higher = null;
        try
        {
            var remainder = value % divisor;
            var below = value - remainder;
            if (remainder < 0m)
            {
                below -= divisor;
            }

            var above = below + divisor;

            decimal? minValid = bounds.Minimum is { IsDecimal: true } min ? SmallestMultipleAtLeast(min.Decimal, bounds.MinimumExclusive, divisor) : null;
            decimal? maxValid = bounds.Maximum is { IsDecimal: true } max ? LargestMultipleAtMost(max.Decimal, bounds.MaximumExclusive, divisor) : null;
            if (minValid > maxValid)
            {
                return; // No multiple lies within the bounds.
            }

            if (maxValid < below)
            {
                below = maxValid.Value;
            }

            if (minValid > above)
            {
                above = minValid.Value;
            }

            if (!(below < minValid) && below < value)
            {
                lower = below;
            }

            if (!(above > maxValid) && above > value)
            {
                higher = above;
            }
        }
        catch (OverflowException)
        {
            // Leave them absent: the message then names no value.
        }
    }

    /// <summary>The smallest multiple that satisfies a minimum.</summary>
    public static decimal SmallestMultipleAtLeast(decimal minimum, bool exclusive, decimal divisor)
    {
        var candidate = decimal.Ceiling(minimum / divisor) * divisor;
        return exclusive && candidate == minimum ? candidate + divisor : candidate;
    }

    /// <summary>The largest multiple that satisfies a maximum.</summary>
    public static decimal LargestMultipleAtMost(decimal maximum, bool exclusive, decimal divisor)
    {
        var candidate = decimal.Floor(maximum / divisor) * divisor;
        return exclusive && candidate == maximum ? candidate - divisor : candidate;
    }
}

/// <summary>The <c>minimum</c>/<c>maximum</c> of one target; either may be absent.</summary>
internal readonly struct NumericBounds
{
    public NumericBounds(SpecNumber? minimum, bool minimumExclusive, SpecNumber? maximum, bool maximumExclusive)
    {
        Minimum = minimum;
        MinimumExclusive = minimumExclusive;
        Maximum = maximum;
        MaximumExclusive = maximumExclusive;
    }

    public SpecNumber? Minimum { get; }

    public bool MinimumExclusive { get; }

    public SpecNumber? Maximum { get; }

    public bool MaximumExclusive { get; }

    public bool IsEmpty => Minimum is null && Maximum is null;

    /// <summary>True when the value is below the minimum (or equal to an exclusive one).</summary>
    public bool IsBelowMinimum(SpecNumber value) =>
        Minimum is { } min && SpecNumber.Compare(value, min) is var c && (c < 0 || (c == 0 && MinimumExclusive));

    /// <summary>True when the value is above the maximum (or equal to an exclusive one).</summary>
    public bool IsAboveMaximum(SpecNumber value) =>
        Maximum is { } max && SpecNumber.Compare(value, max) is var c && (c > 0 || (c == 0 && MaximumExclusive));

    /// <summary>"1 to 9", "at least 5", "more than 0 and at most 100", ...</summary>
    public string Describe()
    {
        if (Minimum is { } min && Maximum is { } max)
        {
            return !MinimumExclusive && !MaximumExclusive
                ? min + " to " + max
                : DescribeMinimum(min) + " and " + DescribeMaximum(max);
        }

        return Minimum is { } onlyMin ? DescribeMinimum(onlyMin) : Maximum is { } onlyMax ? DescribeMaximum(onlyMax) : "any value";
    }

    private string DescribeMinimum(SpecNumber min) => (MinimumExclusive ? "more than " : "at least ") + min;

    private string DescribeMaximum(SpecNumber max) => (MaximumExclusive ? "less than " : "at most ") + max;
}
