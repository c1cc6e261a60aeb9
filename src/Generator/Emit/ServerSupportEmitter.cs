using System.IO;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// The ASP.NET Core glue that every generated server shares. The runtime library does not reference ASP.NET Core (so
/// that console clients do not pull in the shared framework), so this is emitted into the user's compilation instead:
/// once per compilation, under a fixed hint name, as internal types in <c>ContractFirst.Generated.Server</c>, and only
/// when at least one spec asks for <c>Server</c>. It contains no spec text, so nothing here depends on a spec.
/// </summary>
/// <remarks>
/// The code itself is C# source in <c>Emit/Templates/</c>, embedded in this assembly (not compiled into it, since the
/// generator does not reference ASP.NET Core): <c>ServerRuntime.cs</c> (request ids, parameter parsing, bounded body
/// reading, response and error writing, the authorization hooks) and <c>ServerBinding.cs</c> (typed binding of form and
/// multipart bodies, object and map query parameters, label and matrix paths). Every test that compiles a generated
/// server compiles them.
/// </remarks>
internal static class ServerSupportEmitter
{
    public const string HintName = "ContractFirst.Generated.Server.g.cs";

    public const string Namespace = "global::ContractFirst.Generated.Server.";

    private static string? _text;

    /// <summary>The whole file: the generated-file header, then the two templates, one namespace block each.</summary>
    public static string Emit() => _text ??= SourceWriter.Header + "\n" + Template("ServerRuntime.cs") + "\n\n" + Template("ServerBinding.cs");

    private static string Template(string name)
    {
        var resource = "ContractFirst.Generator.Templates." + name;
        using var stream = typeof(ServerSupportEmitter).Assembly.GetManifestResourceStream(resource)
            ?? throw new System.InvalidOperationException($"The generator assembly lacks its embedded template {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n").Trim('\n');
    }
}
