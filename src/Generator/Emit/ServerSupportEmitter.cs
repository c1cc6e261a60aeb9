namespace ContractFirst.Generator.Emit;

/// <summary>
/// Where the ASP.NET Core glue that every generated server shares lives: the compiled library
/// <c>ContractFirst.AspNetCore</c> (package of the same name), which the server code calls. Nothing of it is emitted as
/// source. The generator emits a server only when the compilation references that library (else CF0008).
/// </summary>
internal static class ServerSupportEmitter
{
    /// <summary>The library's namespace, qualified, with a trailing dot.</summary>
    public const string Namespace = "global::ContractFirst.AspNetCore.";

    /// <summary>A type of the library, looked up in the compilation to decide whether servers can be generated.</summary>
    public const string MarkerType = "ContractFirst.AspNetCore.ServerRequest";
}
