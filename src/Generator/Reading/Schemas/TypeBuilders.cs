using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

// Mutable builders of the generated types, frozen into the equatable model at the end.

internal abstract class TypeBuilder(string name, string pointer, string? summary, bool deprecated)
{
    public string Name { get; } = name;
    public string Pointer { get; } = pointer;
    public string? Summary { get; } = summary;
    public bool Deprecated { get; } = deprecated;

    public abstract TypeModel Freeze(ISet<string> requestTypes);
}

internal sealed class ObjectBuilder(string name, string pointer, string? summary, bool deprecated) : TypeBuilder(name, pointer, summary, deprecated)
{
    public List<PropertyBuilder> Properties { get; } = new();
    // The same properties by wire name: a schema with 100,000 properties is read in linear time, not quadratic.
    public Dictionary<string, PropertyBuilder> PropertiesByWireName { get; } = new(StringComparer.Ordinal);
    public HashSet<string> RequiredWireNames { get; } = new(StringComparer.Ordinal);
    public HashSet<string> InheritedWireNames { get; } = new(StringComparer.Ordinal);
    // Members every record has: a property with one of these names gets the "Value" suffix.
    public HashSet<string> ReservedMemberNames { get; } = new(StringComparer.Ordinal)
    {
        "ToString", "Equals", "GetHashCode", "GetType", "EqualityContract", "PrintMembers", "Deconstruct",
        "MemberwiseClone", "Finalize", "Validate", "AdditionalProperties", "NonObjectValue",
    };
    public string? BaseType { get; set; }
    public bool IsAbstract { get; set; }
    public TypeRef? AdditionalProperties { get; set; }
    public bool AllowsUnknownProperties { get; set; } = true;
    public bool AcceptsAnyJson { get; set; }
    public string? DiscriminatorProperty { get; set; }
    public List<(string Value, string TypeName)> DiscriminatorMappings { get; } = new();

    public void Add(PropertyBuilder property)
    {
        Properties.Add(property);
        PropertiesByWireName[property.WireName] = property;
    }

    public IEnumerable<string> AllPropertyWireNames(BuiltTypes types) => Chain(types).SelectMany(o => o.Properties).Select(p => p.WireName);

    public IEnumerable<string> AllPropertyNames(BuiltTypes types) => Chain(types).SelectMany(o => o.Properties).Select(p => p.Name);

    /// <summary>This type, then its base, and so on (a loop is followed once).</summary>
    private IEnumerable<ObjectBuilder> Chain(BuiltTypes types)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (ObjectBuilder? current = this; current is not null && seen.Add(current.Name);
             current = current.BaseType is { } b && types.TryGet(b, out var t) ? t as ObjectBuilder : null)
        {
            yield return current;
        }
    }

    public override TypeModel Freeze(ISet<string> requestTypes)
    {
        var properties = Properties
            .Select(p => p.Freeze(RequiredWireNames.Contains(p.WireName)))
            .ToImmutableEquatableArray();
        var discriminator = DiscriminatorProperty is null
            ? null
            : new DiscriminatorModel(DiscriminatorProperty, DiscriminatorMappings.Distinct().Select(m => new DiscriminatorMapping(m.Value, m.TypeName)).ToImmutableEquatableArray());
        return new ObjectModel(Name, Pointer, Summary, Deprecated, BaseType, IsAbstract, requestTypes.Contains(Name), properties, AdditionalProperties, AllowsUnknownProperties, discriminator, null)
        {
            AcceptsAnyJson = AcceptsAnyJson && BaseType is null && !IsAbstract && DiscriminatorProperty is null,
        };
    }
}

internal sealed class PropertyBuilder(string name, string wireName, TypeRef type, bool required, bool nullable, bool readOnly, bool writeOnly, bool deprecated, string? summary, string? defaultLiteral, Model.Constraints constraints)
{
    public string Name { get; set; } = name;
    public string WireName { get; } = wireName;

    /// <summary>Where the property's schema is, for diagnostics.</summary>
    public string Pointer { get; init; } = "";

    /// <summary>The JSON kind of its schema (<see cref="SchemaFacts.CategoryOf"/>), to tell conflicting allOf parts.</summary>
    public string Category { get; init; } = "any";

    public PropertyModel Freeze(bool required2)
        => new(Name, WireName, type, required || required2, nullable, readOnly, writeOnly, deprecated, summary, defaultLiteral, constraints);
}

internal sealed class EnumBuilder(string name, string pointer, string? summary, bool deprecated, bool isInteger) : TypeBuilder(name, pointer, summary, deprecated)
{
    public bool IsInteger { get; } = isInteger;

    public List<EnumMemberModel> Members { get; } = new();

    public override TypeModel Freeze(ISet<string> requestTypes)
        => new EnumModel(Name, Pointer, Summary, Deprecated, IsInteger, Members.ToImmutableEquatableArray());
}

internal sealed class UnionBuilder(string name, string pointer, string? summary, bool deprecated, bool isOneOf) : TypeBuilder(name, pointer, summary, deprecated)
{
    public List<UnionVariantModel> Variants { get; } = new();
    public string? DiscriminatorProperty { get; set; }
    public List<(string Value, string TypeName)> DiscriminatorMappings { get; } = new();

    public override TypeModel Freeze(ISet<string> requestTypes)
    {
        var discriminator = DiscriminatorProperty is null
            ? null
            : new DiscriminatorModel(DiscriminatorProperty, DiscriminatorMappings.Distinct().Select(m => new DiscriminatorMapping(m.Value, m.TypeName)).ToImmutableEquatableArray());
        return new UnionModel(Name, Pointer, Summary, Deprecated, isOneOf, Variants.ToImmutableEquatableArray(), discriminator);
    }
}

/// <summary>
/// The types built so far, in the order they were added (the order of the model) and by name; and what follows from
/// their bases: ancestors, derivation.
/// </summary>
internal sealed class BuiltTypes
{
    private readonly List<TypeBuilder> _types = new();
    private readonly Dictionary<string, TypeBuilder> _byName = new(StringComparer.Ordinal);

    public IReadOnlyList<TypeBuilder> All => _types;

    public void Add(TypeBuilder type)
    {
        _types.Add(type);
        _byName[type.Name] = type;
    }

    public bool Contains(string name) => _byName.ContainsKey(name);

    public bool TryGet(string name, [NotNullWhen(true)] out TypeBuilder? type) => _byName.TryGetValue(name, out type);

    /// <summary>The bases of <paramref name="obj"/>, the root first.</summary>
    public List<ObjectBuilder> Ancestors(ObjectBuilder obj)
    {
        var list = new List<ObjectBuilder>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { obj.Name };
        for (var b = obj.BaseType; b is not null && seen.Add(b) && _byName.TryGetValue(b, out var t) && t is ObjectBuilder o; b = o.BaseType)
        {
            list.Insert(0, o);
        }

        return list;
    }

    /// <summary>True when <paramref name="name"/> is <paramref name="ancestor"/> or derives from it.</summary>
    public bool DerivesFrom(string name, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = name; current is not null && seen.Add(current); current = _byName.TryGetValue(current, out var t) && t is ObjectBuilder o ? o.BaseType : null)
        {
            if (current == ancestor) return true;
        }

        return false;
    }

    /// <summary>The property with wire name <paramref name="wireName"/> that <paramref name="obj"/> inherits, the root's first.</summary>
    public PropertyBuilder? InheritedProperty(ObjectBuilder obj, string wireName)
        => Ancestors(obj).SelectMany(a => a.Properties).FirstOrDefault(p => p.WireName == wireName);

    /// <summary>The equatable model of every type.</summary>
    public ImmutableEquatableArray<TypeModel> Freeze(ISet<string> requestTypes)
        => _types.Select(t => t.Freeze(requestTypes)).ToImmutableEquatableArray();
}
