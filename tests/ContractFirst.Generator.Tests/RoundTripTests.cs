using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Constraints;
using ContractFirst.Generator.Reading;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// For every model of the three specs: JSON → model → JSON keeps the document, unknown enum values included, using
/// only the generated options (their resolver has no reflection fallback: a type it did not cover would throw).
/// </summary>
public class RoundTripTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, Assembly> Compiled = new();

    private static Assembly Compile(string file)
    {
        lock (Compiled)
        {
            if (!Compiled.TryGetValue(file, out var assembly))
            {
                var result = GeneratorHarness.Run(new[] { SpecFile.FromRepo(file, ns: "RoundTrip." + Path.GetFileNameWithoutExtension(file).Replace("-", ""), generate: "Models") });
                Compiled[file] = assembly = GeneratorHarness.Load(result.Output);
            }

            return assembly;
        }
    }

    private static JsonSerializerOptions OptionsOf(Assembly assembly)
        => (JsonSerializerOptions)assembly.GetTypes().Single(t => t.Name.EndsWith("ClientJson", StringComparison.Ordinal)).GetProperty("Options")!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(ThreeSpecsTests.Specs), MemberType = typeof(ThreeSpecsTests))]
    public void Every_model_round_trips_its_sample_document(string file) => RoundTripAll(file, unknownEnums: false);

    [Theory]
    [MemberData(nameof(ThreeSpecsTests.Specs), MemberType = typeof(ThreeSpecsTests))]
    public void Unknown_enum_values_survive_the_round_trip(string file) => RoundTripAll(file, unknownEnums: true);

    private void RoundTripAll(string file, bool unknownEnums)
    {
        var assembly = Compile(file);
        var options = OptionsOf(assembly);
        Assert.True(options.IsReadOnly);
        var spec = YamlToJson.Convert(File.ReadAllText(Path.Combine(TestPaths.Specs, file)))!;
        var samples = new SampleDocuments(spec, unknownEnums);
        var types = assembly.GetTypes().Where(t => t.GetCustomAttribute<OpenApiSchemaAttribute>() is not null && !t.IsAbstract).ToList();
        Assert.NotEmpty(types);

        foreach (var type in types)
        {
            var pointer = type.GetCustomAttribute<OpenApiSchemaAttribute>()!.Pointer;
            var document = samples.For(pointer);
            var json = document!.ToJsonString();
            var typeInfo = options.GetTypeInfo(type);
            var model = JsonSerializer.Deserialize(json, typeInfo);
            Assert.NotNull(model);
            var written = JsonSerializer.Serialize(model, typeInfo);
            output.WriteLine($"{type.Name}: {written}");
            Assert.True(JsonNode.DeepEquals(document, JsonNode.Parse(written)), $"{type.Name} changed in the round trip:\n in:  {json}\n out: {written}");
            if (unknownEnums && type.IsValueType && type.GetProperty("IsKnown") is { } isKnown)
            {
                Assert.False((bool)isKnown.GetValue(model)!);
            }
        }
    }

    [Fact]
    public void A_response_missing_a_required_property_throws_a_json_exception_naming_it()
    {
        var assembly = Compile("bridgeport.yaml");
        var typeInfo = OptionsOf(assembly).GetTypeInfo(assembly.GetTypes().Single(t => t.Name == "ErrorEnvelope"));

        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{\"message\":\"m\"}", typeInfo));
        Assert.Contains("'code'", ex.Message);
        Assert.Equal("code", Assert.IsType<ContractFirst.Json.JsonFieldException>(ex).Field);
    }

    [Fact]
    public void A_wrong_type_deep_inside_names_the_dotted_path()
    {
        var assembly = Compile("bridgeport.yaml");
        var typeInfo = OptionsOf(assembly).GetTypeInfo(assembly.GetTypes().Single(t => t.Name == "CreateDatabaseRequest"));

        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{\"name\":\"n\",\"type\":\"postgres\",\"pgDumpOptions\":{\"noOwner\":\"yes\"}}", typeInfo));
        Assert.Equal("pgDumpOptions.noOwner", Assert.IsType<ContractFirst.Json.JsonFieldException>(ex).Field);
    }
}
