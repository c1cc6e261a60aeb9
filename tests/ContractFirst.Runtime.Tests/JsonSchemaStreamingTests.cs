using System.Text;
using System.Text.Json;
using ContractFirst.Validation;

namespace ContractFirst.Runtime.Tests;

/// <summary>
/// <c>Validate(bytes)</c> first tries a streaming pass over the bytes that can only show a body valid; whatever it cannot
/// show valid is parsed and evaluated in full. Each case here is checked both ways (bytes, and a parsed document) and
/// must give the same answer and the same errors; the expected answer is asserted too.
/// </summary>
public class JsonSchemaStreamingTests
{
    private static readonly JsonSchema Name = new() { Type = JsonTypes.String, MinLength = 1, MaxLength = 8, Pattern = new SchemaPattern("^[a-z]+$", "^[a-z]+$") };

    private static readonly JsonSchema Body = new()
    {
        Type = JsonTypes.Object,
        Required = ["name", "size"],
        Properties = new Dictionary<string, JsonSchema>
        {
            ["name"] = Name,
            ["size"] = new() { Type = JsonTypes.Integer, Minimum = 12L, Maximum = 120L, MultipleOf = 12m },
            ["tier"] = new() { Type = JsonTypes.String | JsonTypes.Null, Enum = JsonValueSet.Of("[\"dev\", \"prod\", null]") },
            ["id"] = new() { Type = JsonTypes.String, Format = "uuid" },
            ["tags"] = new() { Type = JsonTypes.Array, MaxItems = 2, Items = Name },
            ["pair"] = new() { Type = JsonTypes.Array, PrefixItems = [new() { Type = JsonTypes.Integer }, new() { Type = JsonTypes.String }], Items = JsonSchema.False },
            ["any"] = JsonSchema.True,
            ["either"] = new() { AnyOf = [new() { Type = JsonTypes.Integer }, new() { Type = JsonTypes.String, MaxLength = 2 }] },
            ["both"] = new() { AllOf = [new() { Minimum = 20m }, new() { Maximum = 30m }] },
        },
        PatternProperties = [new(new SchemaPattern("^x-", "^x-"), new JsonSchema { Type = JsonTypes.String })],
        AdditionalProperties = JsonSchema.False,
        MaxProperties = 6,
    };

    [Theory]
    [InlineData("""{"name":"abc","size":24}""", true)]
    [InlineData("""{"size":24,"name":"abc"}""", true)] // any order
    [InlineData("""{"n\u0061me":"abc","size":24}""", true)] // an escaped name is the same name
    [InlineData("""{"name":"abc","size":24.0}""", true)] // an integer by value
    [InlineData("""{"name":"abc","size":2.4e1}""", true)]
    [InlineData("""{"name":"abc","size":25}""", false)]
    [InlineData("""{"name":"abc","size":132}""", false)]
    [InlineData("""{"name":"abc"}""", false)] // required
    [InlineData("""{"name":"ABC","size":24}""", false)] // pattern
    [InlineData("""{"name":"","size":24}""", false)] // minLength
    [InlineData("""{"name":"abcdefghi","size":24}""", false)] // maxLength
    [InlineData("""{"name":"abc","size":24,"tier":"dev"}""", true)]
    [InlineData("""{"name":"abc","size":24,"tier":null}""", true)]
    [InlineData("""{"name":"abc","size":24,"tier":"produciton"}""", false)]
    [InlineData("""{"name":"abc","size":24,"tier":1}""", false)]
    [InlineData("""{"name":"abc","size":24,"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""", true)]
    [InlineData("""{"name":"abc","size":24,"id":"nope"}""", false)]
    [InlineData("""{"name":"abc","size":24,"tags":["a","b"]}""", true)]
    [InlineData("""{"name":"abc","size":24,"tags":["a","b","c"]}""", false)] // maxItems
    [InlineData("""{"name":"abc","size":24,"tags":["a","B"]}""", false)] // an item's pattern
    [InlineData("""{"name":"abc","size":24,"pair":[1,"a"]}""", true)]
    [InlineData("""{"name":"abc","size":24,"pair":[1,"a",true]}""", false)] // items: false after the prefix
    [InlineData("""{"name":"abc","size":24,"pair":["a",1]}""", false)]
    [InlineData("""{"name":"abc","size":24,"any":{"deep":[1,{"x":null}]}}""", true)]
    [InlineData("""{"name":"abc","size":24,"either":5}""", true)]
    [InlineData("""{"name":"abc","size":24,"either":"ab"}""", true)]
    [InlineData("""{"name":"abc","size":24,"either":"abc"}""", false)]
    [InlineData("""{"name":"abc","size":24,"both":25}""", true)]
    [InlineData("""{"name":"abc","size":24,"both":35}""", false)]
    [InlineData("""{"name":"abc","size":24,"x-a":"s"}""", true)] // patternProperties
    [InlineData("""{"name":"abc","size":24,"x-a":1}""", false)]
    [InlineData("""{"name":"abc","size":24,"other":1}""", false)] // additionalProperties: false
    [InlineData("""{"name":"abc","size":24,"\ud800":1}""", false)] // a lone surrogate in an unexpected name
    [InlineData("""{"name":"a\ud800","size":24}""", false)] // and in a checked value
    [InlineData("""{"name":"abc","size":24,"tags":[],"pair":[],"any":1,"both":20,"either":1}""", false)] // maxProperties
    [InlineData("""{"name":"abc","size":24,"name":"ABC"}""", false)] // a repeated name: each occurrence is checked
    [InlineData("""{"name":"abc","size":24} x""", false)] // trailing text
    [InlineData("""{"name":"abc","size":24""", false)] // not JSON
    [InlineData("", false)]
    [InlineData("[]", false)]
    [InlineData("null", false)]
    public void Bytes_and_document_agree(string json, bool valid)
    {
        var fromBytes = new ValidationContext();
        Assert.Equal(valid, Body.Validate(Encoding.UTF8.GetBytes(json), fromBytes, "body"));
        Assert.Equal(valid, !fromBytes.HasErrors);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            Assert.False(valid);
            Assert.Contains(fromBytes.Errors, e => e.Keyword == "json");
            return;
        }

        using (document)
        {
            var fromDocument = new ValidationContext();
            Assert.Equal(valid, Body.Validate(document.RootElement, fromDocument, "body"));
            Assert.Equal(fromDocument.Errors.Select(e => e.ToString()), fromBytes.Errors.Select(e => e.ToString()));
        }
    }

    /// <summary>Above 32 declared names a lookup that misses its hint goes through a dictionary: same answers, any order.</summary>
    [Theory]
    [InlineData("""{"p0":0,"p39":39,"p20":20}""", true)]
    [InlineData("""{"p39":39,"p38":38,"p0":0}""", true)] // reverse order: every hint misses
    [InlineData("""{"p\u0031":1,"p0":0}""", true)] // an escaped name
    [InlineData("""{"p0":0,"p21":-1}""", false)] // found out of order, then checked
    [InlineData("""{"p0":0,"zz":1}""", false)] // unknown: additionalProperties false
    [InlineData("""{"p1":1}""", false)] // required p0 missing
    public void Large_objects_find_their_properties_in_any_order(string json, bool valid)
    {
        var properties = Enumerable.Range(0, 40).ToDictionary(i => "p" + i, _ => new JsonSchema { Type = JsonTypes.Integer, Minimum = 0L });
        var schema = new JsonSchema { Type = JsonTypes.Object, Properties = properties, Required = ["p0"], AdditionalProperties = JsonSchema.False };
        var fromBytes = new ValidationContext();
        Assert.Equal(valid, schema.Validate(Encoding.UTF8.GetBytes(json), fromBytes, ""));
        using var document = JsonDocument.Parse(json);
        var fromDocument = new ValidationContext();
        Assert.Equal(valid, schema.Validate(document.RootElement, fromDocument, ""));
        Assert.Equal(fromDocument.Errors.Select(e => e.ToString()), fromBytes.Errors.Select(e => e.ToString()));
    }

    private static readonly JsonSchema Numbers = new()
    {
        Type = JsonTypes.Object,
        Required = ["v", "w", "v"], // "w" is declared nowhere; "v" twice
        Properties = new Dictionary<string, JsonSchema>
        {
            ["v"] = new() { Type = JsonTypes.Integer, ExclusiveMinimum = 4L, ExclusiveMaximum = 10L, MultipleOf = 2L }, // both bounds are multiples
            ["big"] = new() { Type = JsonTypes.Number, Minimum = 100000000000000000000m }, // beyond a long
            ["half"] = new() { Minimum = 0.5m, Maximum = 9223372036854775807L },
            ["edge"] = new() { ExclusiveMaximum = long.MinValue + 1L, Type = JsonTypes.Integer },
        },
    };

    /// <summary>Integer bounds compared as longs, fractional and huge ones as SchemaEvaluator compares them, and required names by bits.</summary>
    [Theory]
    [InlineData("""{"v":6,"w":1}""", true)]
    [InlineData("""{"v":8,"w":1}""", true)]
    [InlineData("""{"v":4,"w":1}""", false)] // exclusiveMinimum
    [InlineData("""{"v":10,"w":1}""", false)] // exclusiveMaximum
    [InlineData("""{"v":7,"w":1}""", false)] // multipleOf
    [InlineData("""{"v":6.0,"w":1}""", true)] // an integer by value, not by its text
    [InlineData("""{"v":6e0,"w":1}""", true)]
    [InlineData("""{"v":6.5,"w":1}""", false)]
    [InlineData("""{"v":-0,"w":1}""", false)]
    [InlineData("""{"v":9223372036854775807,"w":1}""", false)]
    [InlineData("""{"v":92233720368547758070,"w":1}""", false)] // beyond a long
    [InlineData("""{"v":8}""", false)] // the undeclared required name is missing
    [InlineData("""{"w":null}""", false)]
    [InlineData("""{"w":0,"v":8}""", true)]
    [InlineData("""{"v":8,"w":1,"big":100000000000000000000}""", true)]
    [InlineData("""{"v":8,"w":1,"big":99999999999999999999}""", false)]
    [InlineData("""{"v":8,"w":1,"big":9223372036854775807}""", false)]
    [InlineData("""{"v":8,"w":1,"half":1}""", true)]
    [InlineData("""{"v":8,"w":1,"half":0}""", false)]
    [InlineData("""{"v":8,"w":1,"half":0.5}""", true)]
    [InlineData("""{"v":8,"w":1,"half":"text"}""", true)] // numeric keywords ignore other types
    [InlineData("""{"v":8,"w":1,"half":9223372036854775808}""", false)]
    [InlineData("""{"v":8,"w":1,"edge":-9223372036854775808}""", true)]
    [InlineData("""{"v":8,"w":1,"edge":-9223372036854775807}""", false)]
    public void Numbers_and_required_names_agree(string json, bool valid)
    {
        var fromBytes = new ValidationContext();
        Assert.Equal(valid, Numbers.Validate(Encoding.UTF8.GetBytes(json), fromBytes, ""));
        using var document = JsonDocument.Parse(json);
        var fromDocument = new ValidationContext();
        Assert.Equal(valid, Numbers.Validate(document.RootElement, fromDocument, ""));
        Assert.Equal(fromDocument.Errors.Select(e => e.ToString()), fromBytes.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_recursive_schema_is_followed_through_the_bytes()
    {
        JsonSchema? node = null;
        node = new JsonSchema
        {
            Type = JsonTypes.Object,
            Properties = new Dictionary<string, JsonSchema> { ["name"] = Name, ["children"] = new() { Type = JsonTypes.Array, Items = JsonSchema.Defer(() => node!) } },
        };

        Assert.True(node.Validate(Encoding.UTF8.GetBytes("""{"name":"a","children":[{"name":"b","children":[{"name":"c"}]}]}"""), new ValidationContext(), ""));
        var context = new ValidationContext();
        Assert.False(node.Validate(Encoding.UTF8.GetBytes("""{"name":"a","children":[{"name":"b","children":[{"name":"C"}]}]}"""), context, ""));
        Assert.Equal("children[0].children[0].name", Assert.Single(context.Errors).Field);
    }
}
