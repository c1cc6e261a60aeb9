using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractFirst.Validation;

/// <summary>
/// The JSON Schema checks that generated validation code calls (for parameters; models and bodies are checked against
/// their <see cref="JsonSchema"/>). Each one adds an error to the context when its constraint is violated and does
/// nothing otherwise; <see langword="null"/> values pass (presence is
/// <see cref="Required(ValidationContext, string, string, bool)"/>'s job). Messages name the bound and never repeat a
/// whole string value. Every check takes the field as <c>path</c> and <c>name</c> (<c>""</c> and the whole field when
/// there is no prefix) and joins the two only when the check fails, so a passing check allocates nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaChecks
{
    private const int MaxListedEnumValues = 20;

    // ---- minimum / maximum ------------------------------------------------------------------------------------------

    /// <summary><c>minimum</c> (or <c>exclusiveMinimum</c>).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMinimum</c>.</param>
    public static void Minimum(ValidationContext context, string path, string name, double value, double bound, bool exclusive) =>
        MinimumCore(context, path, name, value, bound, exclusive);

    /// <summary>
    /// <c>minimum</c> (or <c>exclusiveMinimum</c>) for a <see cref="float"/>, judged as it goes on the wire: by its
    /// shortest round-trip text, so 0.1f is 0.1, not the widened 0.10000000149011612.
    /// </summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMinimum</c>.</param>
    public static void Minimum(ValidationContext context, string path, string name, float value, double bound, bool exclusive) =>
        MinimumCore(context, path, name, ConstraintMath.ToWireDouble(value), bound, exclusive);

    /// <summary>
    /// <c>minimum</c> (or <c>exclusiveMinimum</c>) for an integer against a fractional bound, compared as <see cref="double"/>. It
    /// exists so that an integer argument keeps its double comparison: without it, C# would prefer the
    /// <see cref="float"/> overload for an <c>int</c> or <c>long</c> value and round large values to float precision.
    /// </summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMinimum</c>.</param>
    public static void Minimum(ValidationContext context, string path, string name, long value, double bound, bool exclusive) =>
        MinimumCore(context, path, name, (double)value, bound, exclusive);

    private static void MinimumCore(ValidationContext context, string path, string name, double value, double bound, bool exclusive)
    {
        if (exclusive ? !(value > bound) : !(value >= bound))
        {
            AddBound(context, Field(path, name), exclusive ? "exclusiveMinimum" : "minimum", exclusive ? ">" : ">=", Format(bound), Format(value));
        }
    }

    /// <summary><c>minimum</c> (or <c>exclusiveMinimum</c>) for integers.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMinimum</c>.</param>
    public static void Minimum(ValidationContext context, string path, string name, long value, long bound, bool exclusive) =>
        MinimumCore(context, path, name, value, bound, exclusive);

    private static void MinimumCore(ValidationContext context, string path, string name, long value, long bound, bool exclusive)
    {
        if (exclusive ? value <= bound : value < bound)
        {
            AddBound(context, Field(path, name), exclusive ? "exclusiveMinimum" : "minimum", exclusive ? ">" : ">=", Format(bound), Format(value));
        }
    }

    /// <summary><c>minimum</c> (or <c>exclusiveMinimum</c>) for decimals.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMinimum</c>.</param>
    public static void Minimum(ValidationContext context, string path, string name, decimal value, decimal bound, bool exclusive) =>
        MinimumCore(context, path, name, value, bound, exclusive);

    private static void MinimumCore(ValidationContext context, string path, string name, decimal value, decimal bound, bool exclusive)
    {
        if (exclusive ? value <= bound : value < bound)
        {
            AddBound(context, Field(path, name), exclusive ? "exclusiveMinimum" : "minimum", exclusive ? ">" : ">=", Format(bound), Format(value));
        }
    }

    /// <summary><c>maximum</c> (or <c>exclusiveMaximum</c>).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMaximum</c>.</param>
    public static void Maximum(ValidationContext context, string path, string name, double value, double bound, bool exclusive) =>
        MaximumCore(context, path, name, value, bound, exclusive);

    /// <summary>
    /// <c>maximum</c> (or <c>exclusiveMaximum</c>) for a <see cref="float"/>, judged as it goes on the wire: by its
    /// shortest round-trip text, so 0.1f is 0.1, not the widened 0.10000000149011612.
    /// </summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMaximum</c>.</param>
    public static void Maximum(ValidationContext context, string path, string name, float value, double bound, bool exclusive) =>
        MaximumCore(context, path, name, ConstraintMath.ToWireDouble(value), bound, exclusive);

    /// <summary>
    /// <c>maximum</c> (or <c>exclusiveMaximum</c>) for an integer against a fractional bound, compared as <see cref="double"/>. It
    /// exists so that an integer argument keeps its double comparison: without it, C# would prefer the
    /// <see cref="float"/> overload for an <c>int</c> or <c>long</c> value and round large values to float precision.
    /// </summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMaximum</c>.</param>
    public static void Maximum(ValidationContext context, string path, string name, long value, double bound, bool exclusive) =>
        MaximumCore(context, path, name, (double)value, bound, exclusive);

    private static void MaximumCore(ValidationContext context, string path, string name, double value, double bound, bool exclusive)
    {
        if (exclusive ? !(value < bound) : !(value <= bound))
        {
            AddBound(context, Field(path, name), exclusive ? "exclusiveMaximum" : "maximum", exclusive ? "<" : "<=", Format(bound), Format(value));
        }
    }

    /// <summary><c>maximum</c> (or <c>exclusiveMaximum</c>) for integers.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMaximum</c>.</param>
    public static void Maximum(ValidationContext context, string path, string name, long value, long bound, bool exclusive) =>
        MaximumCore(context, path, name, value, bound, exclusive);

    private static void MaximumCore(ValidationContext context, string path, string name, long value, long bound, bool exclusive)
    {
        if (exclusive ? value >= bound : value > bound)
        {
            AddBound(context, Field(path, name), exclusive ? "exclusiveMaximum" : "maximum", exclusive ? "<" : "<=", Format(bound), Format(value));
        }
    }

    /// <summary><c>maximum</c> (or <c>exclusiveMaximum</c>) for decimals.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="bound">The bound.</param>
    /// <param name="exclusive">True for <c>exclusiveMaximum</c>.</param>
    public static void Maximum(ValidationContext context, string path, string name, decimal value, decimal bound, bool exclusive) =>
        MaximumCore(context, path, name, value, bound, exclusive);

    private static void MaximumCore(ValidationContext context, string path, string name, decimal value, decimal bound, bool exclusive)
    {
        if (exclusive ? value >= bound : value > bound)
        {
            AddBound(context, Field(path, name), exclusive ? "exclusiveMaximum" : "maximum", exclusive ? "<" : "<=", Format(bound), Format(value));
        }
    }

    // ---- multipleOf -------------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>multipleOf</c>, exact in decimal: the double is taken as its shortest round-trip text (what goes on the wire),
    /// so 0.3 is a multiple of 0.1. Values beyond <see cref="decimal"/>'s range are checked in floating point.
    /// A divisor that is not positive is ignored (the spec is invalid; the analyzers report it).
    /// </summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The spec's <c>multipleOf</c>.</param>
    public static void MultipleOf(ValidationContext context, string path, string name, double value, decimal divisor) =>
        MultipleOfCore(context, path, name, value, divisor);

    /// <summary>
    /// <c>multipleOf</c> for a <see cref="float"/>, judged as it goes on the wire: by its shortest
    /// round-trip text, so 0.1f is 0.1 (not 0.10000000149011612) and a multiple of 0.1, and so is 0.3f.
    /// A divisor that is not positive is ignored (the spec is invalid; the analyzers report it).
    /// </summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The spec's <c>multipleOf</c>.</param>
    public static void MultipleOf(ValidationContext context, string path, string name, float value, decimal divisor) =>
        MultipleOfCore(context, path, name, ConstraintMath.ToWireDouble(value), divisor);

    private static void MultipleOfCore(ValidationContext context, string path, string name, double value, decimal divisor)
    {
        if (divisor <= 0m)
        {
            return;
        }

        if (!double.IsFinite(value))
        {
            AddMultipleOf(context, Field(path, name), divisor, value.ToString(CultureInfo.InvariantCulture), null);
            return;
        }

        if (ConstraintMath.IsIntegralMultiple(value, divisor))
        {
            return;
        }

        if (ConstraintMath.TryToDecimal(value, out decimal exact))
        {
            MultipleOfCore(context, path, name, exact, divisor);
            return;
        }

        if (!ConstraintMath.IsMultipleOfBeyondDecimal(value, divisor))
        {
            AddMultipleOf(context, Field(path, name), divisor, Format(value), null);
        }
    }

    /// <summary><c>multipleOf</c> for integers.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The spec's <c>multipleOf</c>.</param>
    public static void MultipleOf(ValidationContext context, string path, string name, long value, decimal divisor)
    {
        if (!ConstraintMath.IsIntegralMultiple(value, divisor))
        {
            MultipleOfCore(context, path, name, (decimal)value, divisor);
        }
    }

    /// <summary><c>multipleOf</c> for decimals (exact).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The spec's <c>multipleOf</c>.</param>
    public static void MultipleOf(ValidationContext context, string path, string name, decimal value, decimal divisor) =>
        MultipleOfCore(context, path, name, value, divisor);

    private static void MultipleOfCore(ValidationContext context, string path, string name, decimal value, decimal divisor)
    {
        if (divisor <= 0m)
        {
            return;
        }

        if (ConstraintMath.IsMultipleOf(value, divisor))
        {
            return;
        }

        (decimal Lower, decimal Upper)? nearest = ConstraintMath.TryNearestMultiples(value, divisor, out decimal lower, out decimal upper) ? (lower, upper) : null;
        AddMultipleOf(context, Field(path, name), divisor, Format(value), nearest);
    }

    /// <summary>The nearest multiples of <paramref name="divisor"/> below and above <paramref name="value"/> (what code fixes offer).</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">A positive divisor.</param>
    public static (decimal Lower, decimal Upper) NearestMultiples(decimal value, decimal divisor)
    {
        if (divisor <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(divisor), "The divisor must be positive.");
        }

        return ConstraintMath.TryNearestMultiples(value, divisor, out decimal lower, out decimal upper)
            ? (lower, upper)
            : throw new OverflowException("The nearest multiples lie beyond the range of decimal.");
    }

    // ---- strings ----------------------------------------------------------------------------------------------------

    /// <summary><c>pattern</c>: ECMA-262 syntax, unanchored (a match anywhere passes), as JSON Schema says.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="pattern">The spec's pattern.</param>
    public static void Pattern(ValidationContext context, string path, string name, string? value, string pattern) =>
        PatternCore(context, path, name, value, pattern);

    private static void PatternCore(ValidationContext context, string path, string name, string? value, string pattern)
    {
        if (value is null)
        {
            return;
        }

        bool matched;
        try
        {
            matched = EcmaRegex.IsMatch(value, pattern);
        }
        catch (RegexMatchTimeoutException)
        {
            context.Add(Field(path, name), "pattern", $"could not be checked against the pattern {pattern} in time");
            return;
        }

        if (!matched)
        {
            context.Add(Field(path, name), "pattern", $"must match the pattern {pattern}");
        }
    }

    /// <summary><c>minLength</c>, counted in Unicode code points (a surrogate pair counts once).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="minLength">The least number of characters.</param>
    public static void MinLength(ValidationContext context, string path, string name, string? value, int minLength) =>
        MinLengthCore(context, path, name, value, minLength);

    private static void MinLengthCore(ValidationContext context, string path, string name, string? value, int minLength)
    {
        // value.Length >= code points, so a short UTF-16 length already decides.
        if (value is not null && (value.Length < minLength || CodePointLength(value) < minLength))
        {
            context.Add(Field(path, name), "minLength", $"must be at least {Plural(minLength, "character")} long (is {CodePointLength(value).ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary><c>maxLength</c>, counted in Unicode code points (a surrogate pair counts once).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    /// <param name="maxLength">The greatest number of characters.</param>
    public static void MaxLength(ValidationContext context, string path, string name, string? value, int maxLength) =>
        MaxLengthCore(context, path, name, value, maxLength);

    private static void MaxLengthCore(ValidationContext context, string path, string name, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength && CodePointLength(value) > maxLength)
        {
            context.Add(Field(path, name), "maxLength", $"must be at most {Plural(maxLength, "character")} long (is {CodePointLength(value).ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>The length of a string in Unicode code points, as JSON Schema counts it (a lone surrogate counts once).</summary>
    /// <param name="value">The string.</param>
    public static int CodePointLength(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ConstraintMath.CodePointLength(value);
    }

    // ---- arrays -----------------------------------------------------------------------------------------------------

    /// <summary><c>minProperties</c> of a map (an object with <c>additionalProperties</c>).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="count">The number of entries.</param>
    /// <param name="minProperties">The least number of entries.</param>
    public static void MinProperties(ValidationContext context, string path, string name, int count, int minProperties) =>
        MinPropertiesCore(context, path, name, count, minProperties);

    private static void MinPropertiesCore(ValidationContext context, string path, string name, int count, int minProperties)
    {
        if (count < minProperties)
        {
            context.Add(Field(path, name), "minProperties", $"must have at least {Properties(minProperties)} (has {count.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary><c>maxProperties</c> of a map (an object with <c>additionalProperties</c>).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="count">The number of entries.</param>
    /// <param name="maxProperties">The greatest number of entries.</param>
    public static void MaxProperties(ValidationContext context, string path, string name, int count, int maxProperties) =>
        MaxPropertiesCore(context, path, name, count, maxProperties);

    private static void MaxPropertiesCore(ValidationContext context, string path, string name, int count, int maxProperties)
    {
        if (count > maxProperties)
        {
            context.Add(Field(path, name), "maxProperties", $"must have at most {Properties(maxProperties)} (has {count.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary><c>minItems</c>.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="count">The number of items.</param>
    /// <param name="minItems">The least number of items.</param>
    public static void MinItems(ValidationContext context, string path, string name, int count, int minItems) =>
        MinItemsCore(context, path, name, count, minItems);

    private static void MinItemsCore(ValidationContext context, string path, string name, int count, int minItems)
    {
        if (count < minItems)
        {
            context.Add(Field(path, name), "minItems", $"must have at least {Plural(minItems, "item")} (has {count.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary><c>maxItems</c>.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="count">The number of items.</param>
    /// <param name="maxItems">The greatest number of items.</param>
    public static void MaxItems(ValidationContext context, string path, string name, int count, int maxItems) =>
        MaxItemsCore(context, path, name, count, maxItems);

    private static void MaxItemsCore(ValidationContext context, string path, string name, int count, int maxItems)
    {
        if (count > maxItems)
        {
            context.Add(Field(path, name), "maxItems", $"must have at most {Plural(maxItems, "item")} (has {count.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary><c>uniqueItems: true</c>, with <see cref="EqualityComparer{T}.Default"/> (records compare by value).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="items">The items.</param>
    public static void UniqueItems<T>(ValidationContext context, string path, string name, IEnumerable<T>? items) =>
        UniqueItemsCore(context, path, name, items);

    private static void UniqueItemsCore<T>(ValidationContext context, string path, string name, IEnumerable<T>? items)
    {
        if (items is null)
        {
            return;
        }

        // Nulls never reach the dictionary (they are tracked by nullIndex), so its notnull constraint holds.
#pragma warning disable CS8714
        var seen = new Dictionary<T, int>();
#pragma warning restore CS8714
        int nullIndex = -1;
        int index = 0;
        foreach (T item in items)
        {
            int first;
            if (item is null)
            {
                if (nullIndex < 0)
                {
                    nullIndex = index++;
                    continue;
                }

                first = nullIndex;
            }
            else if (!seen.TryAdd(item, index))
            {
                first = seen[item];
            }
            else
            {
                index++;
                continue;
            }

            context.Add(Field(path, name), "uniqueItems", $"must not contain duplicate items (item {index.ToString(CultureInfo.InvariantCulture)} repeats item {first.ToString(CultureInfo.InvariantCulture)})");
            return;
        }
    }

    // ---- enum / required / nesting ----------------------------------------------------------------------------------

    /// <summary><c>enum</c>: the open enum's value must be one the spec knows.</summary>
    /// <typeparam name="T">The generated enum.</typeparam>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    public static void Enum<T>(ValidationContext context, string path, string name, T value) where T : struct, IOpenEnum<T> =>
        EnumCore(context, path, name, value);

    private static void EnumCore<T>(ValidationContext context, string path, string name, T value) where T : struct, IOpenEnum<T>
    {
        if (!value.IsKnown)
        {
            AddEnum(context, Field(path, name), T.KnownValues, value.Value);
        }
    }

    /// <summary><c>enum</c> for an optional open enum; <see langword="null"/> passes.</summary>
    /// <typeparam name="T">The generated enum.</typeparam>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    public static void Enum<T>(ValidationContext context, string path, string name, T? value) where T : struct, IOpenEnum<T> =>
        EnumCore(context, path, name, value);

    private static void EnumCore<T>(ValidationContext context, string path, string name, T? value) where T : struct, IOpenEnum<T>
    {
        if (value is { } v)
        {
            EnumCore(context, path, name, v);
        }
    }

    /// <summary><c>enum</c> for a plain string (ordinal comparison).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="allowed">The spec's values.</param>
    public static void Enum(ValidationContext context, string path, string name, string? value, IReadOnlyList<string> allowed) =>
        EnumCore(context, path, name, value, allowed);

    private static void EnumCore(ValidationContext context, string path, string name, string? value, IReadOnlyList<string> allowed)
    {
        if (value is null)
        {
            return;
        }

        for (int i = 0; i < allowed.Count; i++)
        {
            if (string.Equals(allowed[i], value, StringComparison.Ordinal))
            {
                return;
            }
        }

        AddEnum(context, Field(path, name), allowed, value);
    }

    /// <summary><c>enum</c> for an open integer enum.</summary>
    /// <typeparam name="T">The generated enum.</typeparam>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The value.</param>
    public static void IntEnum<T>(ValidationContext context, string path, string name, T value) where T : struct, IOpenIntEnum<T> =>
        IntEnumCore(context, path, name, value);

    private static void IntEnumCore<T>(ValidationContext context, string path, string name, T value) where T : struct, IOpenIntEnum<T>
    {
        if (!value.IsKnown)
        {
            IReadOnlyList<long> known = T.KnownValues;
            var names = new string[known.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = known[i].ToString(CultureInfo.InvariantCulture);
            }

            AddEnum(context, Field(path, name), names, value.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary><c>required</c>: the property must be present.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix of the field path (e.g. <c>body.</c>, or empty); the field is <c>path + name</c>, built only when the check fails.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="present">Whether it is present (not <see langword="null"/>).</param>
    public static void Required(ValidationContext context, string path, string name, bool present) =>
        RequiredCore(context, path, name, present);

    private static void RequiredCore(ValidationContext context, string path, string name, bool present)
    {
        if (!present)
        {
            context.Add(Field(path, name), "required", "is required");
        }
    }

    /// <summary>Validates a nested model, prefixing its fields with <c>path + name + "."</c>; <see langword="null"/> passes.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The current prefix.</param>
    /// <param name="name">The property's or parameter's wire name (or the rest of the field path).</param>
    /// <param name="value">The nested model.</param>
    public static void Nested(ValidationContext context, string path, string name, IValidatable? value) =>
        value?.Validate(context, ValidationContext.Member(path, name));

    /// <summary>Validates every item of an array of models, prefixing fields with <c>path + name + "[i]."</c>.</summary>
    /// <typeparam name="T">The item model.</typeparam>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The current prefix.</param>
    /// <param name="name">The array property's wire name.</param>
    /// <param name="items">The items; <see langword="null"/> passes.</param>
    public static void Items<T>(ValidationContext context, string path, string name, IEnumerable<T?>? items) where T : IValidatable
    {
        if (items is null)
        {
            return;
        }

        int index = 0;
        foreach (T? item in items)
        {
            item?.Validate(context, ValidationContext.Item(path, name, index) + ".");
            index++;
        }
    }

    /// <summary>Validates every value of a map of models, prefixing fields with <c>path + name + "[key]."</c>.</summary>
    /// <typeparam name="T">The value model.</typeparam>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The current prefix.</param>
    /// <param name="name">The map property's wire name.</param>
    /// <param name="values">The map; <see langword="null"/> passes.</param>
    public static void Values<T>(ValidationContext context, string path, string name, IEnumerable<KeyValuePair<string, T?>>? values) where T : IValidatable
    {
        if (values is null)
        {
            return;
        }

        foreach (KeyValuePair<string, T?> pair in values)
        {
            pair.Value?.Validate(context, string.Concat(path, name, "[", pair.Key, "]."));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    // The field path of an error: concatenated only when a check fails, so that passing checks allocate nothing.
    private static string Field(string path, string name) => string.Concat(path, name);

    private static void AddBound(ValidationContext context, string field, string keyword, string op, string bound, string actual) =>
        context.Add(field, keyword, $"must be {op} {bound} (was {actual})");

    private static void AddMultipleOf(ValidationContext context, string field, decimal divisor, string actual, (decimal Lower, decimal Upper)? nearest)
    {
        string message = nearest is { } n
            // "Nearest multiples", not "valid values": this check does not know the schema's minimum/maximum (the analyzers,
            // which do, name the nearest values that satisfy them all).
            ? $"must be a multiple of {Format(divisor)} (nearest multiples: {Format(n.Lower)} and {Format(n.Upper)}; was {actual})"
            : $"must be a multiple of {Format(divisor)} (was {actual})";
        context.Add(field, "multipleOf", message);
    }

    private static void AddEnum(ValidationContext context, string field, IReadOnlyList<string> known, string? actual)
    {
        string shown = actual is null ? "no value" : "'" + ApiException.Truncate(actual, 64) + "'";
        if (known.Count == 0)
        {
            context.Add(field, "enum", $"must be one of the values the spec lists (was {shown})");
            return;
        }

        var sb = new StringBuilder("must be one of: ");
        int listed = Math.Min(known.Count, MaxListedEnumValues);
        for (int i = 0; i < listed; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(known[i]);
        }

        if (known.Count > listed)
        {
            sb.Append(", … (").Append((known.Count - listed).ToString(CultureInfo.InvariantCulture)).Append(" more)");
        }

        sb.Append(" (was ").Append(shown).Append(')');
        context.Add(field, "enum", sb.ToString());
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Properties(int n) =>
        n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " property" : " properties");

    private static string Plural(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");
}
