using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractFirst.Specs.Tests.Infrastructure;
using Xunit;

namespace ContractFirst.Specs.Tests;

/// <summary>The fact checker itself: it must reject what breaks a fact, or the conformance tests prove nothing.</summary>
public sealed class SpecFactTests
{
    private static readonly JsonNode Sample = JsonNode.Parse("""
        {
          "components": {
            "schemas": {
              "Body": {
                "type": "object",
                "required": ["a"],
                "properties": {
                  "a": { "type": "string", "enum": ["0", "1"], "description": "Enable public access: '0' disabled" },
                  "b": { "type": "number", "multipleOf": 12, "minimum": 24, "default": 0.1, "x-limit": 360 },
                  "c": { "type": "boolean", "nullable": true }
                }
              }
            }
          },
          "paths": {
            "/x/{id}": { "get": { "parameters": [ { "name": "id", "in": "path", "required": true } ] } }
          }
        }
        """)!;

    private static SpecFact F(string pointer, string keyword, object? expected) => new("sample", pointer, keyword, expected);

    public static IEnumerable<object[]> HoldingFacts => new[]
    {
        new object[] { "#/components/schemas/Body/properties/a", "enum", "0" },
        new object[] { "#/components/schemas/Body/properties/a", "enum", new[] { "0", "1" } },
        new object[] { "#/components/schemas/Body/properties/a", "description", "'0' disabled" },
        new object[] { "#/components/schemas/Body/properties/a", "format", null! },
        new object[] { "#/components/schemas/Body/properties/b", "multipleOf", 12 },
        new object[] { "#/components/schemas/Body/properties/b", "minimum", 24m },
        new object[] { "#/components/schemas/Body/properties/b", "default", 0.1m },
        new object[] { "#/components/schemas/Body/properties/b", "x-limit", 360 },
        new object[] { "#/components/schemas/Body/properties/c", "nullable", true },
        new object[] { "#/components/schemas/Body", "required", new[] { "a" } },
        new object[] { "#/components/schemas/Body", "properties", new[] { "c", "b", "a" } },
        new object[] { "#/paths/~1x~1{id}/get/parameters/[name=id]", "required", true },
        new object[] { "#/paths/~1x~1{id}/get/parameters/0", "in", "path" },
        new object[] { "#/components/schemas/Body/properties/z", "absent", null! },
        new object[] { "#/components/schemas/Body/properties/c", "exists", null! },
    };

    public static IEnumerable<object[]> BrokenFacts => new[]
    {
        // A string enum value is not the number that looks like it, and vice versa.
        new object[] { "#/components/schemas/Body/properties/a", "enum", "2" },
        new object[] { "#/components/schemas/Body/properties/a", "enum", new[] { "0" } },
        new object[] { "#/components/schemas/Body/properties/a", "enum", new[] { "1", "0" } },
        new object[] { "#/components/schemas/Body/properties/a", "type", "number" },
        new object[] { "#/components/schemas/Body/properties/a", "description", "'1' enabled" },
        new object[] { "#/components/schemas/Body/properties/a", "enum", null! },
        new object[] { "#/components/schemas/Body/properties/b", "multipleOf", 10 },
        new object[] { "#/components/schemas/Body/properties/b", "multipleOf", "12" },
        new object[] { "#/components/schemas/Body/properties/b", "default", 0.2m },
        new object[] { "#/components/schemas/Body/properties/b", "maximum", 720 },
        new object[] { "#/components/schemas/Body/properties/c", "nullable", false },
        new object[] { "#/components/schemas/Body", "required", new[] { "a", "b" } },
        new object[] { "#/components/schemas/Body", "required", System.Array.Empty<string>() },
        new object[] { "#/components/schemas/Body", "properties", new[] { "a", "b" } },
        new object[] { "#/components/schemas/Body/properties/z", "type", "string" },
        new object[] { "#/components/schemas/Body/properties/z", "exists", null! },
        new object[] { "#/components/schemas/Body/properties/a", "absent", null! },
        new object[] { "#/paths/~1x~1{id}/get/parameters/[name=other]", "in", "path" },
        new object[] { "#/paths/~1x~1{id}/get/parameters/1", "in", "path" },
    };

    [Theory]
    [MemberData(nameof(HoldingFacts))]
    public void A_fact_that_holds_passes(string pointer, string keyword, object? expected) =>
        Assert.Null(F(pointer, keyword, expected).Check(Sample));

    [Theory]
    [MemberData(nameof(BrokenFacts))]
    public void A_fact_that_does_not_hold_fails_and_says_why(string pointer, string keyword, object? expected)
    {
        var message = F(pointer, keyword, expected).Check(Sample);

        Assert.NotNull(message);
        Assert.Contains(JsonPointer.Split(pointer)[^1].Trim('[', ']').Split('=')[^1], message);
    }

    /// <summary>
    /// Every row of every seed table fails on a copy of its spec where just that fact was broken: no row is
    /// vacuous, so a wrong spec cannot pass the conformance tests.
    /// </summary>
    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Every_seed_row_fails_when_its_fact_is_broken(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var vacuous = new List<string>();

        foreach (var fact in SeedFacts.For(spec))
        {
            var mutant = FactMutator.Break(doc.Raw, fact);
            if (fact.Check(mutant) is null)
            {
                vacuous.Add(fact.ToString());
            }
        }

        Assert.NotEmpty(SeedFacts.For(spec));
        Assert.Empty(vacuous);
    }

    [Fact]
    public async Task A_spec_with_one_changed_bound_fails_the_conformance_table()
    {
        var doc = await SpecDocument.LoadAsync(SpecDocument.ClickHouse);
        var mutant = doc.Raw.DeepClone();
        mutant["components"]!["schemas"]!["ServicePostRequest"]!["properties"]!["minTotalMemoryGb"]!["multipleOf"] = 10;

        var failures = SeedFacts.For(SpecDocument.ClickHouse).Where(f => f.Check(mutant) is not null).ToList();

        var failure = Assert.Single(failures);
        Assert.Equal("#/components/schemas/ServicePostRequest/properties/minTotalMemoryGb", failure.Pointer);
        Assert.Equal("multipleOf", failure.Keyword);
    }

    [Fact]
    public async Task A_spec_whose_string_enum_lost_its_quotes_fails_the_conformance_table()
    {
        var doc = await SpecDocument.LoadAsync(SpecDocument.Miget);
        var yaml = doc.Yaml.Replace("enum: ['0', '1']", "enum: [0, 1]", System.StringComparison.Ordinal);
        Assert.NotEqual(doc.Yaml, yaml);

        var mutant = YamlToJson.Convert(yaml)!;
        var failures = SeedFacts.For(SpecDocument.Miget).Where(f => f.Check(mutant) is not null).ToList();

        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Equal("enum", f.Keyword));
        Assert.Contains(failures, f => f.Pointer.EndsWith("/postApiV1Services/properties/public_access", System.StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Pointer.EndsWith("/postApiV1AppsUuidAddons/properties/public_access", System.StringComparison.Ordinal));
    }
}
