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
        var ex = Assert.Throws<JsonException>(() => Read("""{"replicas":1}"""));
        Assert.Contains("Service", ex.Message);
        Assert.Contains("'name', 'tier'", ex.Message);
        Assert.Contains("required", ex.Message);
    }

    [Fact]
    public void Unexpected_token_names_expected_actual_property_and_type()
    {
        var ex = Assert.Throws<JsonException>(() => Read("""{"name":42,"tier":"production"}"""));
        Assert.Contains("Expected a string for property 'name' of Service, but found a number", ex.Message);

        ex = Assert.Throws<JsonException>(() => Read("""[1]"""));
        Assert.Contains("Expected an object for Service, but found an array", ex.Message);
    }

    [Theory]
    [InlineData("2147483648", "outside the range of Int32")]
    [InlineData("1.5", "not an integer")]
    [InlineData("1e400", "outside the range of Int32")]
    public void Int32_overflow_and_fractions_throw(string number, string expected)
    {
        var ex = Assert.Throws<JsonException>(() => Read($$"""{"name":"a","tier":"production","replicas":{{number}}}"""));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("'replicas'", ex.Message);
    }

    [Theory]
    [InlineData("2.0", 2)]
    [InlineData("1e3", 1000)]
    [InlineData("-7", -7)]
    public void Integral_numbers_in_any_notation_are_read(string number, int expected)
    {
        Assert.Equal(expected, Read($$"""{"name":"a","tier":"production","replicas":{{number}}}""").Replicas);
    }

    [Fact]
    public void Primitive_readers_cover_every_format()
    {
        static T ReadValue<T>(string json, JsonReadDelegate<T> reader)
        {
            var r = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
            r.Read();
            return reader(ref r);
        }

        Assert.Equal(9_000_000_000L, ReadValue("9000000000", (ref Utf8JsonReader r) => JsonReadHelpers.ReadInt64(ref r, "T", "p")));
        Assert.Equal(0.1m, ReadValue("0.1", (ref Utf8JsonReader r) => JsonReadHelpers.ReadDecimal(ref r, "T", "p")));
        Assert.Equal(1.5f, ReadValue("1.5", (ref Utf8JsonReader r) => JsonReadHelpers.ReadSingle(ref r, "T", "p")));
        Assert.True(ReadValue("true", (ref Utf8JsonReader r) => JsonReadHelpers.ReadBoolean(ref r, "T", "p")));
        Assert.Equal(Guid.Parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427"), ReadValue("\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\"", (ref Utf8JsonReader r) => JsonReadHelpers.ReadGuid(ref r, "T", "p")));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), ReadValue("\"2024-01-02T03:04:05+02:00\"", (ref Utf8JsonReader r) => JsonReadHelpers.ReadDateTimeOffset(ref r, "T", "p")));
        Assert.Equal(new byte[] { 1, 2, 3 }, ReadValue("\"AQID\"", (ref Utf8JsonReader r) => JsonReadHelpers.ReadBytes(ref r, "T", "p")));

        Assert.Contains("outside the range of Double", Assert.Throws<JsonException>(() => ReadValue("1e999", (ref Utf8JsonReader r) => JsonReadHelpers.ReadDouble(ref r, "T", "p"))).Message);
        Assert.Contains("outside the range of Single", Assert.Throws<JsonException>(() => ReadValue("1e39", (ref Utf8JsonReader r) => JsonReadHelpers.ReadSingle(ref r, "T", "p"))).Message);
        Assert.Contains("outside the range of Decimal", Assert.Throws<JsonException>(() => ReadValue("1e40", (ref Utf8JsonReader r) => JsonReadHelpers.ReadDecimal(ref r, "T", "p"))).Message);
        Assert.Contains("outside the range of Int64", Assert.Throws<JsonException>(() => ReadValue("9223372036854775808", (ref Utf8JsonReader r) => JsonReadHelpers.ReadInt64(ref r, "T", "p"))).Message);
        Assert.Contains("not a UUID", Assert.Throws<JsonException>(() => ReadValue("\"nope\"", (ref Utf8JsonReader r) => JsonReadHelpers.ReadGuid(ref r, "T", "p"))).Message);
        Assert.Contains("yyyy-MM-dd", Assert.Throws<JsonException>(() => ReadValue("\"2024-13-01\"", (ref Utf8JsonReader r) => JsonReadHelpers.ReadDateOnly(ref r, "T", "p"))).Message);
        Assert.Contains("a boolean", Assert.Throws<JsonException>(() => ReadValue("\"true\"", (ref Utf8JsonReader r) => JsonReadHelpers.ReadBoolean(ref r, "T", "p"))).Message);
    }

    public delegate T JsonReadDelegate<T>(ref Utf8JsonReader reader);

    [Fact]
    public void NaN_cannot_be_written()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new Service { Name = "a", Tier = Tier.Production, Ratio = double.NaN }, SampleJson.Info<Service>()));
        Assert.Contains("'ratio' of Service", ex.Message);
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
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"7\"", SampleJson.Info<Priority>()));
        Assert.Contains("Expected a string for Tier, but found a number", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("1", SampleJson.Info<Tier>())).Message);
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
