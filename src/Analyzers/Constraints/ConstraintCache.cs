using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>
/// Reads constraint attributes once per symbol and keeps the result for the rest of the compilation. One instance
/// lives per compilation (symbols must not outlive it); every lookup after the first is a dictionary hit.
/// </summary>
internal sealed class ConstraintCache
{
    private readonly ConstraintSymbols _symbols;
    private readonly ConcurrentDictionary<ISymbol, MemberConstraints> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, AllowedValueSet?> _openEnums = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ModelConstraints> _models = new(SymbolEqualityComparer.Default);
    private readonly Func<ISymbol, MemberConstraints> _readMember;
    private readonly Func<ITypeSymbol, AllowedValueSet?> _readOpenEnum;
    private readonly Func<ITypeSymbol, ModelConstraints> _readModel;

    public ConstraintCache(ConstraintSymbols symbols)
    {
        _symbols = symbols;
        _readMember = ReadMember;
        _readOpenEnum = ReadOpenEnum;
        _readModel = ReadModel;
    }

    public ConstraintSymbols Symbols => _symbols;

    /// <summary>The constraints on a property, field or parameter (<see cref="MemberConstraints.None"/> if none).</summary>
    public MemberConstraints GetMember(ISymbol member) => _members.GetOrAdd(member.OriginalDefinition, _readMember);

    /// <summary>The known values when <paramref name="type"/> is a generated open enum, else null.</summary>
    public AllowedValueSet? GetOpenEnum(ITypeSymbol type) => _openEnums.GetOrAdd(type.OriginalDefinition, _readOpenEnum);

    /// <summary>The object-level constraints of a model type.</summary>
    public ModelConstraints GetModel(ITypeSymbol type) => _models.GetOrAdd(type.OriginalDefinition, _readModel);

    private MemberConstraints ReadMember(ISymbol member)
    {
        var attributes = member.GetAttributes();
        if (attributes.IsEmpty)
        {
            return MemberConstraints.None;
        }

        SpecNumber? minimum = null, maximum = null;
        bool minimumExclusive = false, maximumExclusive = false, any = false;
        decimal? multipleOf = null;
        string? pattern = null;
        int? minLength = null, maxLength = null, minItems = null, maxItems = null;
        AllowedValueSet? allowedValues = null;

        foreach (var attribute in attributes)
        {
            var type = attribute.AttributeClass;
            if (type is null || attribute.ConstructorArguments.IsEmpty)
            {
                continue;
            }

            var argument = attribute.ConstructorArguments[0];
            if (Is(type, _symbols.Minimum) && SpecNumber.TryParse(argument.Value as string, out var min))
            {
                (minimum, minimumExclusive, any) = (min, IsExclusive(attribute), true);
            }
            else if (Is(type, _symbols.Maximum) && SpecNumber.TryParse(argument.Value as string, out var max))
            {
                (maximum, maximumExclusive, any) = (max, IsExclusive(attribute), true);
            }
            else if (Is(type, _symbols.MultipleOf) && SpecNumber.TryParse(argument.Value as string, out var divisor) && divisor.IsDecimal && divisor.Decimal > 0m)
            {
                (multipleOf, any) = (divisor.Decimal, true);
            }
            else if (Is(type, _symbols.Pattern) && argument.Value is string regex)
            {
                (pattern, any) = (regex, true);
            }
            else if (Is(type, _symbols.MinLength) && argument.Value is int minLengthValue)
            {
                (minLength, any) = (minLengthValue, true);
            }
            else if (Is(type, _symbols.MaxLength) && argument.Value is int maxLengthValue)
            {
                (maxLength, any) = (maxLengthValue, true);
            }
            else if (Is(type, _symbols.MinItems) && argument.Value is int minItemsValue)
            {
                (minItems, any) = (minItemsValue, true);
            }
            else if (Is(type, _symbols.MaxItems) && argument.Value is int maxItemsValue)
            {
                (maxItems, any) = (maxItemsValue, true);
            }
            else if (Is(type, _symbols.AllowedValues) && ReadAllowedValues(argument) is { } values)
            {
                (allowedValues, any) = (values, true);
            }
        }

        if (!any)
        {
            return MemberConstraints.None;
        }

        var memberType = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        // An enum that the member's own (open enum) type carries is checked at the conversion into that type.
        if (allowedValues is not null && memberType is not null && GetOpenEnum(UnwrapNullable(memberType)) is not null)
        {
            allowedValues = null;
        }

        return new MemberConstraints
        {
            Bounds = new NumericBounds(minimum, minimumExclusive, maximum, maximumExclusive),
            MultipleOf = multipleOf,
            Pattern = pattern,
            MinLength = minLength,
            MaxLength = maxLength,
            MinItems = minItems,
            MaxItems = maxItems,
            AllowedValues = allowedValues,
            IsCollection = memberType is not null && IsCollection(memberType),
            IsIntegral = memberType is not null && IsIntegral(memberType),
        };
    }

    private AllowedValueSet? ReadOpenEnum(ITypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Struct or TypeKind.Class))
        {
            return null;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (Is(attribute.AttributeClass, _symbols.AllowedValues) && !attribute.ConstructorArguments.IsEmpty)
            {
                return ReadAllowedValues(attribute.ConstructorArguments[0]);
            }
        }

        return null;
    }

    private ModelConstraints ReadModel(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
        {
            return ModelConstraints.None;
        }

        var isRequestModel = HasAttribute(named, _symbols.RequestModel);
        var required = ImmutableArray.CreateBuilder<IPropertySymbol>();
        var pairs = ImmutableArray.CreateBuilder<RangePair>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Most derived first, so that a property hidden by a derived one is seen once.
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, SetMethod: not null } property || !seen.Add(property.Name))
                {
                    continue;
                }

                if (isRequestModel && !property.IsRequired && HasAttribute(property, _symbols.SpecRequired))
                {
                    required.Add(property);
                }

                if (property.Name.Length > 3 && property.Name.StartsWith("Min", StringComparison.Ordinal) && IsNumeric(property.Type)
                    && FindMaximumCounterpart(named, "Max" + property.Name.Substring(3)) is { } maximum)
                {
                    pairs.Add(new RangePair(property, maximum));
                }
            }
        }

        return required.Count == 0 && pairs.Count == 0 ? ModelConstraints.None : new ModelConstraints(required.ToImmutable(), pairs.ToImmutable());
    }

    private static IPropertySymbol? FindMaximumCounterpart(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property && IsNumeric(property.Type))
                {
                    return property;
                }
            }
        }

        return null;
    }

    private static AllowedValueSet? ReadAllowedValues(TypedConstant argument)
    {
        if (argument.Kind != TypedConstantKind.Array || argument.IsNull)
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<string>(argument.Values.Length);
        foreach (var value in argument.Values)
        {
            if (value.Value is string text)
            {
                builder.Add(text);
            }
        }

        return builder.Count == 0 ? null : new AllowedValueSet(builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable());
    }

    private static bool IsExclusive(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is true;

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    internal static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool IsNumeric(ITypeSymbol type) =>
        IsIntegral(type) || UnwrapNullable(type).SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    private static bool IsIntegral(ITypeSymbol type) => UnwrapNullable(type).SpecialType is
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;

    private static bool IsCollection(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (type is IArrayTypeSymbol || IsEnumerable(type))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (IsEnumerable(@interface))
            {
                return true;
            }
        }

        return false;

        static bool IsEnumerable(ITypeSymbol candidate) =>
            candidate.SpecialType == SpecialType.System_Collections_IEnumerable
            || candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
    }
}
