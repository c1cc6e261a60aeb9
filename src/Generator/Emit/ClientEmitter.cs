using System.Collections.Generic;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits the typed client of a spec (CONTRACT.md, Client).</summary>
internal static class ClientEmitter
{
    /// <summary>(hint name without namespace and extension, source) pairs.</summary>
    public static IEnumerable<(string Name, string Source)> Emit(SpecModel model)
    {
        yield break;
    }
}
