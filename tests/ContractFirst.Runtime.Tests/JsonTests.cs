using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Json;

namespace ContractFirst.Runtime.Tests;

public class JsonTests
{
    private static Service Read(string json) => JsonSerializer.Deserialize(json, SampleJson.Info<Service>())!;

    [Fact]
    public void Options_are_read_only_and_reflection_is_off()
    {
        Assert.True(SampleJson.Options.IsReadOnly);
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
    }

    [Fact]
    public void Model_round_trips_with_unknown_enum_value_kept()
    {
        var service = new Service { Name = "db", Tier = "enterprise", Replicas = 3, Created = new DateOnly(2024, 2, 29), Ratio = 0.1 };
        string json = JsonSerializer.Serialize(service, SampleJson.Info<Service>());
        Assert.Equal("""{"name":"db","tier":"enterprise","replicas":3,"created":"2024-02-29","ratio":0.1}""", json);
        Service back = Read(json);
        Assert.Equal(service, back);
        Assert.False(back.Tier.IsKnown);
    }

    [Fact]
    public void Unknown_properties_are_skipped()
    {
        Service s = Read("""{"extra":{"deep":[1,{"x":null}]},"name":"a","tier":"production","more":[]}""");
        Assert.Equal(Tier.Production, s.Tier);
    }

    [Fact]
    public void Missing_required_properties_are_named_with_the_type()
    {
        var ex = Assert.IsType<JsonFieldException>(Assert.ThrowsAny<JsonException>(() => Read("""{"replicas":1}""")));
        Assert.Contains("Service is missing the required properties 'name', 'tier'", ex.Message);
        Assert.Equal("name", ex.Field);
    }

    [Fact]
    public void Open_enums_work_as_dictionary_keys()
    {
        var map = new Dictionary<Tier, int> { [Tier.Development] = 1, ["custom"] = 2 };
        string json = JsonSerializer.Serialize(map, SampleJson.Info<Dictionary<Tier, int>>());
        Assert.Equal("""{"development":1,"custom":2}""", json);
        Assert.Equal(map, JsonSerializer.Deserialize(json, SampleJson.Info<Dictionary<Tier, int>>()));

        var byPriority = new Dictionary<Priority, string> { [new Priority(2)] = "b", [new Priority(99)] = "z" };
        string json2 = JsonSerializer.Serialize(byPriority, SampleJson.Info<Dictionary<Priority, string>>());
        Assert.Equal("""{"2":"b","99":"z"}""", json2);
        Assert.Equal(99, JsonSerializer.Deserialize(json2, SampleJson.Info<Dictionary<Priority, string>>())!.Keys.Last().Value);
    }

    [Fact]
    public void Int_enum_converter_reads_numbers_and_rejects_strings()
    {
        Assert.Equal(7, JsonSerializer.Deserialize("7", SampleJson.Info<Priority>()).Value);
        Assert.Equal("3", JsonSerializer.Serialize(new Priority(3), SampleJson.Info<Priority>()));
        Assert.Contains("expected an integer for Priority, but found a string", Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("\"7\"", SampleJson.Info<Priority>())).Message);
        Assert.Contains("expected a string for Tier, but found a number", Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("1", SampleJson.Info<Tier>())).Message);
    }

    [Fact]
    public void Runtime_context_serializes_primitives_and_collections_without_reflection()
    {
        JsonSerializerOptions o = SampleJson.Options;
        Assert.Equal("[1,2]", JsonSerializer.Serialize(new List<int> { 1, 2 }, o));
        Assert.Equal("""{"a":"x"}""", JsonSerializer.Serialize(new Dictionary<string, string> { ["a"] = "x" }, o));
        Assert.Equal("\"2024-05-06\"", JsonSerializer.Serialize(new DateOnly(2024, 5, 6), o));
        Assert.Equal(0.1m, JsonSerializer.Deserialize<decimal>("0.1", o));
        Assert.Equal(3, JsonSerializer.Deserialize<JsonObject>("""{"a":[1,2,3]}""", o)!["a"]!.AsArray().Count);
        Assert.Equal(JsonValueKind.Array, JsonSerializer.Deserialize<JsonElement>("[]", o).ValueKind);
        Assert.Equal(2, JsonSerializer.Deserialize<List<Service>>("""[{"name":"a","tier":"production"},{"name":"b","tier":"x"}]""", o)!.Count);
        Assert.Equal("[\"2024-01-01T00:00:00+00:00\"]", JsonSerializer.Serialize(new[] { new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) }, o));
        Assert.Equal("""{"k":true}""", JsonSerializer.Serialize(new Dictionary<string, bool> { ["k"] = true }, o));
        Assert.Equal("[\"00000000-0000-0000-0000-000000000000\"]", JsonSerializer.Serialize(new List<Guid> { Guid.Empty }, o));
    }

    [Fact]
    public void Types_that_no_resolver_knows_fail_clearly_instead_of_using_reflection()
    {
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Uri("https://x"), SampleJson.Options));
    }
}
