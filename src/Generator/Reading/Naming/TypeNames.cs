using System;
using System.Collections.Generic;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// The names of generated types: unique ignoring case (hint names, so file names, are compared that way;
/// docs/generated-names.md), never one of the names the client and server emitters use for their own types.
/// </summary>
internal sealed class TypeNames
{
    // Type names are unique ignoring case: hint names (file names) are compared that way (docs/generated-names.md).
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="clientName">The client's class name; the emitters' own type names are derived from it.</param>
    public TypeNames(string clientName)
    {
        var api = clientName.Replace("Client", "");
        foreach (var reserved in new[] { clientName, clientName + "Options", clientName + "Json", clientName + "Schemas", clientName + "ServiceCollectionExtensions", "I" + api + "Server", api + "ServerOptions", api + "ServerExtensions" })
        {
            _taken.Add(reserved);
        }
    }

    /// <summary>Takes the type name for <paramref name="specName"/> (a component key, or owner and member of an inline schema).</summary>
    public string Reserve(string specName)
        => Identifiers.Unique(Identifiers.Safe(Identifiers.ToPascalCase(specName, "Schema")), _taken);
}
