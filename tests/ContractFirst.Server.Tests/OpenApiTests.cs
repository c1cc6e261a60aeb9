using System.Text.Json;
using Bridgeport;
using ClickHouse.Cloud;
using ContractFirst.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Miget;
using YamlDotNet.RepresentationModel;

namespace ContractFirst.Server.Tests;

/// <summary>
/// The generated endpoints follow ASP.NET Core's conventions: <c>app.MapOpenApi()</c> (Microsoft.AspNetCore.OpenApi)
/// describes them with the same paths, operations (with their operationId), parameters and status codes as the spec
/// they were generated from. The parameters come from the interface methods ([FromRoute], [FromQuery], [FromHeader]);
/// the responses from each result type's IEndpointMetadataProvider.
/// </summary>
public sealed class OpenApiTests
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static TheoryData<string> Specs => new() { "miget.yaml", "clickhouse-cloud.yaml", "bridgeport.yaml" };

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task MapOpenApi_describes_the_spec(string file)
    {
        var expected = FromSpec(file);
        var actual = await FromMapOpenApi(file);

        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (key, operation) in expected)
        {
            var described = actual[key];
            Assert.True(operation.OperationId == described.OperationId, $"{key}: operationId {operation.OperationId} vs {described.OperationId}");
            Assert.True(operation.Parameters.SetEquals(described.Parameters), $"{key}: parameters [{string.Join(", ", operation.Parameters.Order())}] vs [{string.Join(", ", described.Parameters.Order())}]");
            Assert.True(operation.Statuses.SetEquals(described.Statuses), $"{key}: statuses [{string.Join(", ", operation.Statuses.Order())}] vs [{string.Join(", ", described.Statuses.Order())}]");
            Assert.True(operation.HasBody == described.HasBody, $"{key}: request body {operation.HasBody} vs {described.HasBody}");
        }
    }

    private sealed record Operation(string OperationId, HashSet<string> Parameters, HashSet<string> Statuses, bool HasBody);

    /// <summary>"METHOD path" → operation, from the YAML source.</summary>
    private static Dictionary<string, Operation> FromSpec(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoSpecs(), file))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var result = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var (pathKey, pathNode) in (YamlMappingNode)root["paths"])
        {
            var item = (YamlMappingNode)pathNode;
            var shared = item.Children.TryGetValue(new YamlScalarNode("parameters"), out var common) ? Parameters(root, common) : new HashSet<string>();
            foreach (var (methodKey, operationNode) in item)
            {
                var method = ((YamlScalarNode)methodKey).Value!;
                if (!Methods.Contains(method)) continue;
                var operation = (YamlMappingNode)operationNode;
                var parameters = new HashSet<string>(shared, StringComparer.Ordinal);
                if (operation.Children.TryGetValue(new YamlScalarNode("parameters"), out var own)) parameters.UnionWith(Parameters(root, own));
                var statuses = ((YamlMappingNode)operation["responses"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet(StringComparer.Ordinal);
                var id = operation.Children.TryGetValue(new YamlScalarNode("operationId"), out var opId) ? ((YamlScalarNode)opId).Value! : "";
                result[method.ToUpperInvariant() + " " + ((YamlScalarNode)pathKey).Value] = new Operation(id, parameters, statuses, operation.Children.ContainsKey(new YamlScalarNode("requestBody")));
            }
        }

        return result;
    }

    private static HashSet<string> Parameters(YamlMappingNode root, YamlNode list)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in (YamlSequenceNode)list)
        {
            var parameter = (YamlMappingNode)node;
            if (parameter.Children.TryGetValue(new YamlScalarNode("$ref"), out var reference))
            {
                var target = (YamlNode)root;
                foreach (var part in ((YamlScalarNode)reference).Value!.TrimStart('#', '/').Split('/')) target = ((YamlMappingNode)target)[part];
                parameter = (YamlMappingNode)target;
            }

            set.Add(Key(((YamlScalarNode)parameter["in"]).Value!, ((YamlScalarNode)parameter["name"]).Value!));
        }

        return set;
    }

    // Header names are case-insensitive.
    private static string Key(string location, string name) => location + ":" + (location == "header" ? name.ToLowerInvariant() : name);

    /// <summary>"METHOD path" → operation, from the document that MapOpenApi serves for an application that maps only this spec.</summary>
    private static async Task<Dictionary<string, Operation>> FromMapOpenApi(string file)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(new Calls());
        builder.Services.AddOpenApi();
        builder.Services.AddAuthentication();
        switch (file)
        {
            case "miget.yaml": builder.Services.AddMigetServer<MigetFake>(); break;
            case "clickhouse-cloud.yaml": builder.Services.AddClickHouseCloudServer<ClickHouseFake>(); break;
            default: builder.Services.AddBridgeportServer<BridgeportFake>(); break;
        }

        await using var app = builder.Build();
        app.MapOpenApi();
        switch (file)
        {
            case "miget.yaml": app.MapMiget(); break;
            case "clickhouse-cloud.yaml": app.MapClickHouseCloud(); break;
            default: app.MapBridgeport(); break;
        }

        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var text = await http.GetStringAsync("/openapi/v1.json");
            using var document = JsonDocument.Parse(text);
            var result = new Dictionary<string, Operation>(StringComparer.Ordinal);
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    if (!Methods.Contains(operation.Name)) continue;
                    var parameters = new HashSet<string>(StringComparer.Ordinal);
                    if (operation.Value.TryGetProperty("parameters", out var list))
                    {
                        foreach (var parameter in list.EnumerateArray()) parameters.Add(Key(parameter.GetProperty("in").GetString()!, parameter.GetProperty("name").GetString()!));
                    }

                    var statuses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
                    var id = operation.Value.TryGetProperty("operationId", out var opId) ? opId.GetString()! : "";
                    result[operation.Name.ToUpperInvariant() + " " + path.Name] = new Operation(id, parameters, statuses, operation.Value.TryGetProperty("requestBody", out _));
                }
            }

            return result;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static string RepoSpecs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "specs", "clickhouse-cloud.yaml");
            if (File.Exists(candidate)) return Path.GetDirectoryName(candidate)!;
        }

        throw new InvalidOperationException("specs/ not found above " + AppContext.BaseDirectory);
    }
}
