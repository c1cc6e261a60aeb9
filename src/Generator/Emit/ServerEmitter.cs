using System.Collections.Generic;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits ASP.NET Core server stubs of a spec (CONTRACT.md, Server).</summary>
internal static class ServerEmitter
{
    /// <summary>(hint name without namespace and extension, source) pairs.</summary>
    public static IEnumerable<(string Name, string Source)> Emit(SpecModel model)
    {
        yield break;
    }
}
