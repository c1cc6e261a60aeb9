using Microsoft.CodeAnalysis;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>The <c>ContractFirst.Constraints</c> attribute types, resolved once per compilation.</summary>
internal sealed class ConstraintSymbols
{
    private const string Namespace = "ContractFirst.Constraints.";

    private ConstraintSymbols(Compilation compilation)
    {
        Minimum = compilation.GetTypeByMetadataName(Namespace + "MinimumAttribute");
        Maximum = compilation.GetTypeByMetadataName(Namespace + "MaximumAttribute");
        MultipleOf = compilation.GetTypeByMetadataName(Namespace + "MultipleOfAttribute");
        Pattern = compilation.GetTypeByMetadataName(Namespace + "PatternAttribute");
        MinLength = compilation.GetTypeByMetadataName(Namespace + "MinLengthAttribute");
        MaxLength = compilation.GetTypeByMetadataName(Namespace + "MaxLengthAttribute");
        MinItems = compilation.GetTypeByMetadataName(Namespace + "MinItemsAttribute");
        MaxItems = compilation.GetTypeByMetadataName(Namespace + "MaxItemsAttribute");
        AllowedValues = compilation.GetTypeByMetadataName(Namespace + "AllowedValuesAttribute");
        AllowedJsonValues = compilation.GetTypeByMetadataName(Namespace + "AllowedJsonValuesAttribute");
        Const = compilation.GetTypeByMetadataName(Namespace + "ConstAttribute");
        SpecRequired = compilation.GetTypeByMetadataName(Namespace + "SpecRequiredAttribute");
        RequestModel = compilation.GetTypeByMetadataName(Namespace + "RequestModelAttribute");
        WireName = compilation.GetTypeByMetadataName(Namespace + "WireNameAttribute");
    }

    public INamedTypeSymbol? Minimum { get; }

    public INamedTypeSymbol? Maximum { get; }

    public INamedTypeSymbol? MultipleOf { get; }

    public INamedTypeSymbol? Pattern { get; }

    public INamedTypeSymbol? MinLength { get; }

    public INamedTypeSymbol? MaxLength { get; }

    public INamedTypeSymbol? MinItems { get; }

    public INamedTypeSymbol? MaxItems { get; }

    public INamedTypeSymbol? AllowedValues { get; }

    public INamedTypeSymbol? AllowedJsonValues { get; }

    public INamedTypeSymbol? Const { get; }

    public INamedTypeSymbol? SpecRequired { get; }

    public INamedTypeSymbol? RequestModel { get; }

    public INamedTypeSymbol? WireName { get; }

    /// <summary>
    /// Resolves the attribute types; false when the compilation has none of them (it does not reference
    /// ContractFirst), so that the analyzer registers nothing at all.
    /// </summary>
    public static bool TryCreate(Compilation compilation, out ConstraintSymbols symbols)
    {
        symbols = new ConstraintSymbols(compilation);
        return symbols.MultipleOf is not null
            || symbols.Minimum is not null
            || symbols.Maximum is not null
            || symbols.Pattern is not null
            || symbols.MinLength is not null
            || symbols.MaxLength is not null
            || symbols.MinItems is not null
            || symbols.MaxItems is not null
            || symbols.AllowedValues is not null
            || symbols.AllowedJsonValues is not null
            || symbols.Const is not null
            || symbols.SpecRequired is not null;
    }
}
