using System.Text;
using System.Text.Json;
using ContractFirst.Validation;

namespace ContractFirst.Runtime.Tests;

/// <summary>
/// The evaluator's allocation-free paths (integers as longs, enum strings compared as UTF-8, declared properties found
/// by a moving hint) give the same answers and the same error fields as the general paths they stand in for.
/// </summary>
public class JsonSchemaFastPathTests
{
    private static IReadOnlyList<ValidationError> Errors(JsonSchema schema, string json)
    {
        var context = new ValidationContext();
        var valid = schema.Validate(Encoding.UTF8.GetBytes(json), context, "");
        using var document = JsonDocument.Parse(json);
        Assert.Equal(valid, schema.IsValid(document.RootElement));
        Assert.Equal(valid, !context.HasErrors);
        return context.Errors;
    }

    [Theory]
    [InlineData("48", true)]
    [InlineData("48.0", true)]
    [InlineData("4.8e1", true)]
    [InlineData("-24", false)] // below the minimum, a multiple all the same
    [InlineData("50", false)]
    [InlineData("732", false)]
    [InlineData("720", true)]
    [InlineData("24", true)]
    public void Integers_and_their_decimal_spellings_agree(string json, bool valid)
        => Assert.Equal(valid, Errors(new JsonSchema { Type = JsonTypes.Number, Minimum = 24m, Maximum = 720m, MultipleOf = 12m }, json).Count == 0);

    [Theory]
    [InlineData("-0", true)]
    [InlineData("0", true)]
    [InlineData("-12", true)]
    [InlineData("-13", false)]
    [InlineData("9223372036854775800", true)] // long.MaxValue - 7
    [InlineData("9223372036854775804", false)]
    [InlineData("9223372036854775808", false)] // beyond a long: the decimal path
    [InlineData("9223372036854775812", true)]
    [InlineData("-9223372036854775808", false)] // long.MinValue
    [InlineData("-9223372036854775800", true)]
    [InlineData("-9223372036854775804", false)]
    public void MultipleOf_at_the_edges_of_long(string json, bool valid)
        => Assert.Equal(valid, Errors(new JsonSchema { MultipleOf = 12m }, json).Count == 0);

    [Theory]
    [InlineData("3", "0.5", true)]
    [InlineData("3", "2", false)]
    [InlineData("7", "7", true)]
    [InlineData("-7", "7", true)]
    public void Integer_values_with_any_divisor(string json, string divisor, bool valid)
        => Assert.Equal(valid, Errors(new JsonSchema { MultipleOf = decimal.Parse(divisor, System.Globalization.CultureInfo.InvariantCulture) }, json).Count == 0);

    [Theory]
    [InlineData("9223372036854775807", "9223372036854775806", false)]
    [InlineData("9223372036854775806", "9223372036854775806", true)]
    [InlineData("9223372036854775808", "9223372036854775807", false)]
    [InlineData("-9223372036854775808", "-9223372036854775808", true)]
    public void Bounds_at_the_edges_of_long(string json, string maximum, bool valid)
        => Assert.Equal(valid, Errors(new JsonSchema { Maximum = decimal.Parse(maximum, System.Globalization.CultureInfo.InvariantCulture) }, json).Count == 0);

    [Fact]
    public void Integer_type_of_integers_beyond_long_and_of_decimal_spellings()
    {
        var schema = new JsonSchema { Type = JsonTypes.Integer };
        Assert.Empty(Errors(schema, "12"));
        Assert.Empty(Errors(schema, "12.0"));
        Assert.Empty(Errors(schema, "99999999999999999999"));
        Assert.Equal("must be an integer (was a number)", Errors(schema, "12.5").Single().Message);
    }

    [Fact]
    public void Error_messages_show_the_number_as_written_in_value()
    {
        var schema = new JsonSchema { Minimum = 24m, MultipleOf = 12m };
        Assert.Equal(["must be >= 24 (was 13)", "must be a multiple of 12 (nearest multiples: 12 and 24; was 13)"], Errors(schema, "13").Select(e => e.Message));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)] // above the UTF-8 list: the string set
    public void Enum_strings_match_escaped_and_non_ascii_text(int count)
    {
        var values = Enumerable.Range(0, count - 2).Select(i => "v" + i).Concat(["aws", "zürich"]).ToList();
        var schema = new JsonSchema { Enum = JsonValueSet.Of("[" + string.Join(",", values.Select(v => "\"" + v + "\"")) + "]") };
        Assert.Empty(Errors(schema, "\"aws\""));
        Assert.Empty(Errors(schema, "\"\\u0061ws\""));
        Assert.Empty(Errors(schema, "\"zürich\""));
        Assert.Empty(Errors(schema, "\"z\\u00fcrich\""));
        Assert.Single(Errors(schema, "\"aw\""));
        Assert.Single(Errors(schema, "\"awss\""));
        Assert.Single(Errors(schema, "\"AWS\""));
        Assert.Single(Errors(schema, "\"zurich\""));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)] // above the linear table: the dictionary behind the hint
    public void Declared_properties_are_found_in_any_order(int count)
    {
        var properties = new Dictionary<string, JsonSchema>();
        for (var i = 0; i < count; i++) properties["p" + i] = new JsonSchema { Type = JsonTypes.Integer, Minimum = i };
        var schema = new JsonSchema { Type = JsonTypes.Object, Properties = properties, AdditionalProperties = JsonSchema.False };

        string Body(IEnumerable<int> order, Func<int, int> value) => "{" + string.Join(",", order.Select(i => $"\"p{i}\":{value(i)}")) + "}";
        var declared = Enumerable.Range(0, count).ToList();
        var reversed = Enumerable.Reverse(declared).ToList();
        var shuffled = declared.Where(i => i % 2 == 1).Concat(declared.Where(i => i % 2 == 0)).ToList();
        foreach (var order in new[] { declared, reversed, shuffled })
        {
            Assert.Empty(Errors(schema, Body(order, i => i)));
            var errors = Errors(schema, Body(order, i => i == count - 2 ? -1 : i));
            Assert.Equal("p" + (count - 2), errors.Single().Field);
            Assert.Equal("minimum", errors.Single().Keyword);
        }

        var extra = Errors(schema, "{\"p0\":0,\"q\":1,\"p1\":1,\"\\u0070" + (count - 1) + "\":-5}");
        Assert.Equal(["q", "p" + (count - 1)], extra.Select(e => e.Field));
        Assert.Equal(["additionalProperties", "minimum"], extra.Select(e => e.Keyword));
    }

    [Fact]
    public void Required_names_match_escaped_and_non_ascii_names()
    {
        var schema = new JsonSchema { Required = ["a", "zürich", "b"] };
        Assert.Equal(["b"], Errors(schema, "{\"\\u0061\":1,\"z\\u00fcrich\":2}").Select(e => e.Field));
        Assert.Equal(["a", "zürich", "b"], Errors(schema, "{\"A\":1,\"zurich\":2,\"bb\":3}").Select(e => e.Field));
    }

    [Fact]
    public void Validate_of_an_invalid_value_still_names_every_error()
    {
        var schema = new JsonSchema { Type = JsonTypes.Object, Required = ["a"], Properties = new Dictionary<string, JsonSchema> { ["b"] = new() { Maximum = 1m }, ["c"] = new() { Type = JsonTypes.String } } };
        var context = new ValidationContext();
        using var document = JsonDocument.Parse("{\"b\":2,\"c\":3}");
        Assert.False(schema.Validate(document.RootElement, context, "body."));
        Assert.Equal(["body.a", "body.b", "body.c"], context.Errors.Select(e => e.Field));
        Assert.True(schema.Validate(JsonDocument.Parse("{\"a\":0}").RootElement, context, "body."));
        Assert.Equal(3, context.Errors.Count);
    }

    [Fact]
    public void A_property_listed_twice_is_checked_twice()
    {
        var schema = new JsonSchema { Properties = new Dictionary<string, JsonSchema> { ["a"] = new() { Type = JsonTypes.String }, ["b"] = JsonSchema.True } };
        Assert.Equal(["a", "a"], Errors(schema, "{\"a\":1,\"b\":1,\"a\":2}").Select(e => e.Field));
    }
}
