using System.Text;
using System.Text.Json;
using ContractFirst.Patterns;
using ContractFirst.Validation;

namespace ContractFirst.Runtime.Tests;

/// <summary>The runtime's JSON Schema evaluator, keyword by keyword, on hand-built schemas.</summary>
public class JsonSchemaTests
{
    private static ValidationContext Check(JsonSchema schema, string json)
    {
        var context = new ValidationContext();
        schema.Validate(Encoding.UTF8.GetBytes(json), context, "");
        return context;
    }

    private static bool Valid(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var quiet = schema.IsValid(document.RootElement);
        var loud = !Check(schema, json).HasErrors;
        Assert.Equal(quiet, loud); // the short-circuit answer and the full report agree
        return quiet;
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1.0", true)]
    [InlineData("1e2", true)]
    [InlineData("1.5", false)]
    [InlineData("\"1\"", false)]
    [InlineData("12391239123", true)]
    public void Integers_are_integers_by_value(string json, bool valid)
        => Assert.Equal(valid, Valid(new JsonSchema { Type = JsonTypes.Integer }, json));

    [Fact]
    public void Type_arrays_and_null()
    {
        var schema = new JsonSchema { Type = JsonTypes.String | JsonTypes.Null };
        Assert.True(Valid(schema, "null"));
        Assert.True(Valid(schema, "\"a\""));
        Assert.False(Valid(schema, "1"));
        Assert.Equal("must be a string or null (was an integer)", Check(schema, "1").Errors.Single().Message);
    }

    [Fact]
    public void Enum_and_const_use_json_equality()
    {
        var numbers = new JsonSchema { Enum = JsonValueSet.Of("[1, 2.5, \"a\", null, {\"x\": [1]}]") };
        Assert.True(Valid(numbers, "1.0"));
        Assert.True(Valid(numbers, "2.5"));
        Assert.True(Valid(numbers, "null"));
        Assert.True(Valid(numbers, "{\"x\": [1.0]}"));
        Assert.False(Valid(numbers, "2"));
        Assert.False(Valid(numbers, "true"));
        Assert.False(Valid(numbers, "{\"x\": [1], \"y\": 1}"));

        var constant = new JsonSchema { Const = JsonValueSet.One("false") };
        Assert.True(Valid(constant, "false"));
        Assert.False(Valid(constant, "0"));
        Assert.Contains("must be false", Check(constant, "0").Errors.Single().Message);

        Assert.False(Valid(new JsonSchema { Enum = JsonValueSet.Of("[]") }, "1")); // enum: [] allows nothing
    }

    [Theory]
    [InlineData("5", true)]
    [InlineData("4.99", false)]
    [InlineData("10", false)]
    [InlineData("9.999", true)]
    public void Bounds_in_both_exclusive_forms(string json, bool valid)
        => Assert.Equal(valid, Valid(new JsonSchema { Minimum = 5m, ExclusiveMaximum = 10m }, json));

    [Theory]
    [InlineData("0.3", "0.1", true)]
    [InlineData("0.0075", "0.0001", true)]
    [InlineData("30", "12", false)]
    [InlineData("1e308", "0.123456789", false)]
    public void MultipleOf_is_exact(string json, string divisor, bool valid)
        => Assert.Equal(valid, Valid(new JsonSchema { MultipleOf = decimal.Parse(divisor, System.Globalization.CultureInfo.InvariantCulture) }, json));

    [Fact]
    public void MultipleOf_names_the_nearest_multiples()
        => Assert.Equal("must be a multiple of 12 (nearest multiples: 24 and 36; was 30)", Check(new JsonSchema { MultipleOf = 12m }, "30").Errors.Single().Message);

    [Fact]
    public void Lengths_count_code_points()
    {
        var schema = new JsonSchema { MaxLength = 2, MinLength = 2 };
        Assert.True(Valid(schema, "\"\\ud83d\\udca9\\ud83d\\udca9\"")); // two astral characters, four UTF-16 units
        Assert.False(Valid(schema, "\"abc\""));
    }

    [Fact]
    public void Keywords_of_other_types_ignore_the_value()
    {
        var schema = new JsonSchema { MinLength = 3, Minimum = 10m, MinItems = 2, Required = ["a"] };
        Assert.True(Valid(schema, "true"));
        Assert.False(Valid(schema, "\"ab\""));
        Assert.False(Valid(schema, "1"));
        Assert.False(Valid(schema, "[1]"));
        Assert.False(Valid(schema, "{}"));
    }

    [Fact]
    public void Arrays_prefix_items_contains_and_unique()
    {
        var schema = new JsonSchema
        {
            PrefixItems = [new JsonSchema { Type = JsonTypes.String }],
            Items = new JsonSchema { Type = JsonTypes.Integer },
            Contains = new JsonSchema { Const = JsonValueSet.One("7") },
            MaxContains = 1,
            UniqueItems = true,
        };
        Assert.True(Valid(schema, "[\"a\", 7, 8]"));
        Assert.False(Valid(schema, "[1, 7]"));
        Assert.False(Valid(schema, "[\"a\", 8]")); // contains nothing
        Assert.False(Valid(schema, "[\"a\", 7, 7.0]")); // two matches, and 7 == 7.0 is a duplicate
        var errors = Check(schema, "[\"a\", 7, 7.0]").Errors;
        Assert.Contains(errors, e => e.Keyword == "maxContains");
        Assert.Contains(errors, e => e.Keyword == "uniqueItems" && e.Message.Contains("item 2 repeats item 1"));
    }

    [Fact]
    public void Objects_and_error_paths()
    {
        var item = new JsonSchema { Type = JsonTypes.Object, Required = ["name"], Properties = new Dictionary<string, JsonSchema> { ["name"] = new() { MaxLength = 3 } }, AdditionalProperties = JsonSchema.False };
        var schema = new JsonSchema { Properties = new Dictionary<string, JsonSchema> { ["v"] = new() { Items = item } } };
        var errors = Check(schema, "{\"v\": [{\"name\": \"ok\"}, {\"name\": \"toolong\", \"x~/\": 1}, {}]}").Errors;
        Assert.Collection(
            errors.OrderBy(e => e.Pointer, StringComparer.Ordinal),
            e => { Assert.Equal("/v/1/name", e.Pointer); Assert.Equal("v[1].name", e.Field); Assert.Equal("maxLength", e.Keyword); },
            e => { Assert.Equal("/v/1/x~0~1", e.Pointer); Assert.Equal("additionalProperties", e.Keyword); },
            e => { Assert.Equal("/v/2/name", e.Pointer); Assert.Equal("required", e.Keyword); });
    }

    [Fact]
    public void Pattern_properties_property_names_and_dependencies()
    {
        var schema = new JsonSchema
        {
            PatternProperties = [new(new SchemaPattern("^x-", Translate("^x-")), new JsonSchema { Type = JsonTypes.String })],
            AdditionalProperties = new JsonSchema { Type = JsonTypes.Integer },
            PropertyNames = new JsonSchema { MaxLength = 5 },
            DependentRequired = new Dictionary<string, string[]> { ["a"] = ["b"] },
            MaxProperties = 3,
        };
        Assert.True(Valid(schema, "{\"x-a\": \"s\", \"b\": 1}"));
        Assert.False(Valid(schema, "{\"x-a\": 1}"));
        Assert.False(Valid(schema, "{\"b\": \"s\"}"));
        Assert.False(Valid(schema, "{\"toolong\": 1}"));
        Assert.False(Valid(schema, "{\"a\": 1}"));
        Assert.False(Valid(schema, "{\"a\": 1, \"b\": 1, \"c\": 1, \"d\": 1}"));
    }

    [Fact]
    public void Composition()
    {
        var integer = new JsonSchema { Type = JsonTypes.Integer };
        var positive = new JsonSchema { Minimum = 0m };
        Assert.True(Valid(new JsonSchema { AllOf = [new() { Maximum = 30m }, new() { Minimum = 20m }] }, "25"));
        Assert.False(Valid(new JsonSchema { OneOf = [integer, positive] }, "3")); // both match
        Assert.True(Valid(new JsonSchema { OneOf = [integer, positive] }, "-3"));
        Assert.True(Valid(new JsonSchema { AnyOf = [integer, positive] }, "3"));
        Assert.False(Valid(new JsonSchema { AnyOf = [integer, positive] }, "-1.5"));
        Assert.False(Valid(new JsonSchema { Not = integer }, "3"));
        var conditional = new JsonSchema { If = integer, Then = positive, Else = new() { Type = JsonTypes.String } };
        Assert.True(Valid(conditional, "3"));
        Assert.False(Valid(conditional, "-3"));
        Assert.False(Valid(conditional, "1.5"));
        Assert.False(Valid(JsonSchema.False, "1"));
        Assert.True(Valid(JsonSchema.True, "1"));
    }

    [Fact]
    public void Recursive_schemas_through_defer()
    {
        JsonSchema? tree = null;
        tree = new JsonSchema
        {
            Type = JsonTypes.Object,
            Properties = new Dictionary<string, JsonSchema> { ["children"] = new() { Items = JsonSchema.Defer(() => tree!) }, ["v"] = new() { Type = JsonTypes.Integer } },
        };
        Assert.True(Valid(tree, "{\"v\": 1, \"children\": [{\"v\": 2, \"children\": [{\"v\": 3}]}]}"));
        var errors = Check(tree, "{\"children\": [{\"children\": [{\"v\": \"x\"}]}]}").Errors;
        Assert.Equal("/children/0/children/0/v", errors.Single().Pointer);

        // A schema that only refers to itself constrains nothing, and never recurses without bound.
        JsonSchema? loop = null;
        loop = new JsonSchema { AllOf = [JsonSchema.Defer(() => loop!)] };
        Assert.True(Valid(loop, "1"));
    }

    [Fact]
    public void Bad_json_is_one_error_not_an_exception()
    {
        var errors = Check(JsonSchema.True, "{\"a\": ").Errors;
        Assert.Equal("json", errors.Single().Keyword);
    }

    private static string Translate(string pattern) => EcmaPatternTranslator.Translate(pattern, out var error) ?? throw new InvalidOperationException(error);

    [Theory]
    [InlineData(@"^\p{Letter}+$", "Hello", true)]
    [InlineData(@"^\p{Letter}+$", "π", true)]
    [InlineData(@"^\p{Letter}+$", "123", false)]
    [InlineData(@"^\d+$", "١٢٣", false)] // \d is ASCII in ECMA-262
    [InlineData(@"^\w+$", "é", false)]
    [InlineData(@"^abc$", "abc\n", false)] // $ is the end of input
    [InlineData(@"^.$", "\ud83d\udca9", true)] // one code point
    [InlineData(@"^[^a]$", "\ud83d\udca9", true)]
    [InlineData(@"^\u{1F4A9}+$", "\ud83d\udca9\ud83d\udca9", true)]
    [InlineData(@"^\s$", "\u00a0", true)]
    [InlineData(@"\bcat\b", "a cat!", true)]
    [InlineData(@"^a{2}$", "aa", true)]
    [InlineData(@"^[a-z_\-]+$", "a-b_c", true)]
    [InlineData(@"^v\d+\.\d+$", "v1.2", true)]
    [InlineData(@"^\/api\_x$", "/api_x", true)] // identity escapes of punctuation
    [InlineData(@"a{", "a{", true)] // a lone brace is literal
    public void Patterns_mean_what_ECMA_262_means(string pattern, string value, bool matches)
    {
        var schema = new JsonSchema { Pattern = new SchemaPattern(pattern, Translate(pattern)) };
        Assert.Equal(matches, Valid(schema, "\"" + JsonEncodedText.Encode(value) + "\""));
    }

    [Theory]
    [InlineData(@"^\p{Script=Greek}+$")]
    [InlineData(@"(?i)abc")]
    [InlineData(@"\A\z")]
    [InlineData(@"[\u{1F600}-\u{1F64F}]")]
    public void Patterns_without_a_dotnet_equivalent_are_reported(string pattern)
    {
        Assert.Null(EcmaPatternTranslator.Translate(pattern, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
