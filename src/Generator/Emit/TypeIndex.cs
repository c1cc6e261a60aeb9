using System.Collections.Generic;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// The spec's generated types by name, for the emitters: lookups, and the inheritance chain of an object (its own
/// properties after those of its bases). Built from the model only; a cycle in base types ends the chain.
/// </summary>
internal sealed class TypeIndex
{
    private readonly Dictionary<string, TypeModel> _types = new(System.StringComparer.Ordinal);

    public TypeIndex(SpecModel spec)
    {
        foreach (var type in spec.Types)
        {
            if (!_types.ContainsKey(type.Name)) _types.Add(type.Name, type);
        }
    }

    public bool Contains(string name) => _types.ContainsKey(name);

    public TypeModel? Find(string name) => _types.TryGetValue(name, out var type) ? type : null;

    /// <summary>The object type named <paramref name="name"/>, if it is one.</summary>
    public ObjectModel? Object(string name) => Find(name) as ObjectModel;

    /// <summary>The object type that <paramref name="type"/> refers to, if it is one.</summary>
    public ObjectModel? Object(TypeRef type) => type.Kind == TypeKind.Model ? Object(type.Name) : null;

    /// <summary>The object and its bases, the root first.</summary>
    public List<ObjectModel> Chain(ObjectModel obj)
    {
        var chain = new List<ObjectModel>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (ObjectModel? current = obj; current is not null && seen.Add(current.Name); current = current.BaseType is { } b ? Object(b) : null)
        {
            chain.Insert(0, current);
        }

        return chain;
    }

    /// <summary>Every property of the object, its bases' first.</summary>
    public List<PropertyModel> AllProperties(ObjectModel obj) => Chain(obj).SelectMany(o => o.Properties).ToList();
}
