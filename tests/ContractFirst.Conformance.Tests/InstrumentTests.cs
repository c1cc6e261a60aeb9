using System.Text.Json.Nodes;
using ContractFirst.Conformance.Tests.Infrastructure;

namespace ContractFirst.Conformance.Tests;

/// <summary>
/// The measuring instrument itself: how a group's schema is placed in an OpenAPI document (refs rewritten to absolute
/// pointers that resolve), which groups are excluded, and what "agree" means. Fast; most need no suite.
/// </summary>
public sealed class InstrumentTests
{
    private static readonly SuiteGroup Group3 = new("ref.json", 3, "escaped pointer ref", null, Array.Empty<SuiteCase>(), null);

    [Fact]
    public void LocalRefsBecomeAbsolutePointersOfWhereTheSchemaStands()
    {
        var schema = JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "properties": {
                "self": { "$ref": "#" },
                "$ref": { "$ref": "#/$defs/tilde~0field" },
                "percent": { "$ref": "#/$defs/percent%25field" }
              },
              "enum": [ { "$ref": "#/not/a/schema" } ],
              "$defs": { "tilde~field": { "type": "integer" }, "percent%field": { "items": { "$ref": "#/properties/self" } } }
            }
            """);
        var pointer = ConformanceDocument.SchemaPointer(Group3);
        Assert.Equal("/paths/~1g3/post/requestBody/content/application~1json/schema/properties/v", pointer);

        var moved = ConformanceDocument.Relocate(Draft.Draft202012, schema, pointer)!.AsObject();

        Assert.False(moved.ContainsKey("$schema"));
        Assert.Equal("#" + pointer, (string?)moved["properties"]!["self"]!["$ref"]);
        Assert.Equal("#" + pointer + "/$defs/tilde~0field", (string?)moved["properties"]!["$ref"]!["$ref"]);
        Assert.Equal("#" + pointer + "/$defs/percent%25field", (string?)moved["properties"]!["percent"]!["$ref"]);
        Assert.Equal("#" + pointer + "/properties/self", (string?)moved["$defs"]!["percent%field"]!["items"]!["$ref"]);
        Assert.Equal("#/not/a/schema", (string?)moved["enum"]![0]!["$ref"]);
        Assert.Equal("#", (string?)schema!["properties"]!["self"]!["$ref"]);
    }

    [Fact]
    public void BooleanSchemasAreWrappedAsTheyAre()
    {
        var file = new KeywordFile(Draft.Draft202012, "boolean_schema.json", new[] { new SuiteGroup("boolean_schema.json", 0, "false", JsonValue.Create(false), Array.Empty<SuiteCase>(), null) }, true, null, null);
        var document = JsonNode.Parse(ConformanceDocument.Build(file, file.Groups).Text)!;

        var wrapper = document["paths"]!["/g0"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("3.1.0", (string?)document["openapi"]);
        Assert.Equal("g0", (string?)document["paths"]!["/g0"]!["post"]!["operationId"]);
        Assert.Equal("object", (string?)wrapper["type"]);
        Assert.Equal("v", (string?)wrapper["required"]![0]);
        Assert.False(wrapper["properties"]!["v"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(Draft.Draft202012, """{"$ref": "http://localhost:1234/draft2020-12/integer.json"}""", "remote")]
    [InlineData(Draft.Draft202012, """{"$id": "urn:uuid:deadbeef", "$defs": {"a": {}}, "properties": {"a": {"$ref": "#/$defs/a"}}}""", "$id")]
    [InlineData(Draft.Draft202012, """{"$defs": {"a": {"$anchor": "foo"}}, "$ref": "#foo"}""", "$anchor")]
    [InlineData(Draft.Draft202012, """{"$dynamicAnchor": "x", "items": {"$dynamicRef": "#x"}}""", "$dynamicRef")]
    [InlineData(Draft.Draft4, """{"type": ["integer", "string"]}""", "type` as an array")]
    [InlineData(Draft.Draft4, """{"properties": {"a": {"type": "null"}}}""", "type: null")]
    [InlineData(Draft.Draft4, """{"items": [{"type": "integer"}]}""", "items` as an array")]
    [InlineData(Draft.Draft4, """{"id": "http://example.com/", "properties": {"a": {"$ref": "#/definitions/x"}}}""", "`id`")]
    public void GroupsThatAnOpenApiDocumentCannotHoldAreExcludedWithAReason(Draft draft, string schema, string reason)
    {
        Assert.Contains(reason, TestSuite.ExclusionOf(draft, JsonNode.Parse(schema)));
    }

    [Theory]
    [InlineData(Draft.Draft202012, """{"type": ["integer", "null"], "prefixItems": [{"$ref": "#"}]}""")]
    [InlineData(Draft.Draft202012, """{"$id": "http://example.com/no-refs", "type": "string"}""")]
    [InlineData(Draft.Draft202012, """{"properties": {"$ref": {"type": "string"}, "id": {"$ref": "#/$defs/x"}}, "$defs": {"x": {}}}""")]
    [InlineData(Draft.Draft4, """{"enum": [{"type": "null"}, ["a"]], "definitions": {"a": {}}, "not": {"$ref": "#/definitions/a"}}""")]
    public void GroupsThatFitAreKept(Draft draft, string schema)
    {
        Assert.Null(TestSuite.ExclusionOf(draft, JsonNode.Parse(schema)));
    }

    [Theory]
    [InlineData(true, 204, true)]
    [InlineData(true, 200, true)]
    [InlineData(true, 400, false)]
    [InlineData(false, 400, true)]
    [InlineData(false, 204, false)]
    [InlineData(false, 415, false)]
    [InlineData(false, 500, false)]
    public void ServerAgreementIsValidTo2xxAndInvalidTo400(bool valid, int status, bool agrees)
    {
        var result = new CaseResult(Draft.Draft4, "x.json", 0, 0, "", "1", valid, status, null, null, null);
        Assert.Equal(agrees, result.ServerAgrees);
        Assert.Equal(status >= 500, result.Is5xx);
    }

    /// <summary>Every `$ref` of every document that the conformance test builds resolves to a node of that document.</summary>
    [SuiteFact]
    public void EveryRewrittenRefResolvesInTheDocument()
    {
        var checkedRefs = 0;
        foreach (var draft in new[] { Draft.Draft202012, Draft.Draft4 })
        {
            foreach (var file in TestSuite.Load(draft).Where(f => f.FileExclusion is null))
            {
                var document = JsonNode.Parse(ConformanceDocument.Build(file, file.Runnable).Text)!;
                foreach (var group in file.Runnable)
                {
                    var schema = Resolve(document, ConformanceDocument.SchemaPointer(group));
                    Assert.True(schema is not null, $"{file.Name} g{group.Index}: the schema is not where its pointer says");
                    SchemaWalker.Visit(schema, (node, at) =>
                    {
                        if (node["$ref"] is not JsonValue v || !v.TryGetValue<string>(out var target)) return;
                        Assert.StartsWith("#/paths/", target);
                        Assert.True(Resolve(document, Uri.UnescapeDataString(target.Substring(1))) is not null, $"{draft.Folder()}/{file.Name} g{group.Index} {at}: {target} does not resolve");
                        checkedRefs++;
                    });
                }
            }
        }

        Assert.True(checkedRefs > 40, $"only {checkedRefs} refs checked");
    }

    private static JsonNode? Resolve(JsonNode root, string pointer)
    {
        JsonNode? node = root;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var child) ? child : null,
                JsonArray array when int.TryParse(token, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
            if (node is null) return null;
        }

        return node;
    }
}
