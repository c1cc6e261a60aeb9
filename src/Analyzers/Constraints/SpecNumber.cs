using System;
using System.Globalization;
using ContractFirst.Validation;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>
/// A number from the spec or from user code. It is held as a <see cref="decimal"/> whenever it fits, so that
/// <c>multipleOf</c> and the bounds are checked exactly (0.3 is a multiple of 0.1); otherwise as a <see cref="double"/>
/// (e.g. <c>1e40</c>, infinities), which still supports the range checks.
/// </summary>
internal readonly struct SpecNumber
{
    private readonly decimal _decimal;
    private readonly double _double;

    private SpecNumber(decimal value)
    {
        _decimal = value;
        _double = (double)value;
        IsDecimal = true;
    }

    private SpecNumber(double value)
    {
        _decimal = 0m;
        _double = value;
        IsDecimal = false;
    }

    /// <summary>True when <see cref="Decimal"/> holds the exact value.</summary>
    public bool IsDecimal { get; }

    /// <summary>The value; meaningful only when <see cref="IsDecimal"/> is true.</summary>
    public decimal Decimal => _decimal;

    /// <summary>The value as a <see cref="double"/> (rounded when <see cref="IsDecimal"/> is true).</summary>
    public double Double => _double;

    /// <summary>True when the value is a whole number.</summary>
    public bool IsInteger => IsDecimal ? decimal.Truncate(_decimal) == _decimal : Math.Floor(_double) == _double;

    public static SpecNumber FromDecimal(decimal value) => new(value);

    /// <summary>A double as it is (no rounding to its shortest text): for distances, not for values from code.</summary>
    public static SpecNumber FromDouble(double value) => new(value);

    /// <summary>Parses a number as the spec writes it (invariant culture, exponent allowed).</summary>
    public static bool TryParse(string? text, out SpecNumber number)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            number = new SpecNumber(d);
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && !double.IsNaN(x))
        {
            number = new SpecNumber(x);
            return true;
        }

        number = default;
        return false;
    }

    /// <summary>Reads a constant that Roslyn folded (boxed primitive). NaN and non-numeric constants give false.</summary>
    public static bool TryFromConstant(object? constant, out SpecNumber number)
    {
        switch (constant)
        {
            case int v: number = new SpecNumber((decimal)v); return true;
            case long v: number = new SpecNumber((decimal)v); return true;
            case short v: number = new SpecNumber((decimal)v); return true;
            case sbyte v: number = new SpecNumber((decimal)v); return true;
            case byte v: number = new SpecNumber((decimal)v); return true;
            case ushort v: number = new SpecNumber((decimal)v); return true;
            case uint v: number = new SpecNumber((decimal)v); return true;
            case ulong v: number = new SpecNumber((decimal)v); return true;
            case decimal v: number = new SpecNumber(v); return true;
            case double v: return TryFromDouble(v, out number);
            // A float constant is a float-typed value (a float target, or float? through nullable wrapping; a conversion
            // to double folds to a double constant): judged as the runtime judges it, by its wire text (0.1f is 0.1).
            case float v: return TryFromDouble(ConstraintMath.ToWireDouble(v), out number);
            default: number = default; return false;
        }
    }

    private static bool TryFromDouble(double value, out SpecNumber number)
    {
        if (double.IsNaN(value))
        {
            number = default;
            return false;
        }

        // As the run-time validator reads it: the value on the wire (shortest round-trip text), so the literal 0.3 reads
        // back as 0.3, not 0.299999..., while 0.1 + 0.2 stays 0.30000000000000004 and 1e-40 does not become 0.
        number = ConstraintMath.TryToDecimal(value, out var exact) ? new SpecNumber(exact) : new SpecNumber(value);
        return true;
    }

    public static int Compare(SpecNumber left, SpecNumber right) =>
        left.IsDecimal && right.IsDecimal ? left._decimal.CompareTo(right._decimal) : left._double.CompareTo(right._double);

    /// <summary>The shortest invariant text: <c>24</c>, not <c>24.0</c>.</summary>
    public override string ToString() =>
        IsDecimal
            ? (_decimal / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : _double.ToString("R", CultureInfo.InvariantCulture);
}
