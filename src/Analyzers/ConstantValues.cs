using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContractFirst.Analyzers;

/// <summary>Finds the compile-time constant behind a value, looking through conversions.</summary>
internal static class ConstantValues
{
    /// <summary>
    /// Gets the non-null constant that <paramref name="value"/> carries, seeing through conversions that are not
    /// constant themselves: nullable wrapping (<c>double?</c>) and user-defined conversions (a string or long turned
    /// into an open enum by its implicit operator; such an operator can only be declared by the generated type, as
    /// constants are of built-in types). Numeric conversions of a constant (<c>int</c> to <c>double</c>) fold; a float
    /// constant seen through a conversion to <c>double?</c> comes back as the double it becomes.
    /// </summary>
    /// <param name="value">The value assigned or passed.</param>
    /// <param name="constant">The constant: a boxed primitive or a string.</param>
    /// <param name="source">The operation that carries the constant; its syntax is where a diagnostic goes.</param>
    public static bool TryGet(IOperation value, out object constant, out IOperation source)
    {
        var current = value;
        ITypeSymbol? convertedTo = null;
        while (true)
        {
            var folded = current.ConstantValue;
            if (folded.HasValue)
            {
                // A float constant widened to double? (not folded, unlike float to double) is the widened double
                // (0.1f is 0.10000000149011612 there); as a float it goes on the wire as the float's shortest text.
                constant = folded.Value is float single && convertedTo is not null
                    && Constraints.ConstraintCache.UnwrapNullable(convertedTo).SpecialType == SpecialType.System_Double
                    ? (double)single
                    : folded.Value!;
                source = current;
                return folded.Value is not null;
            }

            if (current is not IConversionOperation conversion)
            {
                constant = null!;
                source = current;
                return false;
            }

            convertedTo = conversion.Type;
            current = conversion.Operand;
        }
    }

    /// <summary>Skips implicit conversions (e.g. <c>List&lt;T&gt;</c> to <c>IList&lt;T&gt;</c>, nullable wrapping).</summary>
    public static IOperation SkipConversions(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
