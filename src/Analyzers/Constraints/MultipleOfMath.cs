using System;
using ContractFirst.Validation;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>
/// The nearest valid values for <c>multipleOf</c> within the bounds. The arithmetic itself (is it a multiple, which are
/// the nearest multiples) is <see cref="ConstraintMath"/>'s, shared with the run-time validator.
/// </summary>
internal static class MultipleOfMath
{
    /// <summary>
    /// The nearest multiples of <paramref name="divisor"/> below and above <paramref name="value"/> that also satisfy the
    /// bounds. Either may be absent, e.g. when the value lies beyond the maximum only a lower one remains.
    /// </summary>
    public static void FindNearest(decimal value, decimal divisor, in NumericBounds bounds, out decimal? lower, out decimal? higher)
    {
        lower = null;
        higher = null;
        if (!ConstraintMath.TryNearestMultiples(value, divisor, out var below, out var above))
        {
            return; // Beyond decimal: the message then names no value.
        }

        try
        {
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

    /// <summary>The smallest multiple that satisfies a minimum; throws <see cref="OverflowException"/> beyond decimal.</summary>
    public static decimal SmallestMultipleAtLeast(decimal minimum, bool exclusive, decimal divisor)
    {
        var candidate = Nearest(minimum, divisor).Upper;
        return exclusive && candidate == minimum ? candidate + divisor : candidate;
    }

    /// <summary>The largest multiple that satisfies a maximum; throws <see cref="OverflowException"/> beyond decimal.</summary>
    public static decimal LargestMultipleAtMost(decimal maximum, bool exclusive, decimal divisor)
    {
        var candidate = Nearest(maximum, divisor).Lower;
        return exclusive && candidate == maximum ? candidate - divisor : candidate;
    }

    private static (decimal Lower, decimal Upper) Nearest(decimal value, decimal divisor) =>
        ConstraintMath.TryNearestMultiples(value, divisor, out var lower, out var upper) ? (lower, upper) : throw new OverflowException();
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
