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

        LevelBuilder[]? levels = null;
        foreach (var attribute in attributes)
        {
            var type = attribute.AttributeClass;
            if (type is null || attribute.ConstructorArguments.IsEmpty || ItemDepth(attribute) is not { } depth)
            {
                continue;
            }

            if (levels is null)
            {
                levels = new LevelBuilder[MaxItemDepth + 1];
            }

            var level = levels[depth] ??= new LevelBuilder();
            var argument = attribute.ConstructorArguments[0];
            if (Is(type, _symbols.Minimum) && SpecNumber.TryParse(argument.Value as string, out var min))
            {
                (level.Minimum, level.MinimumExclusive, level.Any) = (min, IsExclusive(attribute), true);
            }
            else if (Is(type, _symbols.Maximum) && SpecNumber.TryParse(argument.Value as string, out var max))
            {
                (level.Maximum, level.MaximumExclusive, level.Any) = (max, IsExclusive(attribute), true);
            }
            else if (Is(type, _symbols.MultipleOf) && SpecNumber.TryParse(argument.Value as string, out var divisor) && divisor.IsDecimal && divisor.Decimal > 0m)
            {
                (level.MultipleOf, level.Any) = (divisor.Decimal, true);
            }
            else if (Is(type, _symbols.Pattern) && argument.Value is string regex)
            {
                (level.Pattern, level.Any) = (regex, true);
            }
            else if (Is(type, _symbols.MinLength) && argument.Value is int minLengthValue)
            {
                (level.MinLength, level.Any) = (minLengthValue, true);
            }
            else if (Is(type, _symbols.MaxLength) && argument.Value is int maxLengthValue)
            {
                (level.MaxLength, level.Any) = (maxLengthValue, true);
            }
            else if (Is(type, _symbols.MinItems) && argument.Value is int minItemsValue)
            {
                (level.MinItems, level.Any) = (minItemsValue, true);
            }
            else if (Is(type, _symbols.MaxItems) && argument.Value is int maxItemsValue)
            {
                (level.MaxItems, level.Any) = (maxItemsValue, true);
            }
            else if (Is(type, _symbols.AllowedValues) && ReadStrings(argument) is { } wireValues)
            {
                (level.WireValues, level.Any) = (AllowedValueSet.FromWireValues(wireValues), true);
            }
            else if (Is(type, _symbols.AllowedJsonValues) && ReadStrings(argument) is { } jsonValues && AllowedValueSet.FromJson(jsonValues) is { } json)
            {
                (level.JsonValues, level.Any) = (json, true);
            }
            else if (Is(type, _symbols.Const) && JsonLiteral.TryParse(argument.Value as string, out var constant))
            {
                (level.Const, level.Any) = (constant, true);
            }
        }

        if (levels is null)
        {
            return MemberConstraints.None;
        }

        // The type at each depth: the member's, then its items' (the element of an array or IEnumerable<T>, a map's value).
        var types = new ITypeSymbol?[levels.Length];
        types[0] = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        for (var depth = 1; depth < types.Length; depth++)
        {
            types[depth] = types[depth - 1] is { } outer ? ItemType(outer) : null;
        }

        MemberConstraints? result = null;
        for (var depth = levels.Length - 1; depth >= 0; depth--)
        {
            if (levels[depth] is not { Any: true } && result is null)
            {
                continue;
            }

            result = (levels[depth] ?? new LevelBuilder()).Build(this, types[depth], result);
        }

        return result ?? MemberConstraints.None;
    }

    /// <summary>The deepest item level read; deeper attributes (no spec nests collections that far) are ignored.</summary>
    private const int MaxItemDepth = 8;

    private static int? ItemDepth(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "ItemDepth")
            {
                return named.Value.Value is int depth && depth >= 0 && depth <= MaxItemDepth ? depth : null;
            }
        }

        return 0;
    }

    /// <summary>What the attributes say about one depth, before it is frozen into <see cref="MemberConstraints"/>.</summary>
    private sealed class LevelBuilder
    {
        public bool Any;
        public SpecNumber? Minimum;
        public SpecNumber? Maximum;
        public bool MinimumExclusive;
        public bool MaximumExclusive;
        public decimal? MultipleOf;
        public string? Pattern;
        public int? MinLength;
        public int? MaxLength;
        public int? MinItems;
        public int? MaxItems;
        public AllowedValueSet? WireValues;
        public AllowedValueSet? JsonValues;
        public JsonLiteral? Const;

        public MemberConstraints Build(ConstraintCache cache, ITypeSymbol? type, MemberConstraints? items)
        {
            // JSON values say exactly what the wire values say, and more (their JSON types).
            var allowedValues = JsonValues ?? WireValues;

            // An enum that the value's own (open enum) type carries is checked at the conversion into that type.
            if (allowedValues is not null && type is not null && cache.GetOpenEnum(UnwrapNullable(type)) is not null)
            {
                allowedValues = null;
            }

            return new MemberConstraints
            {
                Bounds = new NumericBounds(Minimum, MinimumExclusive, Maximum, MaximumExclusive),
                MultipleOf = MultipleOf,
                Pattern = Pattern,
                MinLength = MinLength,
                MaxLength = MaxLength,
                MinItems = MinItems,
                MaxItems = MaxItems,
                AllowedValues = allowedValues,
                Const = Const,
                Items = items,
                IsIntegral = type is not null && IsIntegral(type),
            };
        }
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
                return ReadStrings(attribute.ConstructorArguments[0]) is { } values ? AllowedValueSet.FromWireValues(values) : null;
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

    private static ImmutableArray<string>? ReadStrings(TypedConstant argument)
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

        return builder.Count == 0 ? null : builder.ToImmutable();
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

    /// <summary>
    /// The type of the items of a collection type: an array's element, <c>T</c> of <c>IEnumerable&lt;T&gt;</c>, or
    /// <c>V</c> when that is <c>KeyValuePair&lt;K, V&gt;</c> (a map's values); null for string and non-collections.
    /// </summary>
    private static ITypeSymbol? ItemType(ITypeSymbol type)
    {
        type = UnwrapNullable(type);
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        var enumerable = IsGenericEnumerable(type) ? type : null;
        foreach (var @interface in type.AllInterfaces)
        {
            if (enumerable is null && IsGenericEnumerable(@interface))
            {
                enumerable = @interface;
            }
        }

        if (enumerable is not INamedTypeSymbol { TypeArguments.Length: 1 } named)
        {
            return null;
        }

        var item = named.TypeArguments[0];
        return item is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2, ContainingNamespace.Name: "Generic" } pair
            ? pair.TypeArguments[1]
            : item;

        static bool IsGenericEnumerable(ITypeSymbol candidate) =>
            candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
    }
}
