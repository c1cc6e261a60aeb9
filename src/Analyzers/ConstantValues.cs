using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContractFirst.Analyzers;

/// <summary>Finds the compile-time constants behind a value, looking through conversions and branches.</summary>
internal static class ConstantValues
{
    /// <summary>How many branches of nested <c>?:</c>, <c>switch</c> and <c>??</c> one value is followed into.</summary>
    private const int MaxBranches = 256;

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
    public static bool TryGet(IOperation value, out object constant, out IOperation source) =>
        TryGet(value, null, out constant, out source);

    /// <summary>
    /// The values that <paramref name="value"/> can end up as: itself, or, through the branches of <c>?:</c>,
    /// <c>switch</c> expressions and <c>??</c> (nested too), each branch's value. A branch that is not constant is
    /// still listed (it may be a collection literal); <see cref="TryGetBranch"/> reads the constant of each.
    /// </summary>
    public static List<Branch> GetBranches(IOperation value)
    {
        var branches = new List<Branch>();
        var pending = new Stack<Branch>();
        pending.Push(new Branch(value, null));
        while (pending.Count > 0 && branches.Count < MaxBranches)
        {
            var (current, convertedTo) = pending.Pop();

            // Conversions that are not constant themselves lead to the branches; a folded one is a value.
            while (!current.ConstantValue.HasValue && current is IConversionOperation conversion)
            {
                convertedTo = conversion.Type;
                current = conversion.Operand;
            }

            if (current.ConstantValue.HasValue)
            {
                branches.Add(new Branch(current, convertedTo));
                continue;
            }

            // Pushed in reverse, so that branches come out in source order.
            switch (current)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    pending.Push(new Branch(whenFalse, convertedTo));
                    pending.Push(new Branch(conditional.WhenTrue, convertedTo));
                    break;
                case ISwitchExpressionOperation switchExpression:
                    for (var i = switchExpression.Arms.Length - 1; i >= 0; i--)
                    {
                        pending.Push(new Branch(switchExpression.Arms[i].Value, convertedTo));
                    }

                    break;
                case ICoalesceOperation coalesce:
                    pending.Push(new Branch(coalesce.WhenNull, convertedTo));
                    pending.Push(new Branch(coalesce.Value, convertedTo));
                    break;
                default:
                    branches.Add(new Branch(current, convertedTo));
                    break;
            }
        }

        return branches;
    }

    /// <summary>The constant of one branch from <see cref="GetBranches"/>, as <see cref="TryGet(IOperation, out object, out IOperation)"/> reads it.</summary>
    public static bool TryGetBranch(Branch branch, out object constant, out IOperation source) =>
        TryGet(branch.Value, branch.ConvertedTo, out constant, out source);

    private static bool TryGet(IOperation value, ITypeSymbol? convertedTo, out object constant, out IOperation source)
    {
        var current = value;
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

    /// <summary>One value that an expression can end up as, with the type that outer conversions make of it.</summary>
    internal readonly struct Branch
    {
        public Branch(IOperation value, ITypeSymbol? convertedTo)
        {
            Value = value;
            ConvertedTo = convertedTo;
        }

        public IOperation Value { get; }

        public ITypeSymbol? ConvertedTo { get; }

        public void Deconstruct(out IOperation value, out ITypeSymbol? convertedTo) => (value, convertedTo) = (Value, ConvertedTo);
    }
}
