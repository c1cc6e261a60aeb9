using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractFirst.Specs.Tests.Infrastructure;

/// <summary>
/// One spec file, read three ways: the YAML as JSON (<see cref="Raw"/>), the document as
/// Microsoft.OpenApi understood it and wrote it back as OpenAPI 3.0 JSON (<see cref="Parsed"/>), and
/// the NSwag.Core reading of the same JSON (<see cref="NSwag"/>).
/// </summary>
public sealed class SpecDocument
{
    public const string Miget = "miget.yaml";
    public const string ClickHouse = "clickhouse-cloud.yaml";
    public const string Bridgeport = "bridgeport.yaml";

    public static readonly IReadOnlyList<string> All = new[] { Miget, ClickHouse, Bridgeport };

    private static readonly ConcurrentDictionary<string, Lazy<Task<SpecDocument>>> Cache = new();

    private SpecDocument(string name, string yaml, JsonNode raw, ReadResult read, JsonNode parsed, NSwag.OpenApiDocument nswag)
    {
        Name = name;
        Yaml = yaml;
        Raw = raw;
        Read = read;
        Parsed = parsed;
        NSwag = nswag;
    }

    public string Name { get; }

    public string Yaml { get; }

    /// <summary>The YAML file converted to JSON, as written.</summary>
    public JsonNode Raw { get; }

    /// <summary>Microsoft.OpenApi's reading, with its diagnostics.</summary>
    public ReadResult Read { get; }

    public OpenApiDocument OpenApi => Read.Document ?? throw new InvalidOperationException($"{Name}: no document was read.");

    /// <summary>The Microsoft.OpenApi document serialized back as OpenAPI 3.0 JSON: what the reader understood.</summary>
    public JsonNode Parsed { get; }

    public NSwag.OpenApiDocument NSwag { get; }

    public static string PathOf(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "specs", name);

    public static Task<SpecDocument> LoadAsync(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<Task<SpecDocument>>(() => LoadUncachedAsync(n))).Value;

    public static async Task<SpecDocument> LoadUncachedAsync(string name)
    {
        var yaml = await File.ReadAllTextAsync(PathOf(name));
        var raw = YamlToJson.Convert(yaml) ?? throw new InvalidDataException($"{name} is empty.");
        var read = ReadWithMicrosoftOpenApi(raw, name);

        JsonNode parsed = new JsonObject();
        if (read.Document is { } document)
        {
            var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0);
            parsed = JsonNode.Parse(json) ?? new JsonObject();
        }

        var nswag = await global::NSwag.OpenApiDocument.FromJsonAsync(raw.ToJsonString(), PathOf(name));
        return new SpecDocument(name, yaml, raw, read, parsed, nswag);
    }

    public static ReadResult ReadWithMicrosoftOpenApi(JsonNode raw, string name)
    {
        var settings = new OpenApiReaderSettings();
        return new OpenApiJsonReader().Read(raw.DeepClone(), new Uri(PathOf(name)), settings);
    }

    /// <summary>(METHOD, path, operationId) of every operation, as Microsoft.OpenApi read them.</summary>
    public IReadOnlySet<(string Method, string Path, string? OperationId)> MicrosoftOperations() =>
        (OpenApi.Paths ?? new OpenApiPaths())
        .SelectMany(path => (path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            .Select(op => (op.Key.Method.ToUpperInvariant(), path.Key, op.Value.OperationId)))
        .ToHashSet();

    /// <summary>(METHOD, path, operationId) of every operation, as NSwag read them.</summary>
    public IReadOnlySet<(string Method, string Path, string? OperationId)> NSwagOperations() =>
        NSwag.Operations
            .Select(op => (op.Method.ToUpperInvariant(), op.Path, (string?)op.Operation.OperationId))
            .ToHashSet();

    public IReadOnlySet<string> MicrosoftSchemaNames() =>
        (OpenApi.Components?.Schemas?.Keys ?? Enumerable.Empty<string>()).ToHashSet();

    public IReadOnlySet<string> NSwagSchemaNames() => NSwag.Components.Schemas.Keys.ToHashSet();
}
