using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ContractFirst.AspNetCore;
using ContractFirst.Validation;

namespace ContractFirst.Server.Tests;

/// <summary>
/// The parameter side of issue 11 in the library: integers by value, text read as the JSON scalar it stands for, non-scalar
/// parameters that cannot be typed answering "does not parse" (not a 500), and ParameterSchema writing a parsed value as
/// its JSON value for the schema evaluator, with errors that name the parameter.
/// </summary>
public sealed class ParameterParsingTests
{
    [Theory]
    [InlineData("12", 12L)]
    [InlineData("-3", -3L)]
    [InlineData("1.0", 1L)]
    [InlineData("1e2", 100L)]
    [InlineData("2.50e1", 25L)]
    [InlineData("12391239123", 12391239123L)]
    public void IntegersAreIntegersByValue(string text, long expected)
    {
        Assert.True(ServerParsers.Int64.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e-1")]
    [InlineData("9223372036854775808")]
    [InlineData("1e30")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1.")]
    public void NonIntegersAndOutOfRangeAreRefused(string text) => Assert.False(ServerParsers.Int64.TryParse(text, out _));

    [Fact]
    public void Int32KeepsItsRange()
    {
        Assert.True(ServerParsers.Int32.TryParse("7.0", out var seven));
        Assert.Equal(7, seven);
        Assert.False(ServerParsers.Int32.TryParse("3e9", out _));
    }

    [Theory]
    [InlineData("12", JsonValueKind.Number, "12")]
    [InlineData("-1.5e3", JsonValueKind.Number, "-1.5e3")]
    [InlineData("true", JsonValueKind.True, "true")]
    [InlineData("false", JsonValueKind.False, "false")]
    [InlineData("foo", JsonValueKind.String, "\"foo\"")]
    [InlineData("01", JsonValueKind.String, "\"01\"")] // not a JSON number
    [InlineData("1.", JsonValueKind.String, "\"1.\"")]
    [InlineData("", JsonValueKind.String, "\"\"")]
    [InlineData("null", JsonValueKind.String, "\"null\"")] // a query has no null
    [InlineData("{\"a\":1}", JsonValueKind.String, "\"{\\u0022a\\u0022:1}\"")]
    public void AnyReadsTextAsTheScalarItStandsFor(string text, JsonValueKind kind, string json)
    {
        Assert.True(ServerParsers.Any.TryParse(text, out var value));
        Assert.Equal(kind, value.ValueKind);
        Assert.Equal(json, value.GetRawText());
    }

    [Fact]
    public void AJsonParameterWhoseTypeInfoIsMissingDoesNotParse()
    {
        var parser = ServerParsers.Json<IDictionary<string, JsonElement>>(() => throw new NotSupportedException("no metadata"));
        Assert.False(parser.TryParse("{\"a\":1}", out _));
    }

    [Fact]
    public void AScalarModelParserReadsTheTextAsJsonThenBindsIt()
    {
        var parser = ServerParsers.Scalar(() => (JsonTypeInfo<long>)ContractFirst.Json.RuntimeJsonContext.Default.GetTypeInfo(typeof(long))!);
        Assert.True(parser.TryParse("42", out var value));
        Assert.Equal(42, value);
        Assert.False(parser.TryParse("forty-two", out _));
    }

    private static readonly JsonSchema Level = new() { Enum = JsonValueSet.Of("[1,2,3]") };

    private static readonly JsonSchema Ids = new()
    {
        Type = JsonTypes.Array,
        UniqueItems = true,
        Items = new JsonSchema { Type = JsonTypes.Integer, Maximum = 10m },
    };

    [Fact]
    public void ParameterSchemaChecksTheValueAsJson()
    {
        Assert.True(ParameterSchema.Check(Level, 2L, new ValidationContext(), "level"));
        Assert.True(ParameterSchema.Check(Level, 2.0, new ValidationContext(), "level"));
        Assert.True(ParameterSchema.Check(Level, 2m, new ValidationContext(), "level"));
        var context = new ValidationContext();
        Assert.False(ParameterSchema.Check(Level, "2", context, "level")); // a string is no number
        Assert.Contains(context.Errors, e => e.ToString().Contains("level", StringComparison.Ordinal));
    }

    [Fact]
    public void ItemErrorsNameTheItem()
    {
        var context = new ValidationContext();
        Assert.False(ParameterSchema.Check(Ids, new List<long> { 1, 11 }, context, "ids"));
        Assert.Contains(context.Errors, e => e.ToString().Contains("ids[1]", StringComparison.Ordinal));

        var duplicates = new ValidationContext();
        Assert.False(ParameterSchema.Check(Ids, new List<long> { 3, 3 }, duplicates, "ids"));
        Assert.True(ParameterSchema.Check(Ids, new List<long> { 1, 2 }, new ValidationContext(), "ids"));
    }

    [Fact]
    public void MapsAreObjectsAndEnumsTheirWireValues()
    {
        var map = new JsonSchema { Type = JsonTypes.Object, AdditionalProperties = new JsonSchema { Type = JsonTypes.Integer, Minimum = 0m } };
        Assert.True(ParameterSchema.Check(map, new Dictionary<string, long> { ["a"] = 1 }, new ValidationContext(), "tags"));
        var context = new ValidationContext();
        Assert.False(ParameterSchema.Check(map, new Dictionary<string, long> { ["a"] = -1 }, context, "tags"));
        Assert.Contains(context.Errors, e => e.ToString().Contains("tags", StringComparison.Ordinal));

        var colors = new JsonSchema { Type = JsonTypes.Array, Items = new JsonSchema { Const = JsonValueSet.One("\"red\"") } };
        Assert.True(ParameterSchema.CheckItems(colors, new[] { "red", "red" }, static c => c, new ValidationContext(), "colors"));
        Assert.False(ParameterSchema.CheckItems(colors, new[] { "red", "blue" }, static c => c, new ValidationContext(), "colors"));
    }
}
