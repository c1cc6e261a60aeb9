using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractFirst.Specs.Tests.Infrastructure;
using Xunit;

namespace ContractFirst.Specs.Tests;

/// <summary>Every seed fact holds in the spec as written and as Microsoft.OpenApi read it.</summary>
public sealed class ConformanceTests
{
    public static IEnumerable<object[]> Facts =>
        SeedFacts.All.Select(f => new object[] { f.Spec, f.Pointer, f.Keyword, Encode(f.Expected) });

    [Theory]
    [MemberData(nameof(Facts))]
    public async Task Seed_fact_holds(string spec, string pointer, string keyword, string expected)
    {
        var fact = new SpecFact(spec, pointer, keyword, Decode(expected));
        var doc = await SpecDocument.LoadAsync(spec);

        var problems = new[] { ("as written", fact.Check(doc.Raw)), ("as Microsoft.OpenApi read it", fact.Check(doc.Parsed)) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}: {p.Item2}")
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_table_has_no_duplicate_rows()
    {
        var duplicates = SeedFacts.All
            .GroupBy(f => (f.Spec, f.Pointer, f.Keyword, Encode(f.Expected)))
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.ToString())
            .ToList();

        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Every_component_schema_and_property_is_covered_by_the_table(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var facts = SeedFacts.For(spec).ToList();
        var uncovered = new List<string>();

        foreach (var (name, schema) in doc.Raw["components"]!["schemas"]!.AsObject())
        {
            var schemaPointer = FactTable.Schema(name);
            if (!facts.Any(f => f.Pointer == schemaPointer && f.Keyword == "properties"))
            {
                uncovered.Add(schemaPointer + " (no exact property list)");
            }

            foreach (var (property, _) in schema!["properties"]?.AsObject() ?? new JsonObject())
            {
                var propertyPointer = FactTable.Property(name, property);
                if (!facts.Any(f => f.Pointer == propertyPointer && f.Keyword is "type" or "$ref"))
                {
                    uncovered.Add(propertyPointer + " (no type or $ref row)");
                }
            }
        }

        Assert.Empty(uncovered);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Every_operation_and_parameter_is_covered_by_the_table(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var facts = SeedFacts.For(spec).ToList();
        var uncovered = new List<string>();

        foreach (var (path, item) in doc.Raw["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var operationPointer = JsonPointer.Path(path, method);
                if (!facts.Any(f => f.Pointer == operationPointer && f.Keyword == "operationId"))
                {
                    uncovered.Add(operationPointer + " (no operationId row)");
                }

                foreach (var parameter in operation!["parameters"]?.AsArray() ?? new JsonArray())
                {
                    var selector = parameter!["$ref"] is { } reference
                        ? JsonPointer.Select("$ref", reference.GetValue<string>())
                        : JsonPointer.Select("name", parameter["name"]!.GetValue<string>());
                    var parameterPointer = JsonPointer.Path(path, method, "parameters", selector);
                    if (!facts.Any(f => f.Pointer.StartsWith(parameterPointer, StringComparison.Ordinal)))
                    {
                        uncovered.Add(parameterPointer);
                    }
                }
            }
        }

        Assert.Empty(uncovered);
    }

    // xUnit serializes theory data to list one test per row; expectations travel as tagged strings.
    internal static string Encode(object? value) => value switch
    {
        null => "null:",
        string s => "s:" + s,
        string[] a => "a:" + string.Join("\u001f", a),
        bool b => "b:" + (b ? "true" : "false"),
        int or long or decimal or double => "n:" + Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)
            .ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Unsupported expectation {value.GetType()}."),
    };

    internal static object? Decode(string encoded)
    {
        var colon = encoded.IndexOf(':');
        var (tag, body) = (encoded[..colon], encoded[(colon + 1)..]);
        return tag switch
        {
            "null" => null,
            "s" => body,
            "a" => body.Length == 0 ? Array.Empty<string>() : body.Split('\u001f'),
            "b" => body == "true",
            "n" => decimal.Parse(body, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"Unknown tag in '{encoded}'."),
        };
    }
}
