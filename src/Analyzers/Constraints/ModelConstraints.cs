using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>What the object-level checks (CF1007, CF1008) need to know about a model type.</summary>
internal sealed class ModelConstraints
{
    public static readonly ModelConstraints None = new(ImmutableArray<IPropertySymbol>.Empty, ImmutableArray<RangePair>.Empty);

    public ModelConstraints(ImmutableArray<IPropertySymbol> specRequiredNotEnforced, ImmutableArray<RangePair> rangePairs)
    {
        SpecRequiredNotEnforced = specRequiredNotEnforced;
        RangePairs = rangePairs;
    }

    /// <summary>
    /// Properties of a <c>[RequestModel]</c> that the spec requires but C# <c>required</c> does not enforce.
    /// </summary>
    public ImmutableArray<IPropertySymbol> SpecRequiredNotEnforced { get; }

    /// <summary><c>Min{X}</c>/<c>Max{X}</c> property pairs.</summary>
    public ImmutableArray<RangePair> RangePairs { get; }
}

/// <summary>A <c>Min{X}</c> property and its <c>Max{X}</c> counterpart on the same type.</summary>
internal readonly struct RangePair
{
    public RangePair(IPropertySymbol minimum, IPropertySymbol maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    public IPropertySymbol Minimum { get; }

    public IPropertySymbol Maximum { get; }
}
