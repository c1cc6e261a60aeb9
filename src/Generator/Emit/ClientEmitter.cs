using System.Collections.Generic;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits the typed client of a spec (CONTRACT.md, Client): <c>{ClientName}Options</c>, the partial class
/// <c>{ClientName}</c> with one <c>{Operation}Async</c> method per operation, a <c>{Operation}Result</c> record for each
/// operation whose success responses have different types, and <c>services.Add{ClientName}(…)</c>.
/// The methods only decide what goes where; sending, reading and throwing live in <c>ContractFirst.Http</c>.
/// </summary>
internal static class ClientEmitter
{
    internal const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"ContractFirst\", \"" + GeneratorInfo.Version + "\")]";

    /// <summary>
    /// (hint name without namespace and extension, source) pairs. The names come first and cost nothing; each source is
    /// written when asked for, so that one that fails costs only itself.
    /// </summary>
    public static IEnumerable<(string Name, System.Func<string> Source)> Emit(SpecModel model)
    {
        yield return (model.ClientName + "Options", () => EmitOptions(model));
        yield return (model.ClientName, () => new ClientOperationWriter(model).EmitClient());
        yield return (model.ClientName + "ServiceCollectionExtensions", () => EmitDependencyInjection(model));
    }

    internal static SourceWriter Start(SpecModel model) => SourceWriter.ForFile(model.Namespace);

    private static string EmitOptions(SpecModel model)
    {
        var w = Start(model);
        var lines = new List<string> { $"Settings of <see cref=\"{model.ClientName}\"/>." };
        foreach (var scheme in model.SecuritySchemes)
        {
            var setting = scheme.Kind switch
            {
                SecuritySchemeKind.Bearer => "BearerToken (sent as Authorization: Bearer …)",
                SecuritySchemeKind.OAuth2 or SecuritySchemeKind.OpenIdConnect => "BearerToken (an access token, sent as Authorization: Bearer …)",
                SecuritySchemeKind.Basic => "Username and Password (sent as Authorization: Basic …)",
                SecuritySchemeKind.ApiKey => $"ApiKey (sent in the {scheme.ApiKeyLocation.ToString().ToLowerInvariant()} '{scheme.ApiKeyName}')",
                _ => "not supported by the client; add a handler of your own",
            };
            lines.Add($"Security scheme '{scheme.Key}': {setting}.");
        }

        w.Summary(string.Join("\n", lines));
        w.Line(GeneratedCode);
        w.Open($"public partial class {model.ClientName}Options : global::ContractFirst.Http.ContractFirstClientOptions");
        if (model.DefaultServerUrl is { Length: > 0 } server)
        {
            w.Line("/// <summary>The first server URL of the spec. It is not used unless <c>BaseAddress</c> is set to it.</summary>");
            w.Line($"public const string DefaultServerUrl = {CSharp.StringLiteral(server)};");
        }

        w.Close();
        return w.ToString();
    }

    private static string EmitDependencyInjection(SpecModel model)
    {
        const string Di = "global::Microsoft.Extensions.DependencyInjection.";
        var client = model.ClientName;
        var options = client + "Options";
        var w = Start(model);
        w.Line($"/// <summary>Registers <see cref=\"{client}\"/> with <see cref=\"global::System.Net.Http.IHttpClientFactory\"/>.</summary>");
        w.Line(GeneratedCode);
        w.Open($"public static partial class {client}ServiceCollectionExtensions");
        w.Line("/// <summary>");
        w.Line($"/// Registers <see cref=\"{client}\"/> as a typed client, with <see cref=\"{options}\"/> set by <paramref name=\"configure\"/>,");
        w.Line("/// retries of transient failures of idempotent requests (honouring <c>Retry-After</c>) and a request log without secrets.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"services\">The services.</param>");
        w.Line("/// <param name=\"configure\">Sets the options (base address, credentials, default headers, retries).</param>");
        w.Line("/// <returns>The builder, to add handlers or policies of one's own.</returns>");
        w.Line($"public static {Di}IHttpClientBuilder Add{client}(this {Di}IServiceCollection services, global::System.Action<{options}>? configure = null)");
        w.Indent().Line($"=> global::ContractFirst.DependencyInjection.ContractFirstServiceCollectionExtensions.AddContractFirstClient<{client}, {options}>(services, Create, configure);").Outdent();
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// Registers <see cref=\"{client}\"/> as a typed client, with <see cref=\"{options}\"/> read from <paramref name=\"configuration\"/>");
        w.Line("/// (without the reflection binder: trim and AOT safe) and then set by <paramref name=\"configure\"/>.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"services\">The services.</param>");
        w.Line("/// <param name=\"configuration\">The section to read, e.g. <c>configuration.GetSection(\"" + client + "\")</c>.</param>");
        w.Line("/// <param name=\"configure\">Sets the options after the configuration.</param>");
        w.Line("/// <returns>The builder, to add handlers or policies of one's own.</returns>");
        w.Line($"public static {Di}IHttpClientBuilder Add{client}(this {Di}IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration configuration, global::System.Action<{options}>? configure = null)");
        w.Indent().Line($"=> global::ContractFirst.DependencyInjection.ContractFirstServiceCollectionExtensions.AddContractFirstClient<{client}, {options}>(services, configuration, Create, configure);").Outdent();
        w.Line();
        w.Line($"private static {client} Create(global::System.Net.Http.HttpClient httpClient, global::System.IServiceProvider services)");
        w.Indent().Line($"=> new(httpClient, {Di}ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{options}>>(services).Value);").Outdent();
        w.Close();
        return w.ToString();
    }
}
