using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ClickHouse.Cloud;
using ContractFirst.Validation;
using Net = global::Json.Schema;
using NetSchema = global::Json.Schema.JsonSchema;

namespace ContractFirst.Benchmarks;

/// <summary>
/// The generated validator (<c>ClickHouseCloudClientSchemas.X</c>, evaluated by ContractFirst's runtime) against
/// JsonSchema.Net 8.0.5 evaluating the same JSON Schema, on the same already-parsed <see cref="JsonElement"/>s: valid
/// and invalid ClickHouse request bodies, plus one larger response envelope.
/// <list type="bullet">
/// <item>Category <c>IsValid</c>: the yes/no answer. Generated <see cref="ContractFirst.Validation.JsonSchema.IsValid"/>
/// against JsonSchema.Net with <c>OutputFormat.Flag</c>.</item>
/// <item>Category <c>Errors</c>: every error collected. Generated <c>Validate</c> into a new
/// <see cref="ValidationContext"/> (field path, JSON Pointer, message per error) against JsonSchema.Net with
/// <c>OutputFormat.List</c> (every failing node with its instance location and messages), with and without annotation
/// collection.</item>
/// </list>
/// JsonSchema.Net gets its schema from the spec itself (<see cref="SpecSchemas"/>): the spec's component schemas as
/// <c>$defs</c> of one draft 2020-12 document per root, format assertion on. The setup checks, outside the timed region,
/// that both validators give the same answer for every payload, in both output modes.
/// <code>dotnet run -c Release --project benchmarks/ContractFirst.Benchmarks -- --filter '*SchemaValidation*'</code>
/// </summary>
[Config(typeof(ShortConfig))]
public class SchemaValidationBenchmarks
{
    /// <summary>A payload: the root schema it is checked against, its JSON, and whether the spec allows it.</summary>
    public sealed record Case(string Name, string Root, string Json, bool Valid);

    /// <summary>Every payload of the comparison (Post: ServicePostRequest; Scaling: ServiceScalingPatchRequest; Response: the 755-byte ServiceResponse envelope).</summary>
    public static IReadOnlyList<Case> Cases { get; } =
    [
        new("Post-valid", "ServicePostRequest", Encoding.UTF8.GetString(Payloads.ServicePostRequest), true),
        new("Post-invalid", "ServicePostRequest", """
            {"name":"analytics-prod","provider":"amazon","tier":"produciton",
             "ipAccessList":[{"source":"203.0.113.0/24","description":"office"},{"description":"no source"},{"source":42}],
             "minTotalMemoryGb":50,"maxTotalMemoryGb":732,"idleScaling":"yes","idleTimeoutMinutes":2,
             "backupId":"not-a-uuid"}
            """, false),
        new("Scaling-valid", "ServiceScalingPatchRequest", """
            {"minTotalMemoryGb":24,"maxTotalMemoryGb":360,"idleScaling":true,"idleTimeoutMinutes":15}
            """, true),
        new("Scaling-invalid", "ServiceScalingPatchRequest", """
            {"minTotalMemoryGb":30,"maxTotalMemoryGb":732,"idleScaling":true,"idleTimeoutMinutes":1}
            """, false),
        new("Response-valid", "ServiceResponse", Encoding.UTF8.GetString(Payloads.ServiceResponse), true),
    ];

    private static readonly Net.EvaluationOptions Flag = new()
    {
        OutputFormat = Net.OutputFormat.Flag,
        RequireFormatValidation = true,
    };

    private static readonly Net.EvaluationOptions List = new()
    {
        OutputFormat = Net.OutputFormat.List,
        RequireFormatValidation = true,
    };

    private static readonly Net.EvaluationOptions ListWithoutAnnotations = WithoutAnnotations();

    private JsonDocument _document = null!;
    private JsonElement _instance;
    private ContractFirst.Validation.JsonSchema _generated = null!;
    private NetSchema _net = null!;

    /// <summary>The names of <see cref="Cases"/> (a string parameter, so that the summary shows it in full).</summary>
    public static IEnumerable<string> PayloadNames => Cases.Select(c => c.Name);

    [ParamsSource(nameof(PayloadNames))]
    public string Payload { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        var payload = Cases.Single(c => c.Name == Payload);
        _document = JsonDocument.Parse(payload.Json);
        _instance = _document.RootElement;
        _generated = Generated(payload.Root);
        _net = SpecSchemas.ClickHouse(payload.Root);
        Check(payload, _generated, _net, _instance, print: true);
    }

    [GlobalCleanup]
    public void Cleanup() => _document.Dispose();

    [Benchmark(Baseline = true, Description = "JsonSchema.Net (Flag)")]
    [BenchmarkCategory("IsValid")]
    public bool IsValid_JsonSchemaNet() => _net.Evaluate(_instance, Flag).IsValid;

    [Benchmark(Description = "generated (IsValid)")]
    [BenchmarkCategory("IsValid")]
    public bool IsValid_Generated() => _generated.IsValid(_instance);

    [Benchmark(Baseline = true, Description = "JsonSchema.Net (List)")]
    [BenchmarkCategory("Errors")]
    public Net.EvaluationResults Errors_JsonSchemaNet() => _net.Evaluate(_instance, List);

    [Benchmark(Description = "JsonSchema.Net (List, no annotations)")]
    [BenchmarkCategory("Errors")]
    public Net.EvaluationResults Errors_JsonSchemaNet_NoAnnotations() => _net.Evaluate(_instance, ListWithoutAnnotations);

    [Benchmark(Description = "generated (Validate)")]
    [BenchmarkCategory("Errors")]
    public ValidationContext Errors_Generated()
    {
        var context = new ValidationContext();
        _generated.Validate(_instance, context, "body");
        return context;
    }

    /// <summary>The generated schema of a root, by name (the same static properties the server and the client use).</summary>
    public static ContractFirst.Validation.JsonSchema Generated(string root) => root switch
    {
        "ServicePostRequest" => ClickHouseCloudClientSchemas.ServicePostRequest,
        "ServiceScalingPatchRequest" => ClickHouseCloudClientSchemas.ServiceScalingPatchRequest,
        "ServiceResponse" => ClickHouseCloudClientSchemas.ServiceResponse,
        _ => throw new ArgumentOutOfRangeException(nameof(root), root, "no generated schema of that name"),
    };

    /// <summary>
    /// Both validators must agree with each other and with the payload's expected answer, in both output modes, or the
    /// comparison is void. Prints the errors each one reports.
    /// </summary>
    public static void Check(Case payload, ContractFirst.Validation.JsonSchema generated, NetSchema net, JsonElement instance, bool print)
    {
        var context = new ValidationContext();
        var answers = new[]
        {
            ("generated IsValid", generated.IsValid(instance)),
            ("generated Validate", generated.Validate(instance, context, "body")),
            ("JsonSchema.Net Flag", net.Evaluate(instance, Flag).IsValid),
            ("JsonSchema.Net List", net.Evaluate(instance, List).IsValid),
            ("JsonSchema.Net List without annotations", net.Evaluate(instance, ListWithoutAnnotations).IsValid),
        };
        foreach (var (who, valid) in answers)
        {
            if (valid != payload.Valid)
            {
                throw new InvalidOperationException($"{payload.Name}: {who} says {(valid ? "valid" : "invalid")}, expected {(payload.Valid ? "valid" : "invalid")}");
            }
        }

        if (payload.Valid == context.HasErrors) throw new InvalidOperationException($"{payload.Name}: generated Validate reported {context.Errors.Count} errors");
        if (!print) return;
        var netErrors = NetErrors(net.Evaluate(instance, List)).ToList();
        Console.WriteLine($"// {payload.Name}: both say {(payload.Valid ? "valid" : "invalid")}; generated {context.Errors.Count} errors, JsonSchema.Net {netErrors.Count} error messages");
        foreach (var error in context.Errors) Console.WriteLine($"//   generated:      {error.Pointer} {error.Keyword}: {error.Message}");
        foreach (var error in netErrors) Console.WriteLine($"//   JsonSchema.Net: {error}");
    }

    private static IEnumerable<string> NetErrors(Net.EvaluationResults results)
    {
        if (results.Errors is { } errors)
        {
            foreach (var (keyword, message) in errors) yield return $"{results.InstanceLocation} {keyword}: {message}";
        }

        if (results.Details is { } details)
        {
            foreach (var detail in details)
            {
                foreach (var line in NetErrors(detail)) yield return line;
            }
        }
    }

    private static Net.EvaluationOptions WithoutAnnotations()
    {
        var options = new Net.EvaluationOptions
        {
            OutputFormat = Net.OutputFormat.List,
            RequireFormatValidation = true,
        };
        options.IgnoreAllAnnotations();
        return options;
    }
}

/// <summary>
/// JSON Schemas for JsonSchema.Net, made from an OpenAPI document: every component schema goes under <c>$defs</c> of
/// one draft 2020-12 document whose root is <c>{"$ref": "#/$defs/Root"}</c>, with <c>#/components/schemas/X</c> refs
/// rewritten to <c>#/$defs/X</c>. Keywords that do not validate (<c>description</c>, <c>example</c>, <c>x-*</c>) are
/// dropped, as the generator drops them. OpenAPI 3.0 keywords whose meaning differs from draft 2020-12 (<c>nullable</c>,
/// boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>, <c>discriminator</c>, <c>readOnly</c>/<c>writeOnly</c>) are
/// refused rather than half-translated: the ClickHouse spec uses none of them.
/// </summary>
public static class SpecSchemas
{
    private static readonly Dictionary<string, NetSchema> Built = new(StringComparer.Ordinal);

    /// <summary>The schema of <c>#/components/schemas/{root}</c> of specs/clickhouse-cloud.yaml.</summary>
    public static NetSchema ClickHouse(string root)
    {
        lock (Built)
        {
            if (Built.TryGetValue(root, out var schema)) return schema;
            var text = Document(Path.Combine(Paths.Specs, "clickhouse-cloud.yaml"), root);
            schema = NetSchema.FromText(text, baseUri: new Uri($"https://contractfirst.benchmarks/clickhouse-cloud/{root}"));
            Built[root] = schema;
            return schema;
        }
    }

    /// <summary>The JSON Schema document (text) of one root schema of an OpenAPI 3.0 document.</summary>
    public static string Document(string specPath, string root)
    {
        var spec = ContractFirst.Generator.Reading.YamlToJson.Convert(File.ReadAllText(specPath))
            ?? throw new InvalidOperationException(specPath + " is empty");
        var components = spec["components"]?["schemas"]?.AsObject()
            ?? throw new InvalidOperationException(specPath + " has no components/schemas");
        if (!components.ContainsKey(root)) throw new ArgumentOutOfRangeException(nameof(root), root, "no such component schema");
        var defs = new JsonObject();
        foreach (var (name, schema) in components)
        {
            defs[name] = Translate(schema, "#/components/schemas/" + name);
        }

        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = defs,
            ["$ref"] = "#/$defs/" + root,
        };
        return document.ToJsonString();
    }

    private static readonly HashSet<string> Refused = ["nullable", "discriminator", "readOnly", "writeOnly"];

    private static JsonNode? Translate(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key is "description" or "example" || key.StartsWith("x-", StringComparison.Ordinal)) continue;
                    if (Refused.Contains(key) || (key is "exclusiveMinimum" or "exclusiveMaximum" && value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False))
                    {
                        throw new NotSupportedException($"{where}/{key}: an OpenAPI 3.0 keyword this translation does not handle");
                    }

                    if (key == "$ref" && value?.GetValue<string>() is { } reference)
                    {
                        result[key] = reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
                            ? "#/$defs/" + reference["#/components/schemas/".Length..]
                            : throw new NotSupportedException($"{where}: $ref '{reference}' is not a component schema");
                        continue;
                    }

                    // Under these keywords the children are names or values, not schemas; below them, they are schemas.
                    result[key] = key is "properties" or "patternProperties" or "$defs" or "dependentSchemas"
                        ? TranslateMap(value, where + "/" + key)
                        : key is "enum" or "const" or "required" or "type" or "default" ? value?.DeepClone() : Translate(value, where + "/" + key);
                }

                return result;
            }

            case JsonArray array:
                return new JsonArray(array.Select((item, i) => Translate(item, $"{where}/{i}")).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode? TranslateMap(JsonNode? node, string where)
    {
        if (node is not JsonObject map) return node?.DeepClone();
        var result = new JsonObject();
        foreach (var (name, schema) in map) result[name] = Translate(schema, where + "/" + name);
        return result;
    }
}
