using System;
using System.Collections.Generic;
using System.Globalization;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// The names of members within a generated type or client (docs/generated-names.md): properties, enum members, union
/// variants, operation methods and their parameters. Each takes its name from the set of names already taken there.
/// </summary>
internal static class MemberNames
{
    /// <summary>
    /// A property of record <paramref name="typeName"/>: PascalCase of the wire name, with a "Value" suffix when it is the
    /// record's own name or one of its members' (<paramref name="taken"/>, which gets it).
    /// </summary>
    public static string Property(string wireName, string typeName, ISet<string> taken)
    {
        var propertyName = Identifiers.Safe(Identifiers.ToPascalCase(wireName, "Property"));
        if (propertyName == typeName || taken.Contains(propertyName))
        {
            propertyName = Identifiers.Unique(propertyName + "Value", taken);
        }

        taken.Add(propertyName);
        return propertyName;
    }

    /// <summary>A property that would hide an inherited one of the same name: renamed with the "Value" suffix.</summary>
    public static string Renamed(string name, ISet<string> taken) => Identifiers.Unique(name + "Value", taken);

    /// <summary>The members every open enum has, which its values' names must not take.</summary>
    public static HashSet<string> EnumReserved(string enumName)
        => new(StringComparer.Ordinal) { enumName, "Value", "IsKnown", "KnownValues", "FromWire", "ToString", "Equals", "GetHashCode", "GetType" };

    /// <summary>The member of an open enum for wire value <paramref name="wire"/>.</summary>
    public static string EnumMember(string wire, ISet<string> taken)
        => Identifiers.Unique(Identifiers.Safe(Identifiers.ToPascalCase(wire, "Empty")), taken);

    /// <summary>The property of a union record that holds a branch of type <paramref name="type"/>.</summary>
    public static string Variant(TypeRef type, ISet<string> taken) => Identifiers.Unique(VariantName(type), taken);

    /// <summary>The name of a branch read as an inline type: "Variant1", "Variant2"...</summary>
    public static string InlineVariant(int index) => "Variant" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => type.Name,
        TypeKind.Array => VariantName(type.Item!) + "List",
        TypeKind.Map => VariantName(type.Item!) + "Map",
        TypeKind.Any => "Json",
        _ => Identifiers.ToPascalCase(type.Primitive.ToString()),
    };

    /// <summary>
    /// The client method of an operation: PascalCase of its operationId, or of its method and path when it has none
    /// ("GET /services/{id}" is "GetServicesById"), with the "Async" suffix, unique among the client's methods.
    /// </summary>
    public static string Method(string? operationId, string method, string path, ISet<string> taken)
    {
        var baseName = operationId is { Length: > 0 } id
            ? Identifiers.ToPascalCase(id, "Operation")
            : NameFromPath(method, path);
        return Identifiers.Unique(baseName + "Async", taken);
    }

    /// <summary>The method name without "Async": the prefix of the types generated for an operation's inline schemas.</summary>
    public static string TypePrefix(string methodName) => methodName.Substring(0, methodName.Length - "Async".Length);

    private static string NameFromPath(string method, string path)
    {
        var name = Identifiers.ToPascalCase(method.ToLowerInvariant());
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0) continue;
            if (segment.StartsWith("{", StringComparison.Ordinal))
            {
                name += "By" + Identifiers.ToPascalCase(segment.Trim('{', '}'));
            }
            else
            {
                name += Identifiers.ToPascalCase(segment, "");
            }
        }

        return name;
    }

    /// <summary>The names a client method's own parameters take, which the spec's parameters must not.</summary>
    public static HashSet<string> ParameterReserved() => new(StringComparer.Ordinal) { "body", "cancellationToken" };

    /// <summary>A client method's parameter: camelCase of the spec's name, unique in the method.</summary>
    public static string Parameter(string name, ISet<string> taken) => Identifiers.Unique(Identifiers.ToCamelCase(name, "parameter"), taken);
}
