using System;
using System.Globalization;

namespace ContractFirst.Validation;

/// <summary>
/// The arithmetic of JSON Schema's <c>multipleOf</c> and <c>minLength</c>/<c>maxLength</c>. This one file is compiled into
/// ContractFirst.Runtime (<c>SchemaChecks</c>) and linked into ContractFirst.Analyzers (CF1001, CF1003, CF1005), so
/// that a constant the analyzer accepts is one the server accepts too. It builds for netstandard2.0 as well as for
/// net8.0/net10.0: only the conversions from <see cref="double"/> and <see cref="float"/> differ (allocation-free where the framework allows).
/// </summary>
internal static class ConstraintMath
{
    /// <summary>
    /// True when <paramref name="value"/> is a whole multiple of <paramref name="divisor"/> (&gt; 0), exactly:
    /// 0.3 is a multiple of 0.1. Where the framework's decimal remainder overflows, the value passes (never guess).
    /// </summary>
    public static bool IsMultipleOf(decimal value, decimal divisor)
    {
        try
        {
            return value % divisor == 0m;
        }
        catch (OverflowException)
        {
            return true;
        }
    }

    /// <summary>
    /// <c>multipleOf</c> for a <see cref="double"/> as it goes on the wire: exact in decimal where
    /// <see cref="TryToDecimal"/> holds the value faithfully, otherwise in floating point. NaN and infinities are no multiple.
    /// </summary>
    public static bool IsMultipleOf(double value, decimal divisor)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }

        return IsIntegralMultiple(value, divisor)
            || (TryToDecimal(value, out var exact) ? IsMultipleOf(exact, divisor) : IsMultipleOfBeyondDecimal(value, divisor));
    }

    /// <summary>
    /// The common case decided without decimal arithmetic or text: an integral value and an integral divisor, both
    /// exactly representable (below 2^53), divide exactly in 64-bit integers. False means "not decided here", not
    /// "not a multiple".
    /// </summary>
    public static bool IsIntegralMultiple(double value, decimal divisor)
    {
        const double Exact = 9007199254740992d; // 2^53
        const decimal ExactDivisor = 9007199254740992m;
        if (divisor <= 0m || divisor > ExactDivisor || Scale(divisor) != 0 || !(Math.Abs(value) < Exact) || value != Math.Floor(value))
        {
            return false;
        }

        return (long)value % (long)divisor == 0;
    }

    /// <summary>An integral divisor that divides a 64-bit value exactly; false means "not decided here".</summary>
    public static bool IsIntegralMultiple(long value, decimal divisor) =>
        divisor > 0m && divisor <= long.MaxValue && Scale(divisor) == 0 && value % (long)divisor == 0;

    /// <summary>
    /// <c>multipleOf</c> for a finite <see cref="double"/> that <see cref="decimal"/> cannot hold (beyond its range, or too
    /// small for its 28 decimal places): every double that large is an integer and the quotient's fraction is below
    /// double precision, so it passes when the quotient is whole within a few units of the last place.
    /// </summary>
    public static bool IsMultipleOfBeyondDecimal(double value, decimal divisor)
    {
        var quotient = value / (double)divisor;
        return !double.IsNaN(quotient) && !double.IsInfinity(quotient)
            && !(Math.Abs(quotient - Math.Round(quotient)) > Math.Abs(quotient) * 1e-15 * 4);
    }

    /// <summary>
    /// The nearest multiples of <paramref name="divisor"/> (&gt; 0) at or below and at or above <paramref name="value"/>,
    /// computed from the exact remainder (not from a rounded quotient); both are the value itself when it is a multiple.
    /// False when they lie beyond <see cref="decimal"/>'s range.
    /// </summary>
    public static bool TryNearestMultiples(decimal value, decimal divisor, out decimal lower, out decimal upper)
    {
        try
        {
            var remainder = value % divisor;
            if (remainder == 0m)
            {
                lower = upper = value;
                return true;
            }

            lower = value - remainder;
            if (remainder < 0m)
            {
                lower -= divisor;
            }

            // Written with the divisor's decimal places (0.3, not 0.30 for 0.35 and 0.1): exact, as lower is a multiple.
            lower = decimal.Round(lower, Scale(divisor));
            upper = lower + divisor;
            return true;
        }
        catch (OverflowException)
        {
            lower = upper = 0m;
            return false;
        }
    }

    private static int Scale(decimal value)
    {
#if NET
        return value.Scale;
#else
        return (decimal.GetBits(value)[3] >> 16) & 0xFF;
#endif
    }

    /// <summary>
    /// The <see cref="decimal"/> that a <see cref="double"/> stands for on the wire: its shortest round-trip text
    /// (0.3, not 0.299999999999999988897769753748; 0.30000000000000004, not 0.3). False when decimal cannot hold it
    /// faithfully (NaN, infinities, beyond its range, or so small that it would round to zero).
    /// </summary>
    public static bool TryToDecimal(double value, out decimal result)
    {
#if NET
        Span<char> buffer = stackalloc char[32];
        if (value.TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture)
            && decimal.TryParse(buffer.Slice(0, written), NumberStyles.Float, CultureInfo.InvariantCulture, out result))
#else
        if (decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out result))
#endif
        {
            // decimal.TryParse rounds what it cannot hold (1e-40 becomes 0): only accept a faithful conversion.
            return result != 0m || value == 0d;
        }

        result = 0m;
        return false;
    }

    /// <summary>
    /// The <see cref="double"/> that a <see cref="float"/> stands for on the wire: the double whose shortest round-trip
    /// text is the float's shortest round-trip text (JSON writes 0.1f as <c>0.1</c>, so this gives 0.1, not the widened
    /// 0.10000000149011612). Checking this double judges the number that JSON Schema sees. NaN and infinities map to
    /// themselves.
    /// </summary>
    public static double ToWireDouble(float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            return value;
        }

#if NET
        Span<char> buffer = stackalloc char[32];
        if (value.TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture)
            && double.TryParse(buffer.Slice(0, written), NumberStyles.Float, CultureInfo.InvariantCulture, out var result))
#else
        if (double.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var result))
#endif
        {
            return result;
        }

        return value;
    }

    /// <summary>
    /// The length of a string in Unicode code points, as JSON Schema counts it: a surrogate pair is one character, and so
    /// is a lone surrogate.
    /// </summary>
    public static int CodePointLength(string value)
    {
        var count = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
