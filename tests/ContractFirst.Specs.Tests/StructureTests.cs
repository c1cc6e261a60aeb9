using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContractFirst.Specs.Tests.Infrastructure;
using Xunit;

namespace ContractFirst.Specs.Tests;

/// <summary>House rules that every spec in <c>specs/</c> follows, whatever its API.</summary>
public sealed class StructureTests
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>The schema every 4xx/5xx response of a spec answers with.</summary>
    private static readonly Dictionary<string, string> ErrorSchema = new()
    {
        [SpecDocument.Miget] = "ErrorResponse",
        [SpecDocument.ClickHouse] = "ApiError",
        [SpecDocument.Bridgeport] = "ErrorEnvelope",
    };

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Every_ref_resolves_inside_the_document(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var broken = Walk(doc.Raw, "#")
            .Where(n => n.Node is JsonObject o && o["$ref"] is JsonValue)
            .Select(n => n.Node!["$ref"]!.GetValue<string>())
            .Where(r => !r.StartsWith("#/", StringComparison.Ordinal) || !JsonPointer.TryResolve(doc.Raw, r, out _))
            .ToList();

        Assert.Empty(broken);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Enums_stay_inline_in_their_owning_schema(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var topLevelEnums = doc.Raw["components"]!["schemas"]!.AsObject()
            .Where(s => s.Value!["enum"] is not null)
            .Select(s => s.Key)
            .ToList();

        Assert.Empty(topLevelEnums);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Enum_values_are_unique_and_of_the_schema_type(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var problems = new List<string>();

        foreach (var (pointer, node) in Walk(doc.Raw, "#"))
        {
            if (node is not JsonObject schema || schema["enum"] is not JsonArray values)
            {
                continue;
            }

            var type = (string?)schema["type"];
            if (type is null)
            {
                problems.Add($"{pointer}: enum without a type");
                continue;
            }

            problems.AddRange(values.Where(v => !IsOfType(v, type)).Select(v => $"{pointer}: {v?.ToJsonString()} is not a {type}"));
            problems.AddRange(values.GroupBy(v => v?.ToJsonString()).Where(g => g.Count() > 1).Select(g => $"{pointer}: {g.Key} repeats"));
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Defaults_satisfy_their_own_schema(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var problems = new List<string>();

        foreach (var (pointer, node) in Walk(doc.Raw, "#"))
        {
            if (node is JsonObject schema && schema.ContainsKey("default") && schema["type"] is JsonValue)
            {
                problems.AddRange(Violations(schema, schema["default"]).Select(v => $"{pointer}: default {v}"));
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Numeric_bounds_are_consistent(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var problems = new List<string>();

        foreach (var (pointer, node) in Walk(doc.Raw, "#"))
        {
            if (node is not JsonObject schema || !(schema["type"] is JsonValue t && ((string?)t is "number" or "integer")))
            {
                continue;
            }

            var minimum = Number(schema["minimum"]);
            var maximum = Number(schema["maximum"]);
            var multipleOf = Number(schema["multipleOf"]);
            if (minimum > maximum)
            {
                problems.Add($"{pointer}: minimum {minimum} > maximum {maximum}");
            }

            if (multipleOf is <= 0)
            {
                problems.Add($"{pointer}: multipleOf {multipleOf} is not positive");
            }

            foreach (var (name, bound) in new[] { ("minimum", minimum), ("maximum", maximum), ("x-unpaid-maximum", Number(schema["x-unpaid-maximum"])) })
            {
                if (bound is { } b && multipleOf is > 0 && b % multipleOf.Value != 0)
                {
                    problems.Add($"{pointer}: {name} {b} is not a multiple of {multipleOf}, so no value reaches it");
                }
            }

            if (Number(schema["x-unpaid-maximum"]) is { } unpaid && (unpaid < minimum || unpaid > maximum))
            {
                problems.Add($"{pointer}: x-unpaid-maximum {unpaid} lies outside [{minimum}, {maximum}]");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Required_lists_name_declared_properties(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var problems = new List<string>();

        foreach (var (pointer, node) in Walk(doc.Raw, "#"))
        {
            if (node is JsonObject schema && schema["required"] is JsonArray required)
            {
                var declared = (schema["properties"] as JsonObject)?.Select(p => p.Key).ToHashSet() ?? new HashSet<string>();
                problems.AddRange(required.Select(r => (string?)r).Where(r => r is null || !declared.Contains(r)).Select(r => $"{pointer}: required '{r}' is not a property"));
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Path_templates_and_path_parameters_match(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var problems = new List<string>();

        foreach (var (path, item, method, operation) in Operations(doc.Raw))
        {
            var template = Regex.Matches(path, "{([^}]+)}").Select(m => m.Groups[1].Value).ToHashSet();
            var parameters = ((item["parameters"] as JsonArray) ?? new JsonArray())
                .Concat((operation["parameters"] as JsonArray) ?? new JsonArray())
                .Select(p => Deref(doc.Raw, p))
                .Where(p => (string?)p?["in"] == "path")
                .ToList();
            var declared = parameters.Select(p => (string)p!["name"]!).ToHashSet();

            if (!template.SetEquals(declared))
            {
                problems.Add($"{method.ToUpperInvariant()} {path}: template [{string.Join(", ", template)}], path parameters [{string.Join(", ", declared)}]");
            }

            problems.AddRange(parameters.Where(p => p!["required"]?.GetValueKind() != JsonValueKind.True)
                .Select(p => $"{method.ToUpperInvariant()} {path}: path parameter {p!["name"]} is not required"));
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Operations_are_named_documented_and_answer_json(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var problems = new List<string>();
        var ids = new List<string>();

        foreach (var (path, _, method, operation) in Operations(doc.Raw))
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            var id = (string?)operation["operationId"];
            if (id is null || !Regex.IsMatch(id, "^[a-z][a-zA-Z0-9]*$"))
            {
                problems.Add($"{where}: operationId '{id}' is not camelCase");
            }
            else
            {
                ids.Add(id);
            }

            foreach (var field in new[] { "summary", "description" })
            {
                if (string.IsNullOrWhiteSpace((string?)operation[field]))
                {
                    problems.Add($"{where}: no {field}");
                }
            }

            if ((operation["tags"] as JsonArray)?.Count is not > 0)
            {
                problems.Add($"{where}: no tag");
            }

            var responses = operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count == 0)
            {
                problems.Add($"{where}: no 2xx response");
            }

            foreach (var (status, response) in success)
            {
                var reference = (string?)response!["content"]?["application/json"]?["schema"]?["$ref"];
                if (reference?.StartsWith("#/components/schemas/", StringComparison.Ordinal) != true)
                {
                    problems.Add($"{where}: response {status} has no JSON body with a named schema");
                }
            }
        }

        problems.AddRange(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => $"operationId {g.Key} repeats"));
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Error_responses_answer_the_spec_error_schema(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var expected = "#/components/schemas/" + ErrorSchema[spec];
        var problems = new List<string>();
        var errors = 0;

        foreach (var (path, _, method, operation) in Operations(doc.Raw))
        {
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5' || r.Key == "default"))
            {
                errors++;
                var reference = (string?)Deref(doc.Raw, response)?["content"]?["application/json"]?["schema"]?["$ref"];
                if (reference != expected)
                {
                    problems.Add($"{method.ToUpperInvariant()} {path} {status}: schema {reference ?? "(none)"}");
                }

                if (string.IsNullOrWhiteSpace((string?)Deref(doc.Raw, response)?["description"]))
                {
                    problems.Add($"{method.ToUpperInvariant()} {path} {status}: no description");
                }
            }
        }

        Assert.True(errors > 0, "the spec declares no error response");
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Every_schema_and_property_is_described(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var problems = new List<string>();

        foreach (var (name, schema) in doc.Raw["components"]!["schemas"]!.AsObject())
        {
            if (string.IsNullOrWhiteSpace((string?)schema!["description"]))
            {
                problems.Add($"{name}: no description");
            }

            foreach (var (property, value) in (schema["properties"] as JsonObject) ?? new JsonObject())
            {
                // OpenAPI 3.0 ignores siblings of $ref: such a property is described by the schema it references.
                if (value!["$ref"] is null && string.IsNullOrWhiteSpace((string?)value["description"]))
                {
                    problems.Add($"{name}.{property}: no description");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Security_applies_to_every_operation_through_declared_schemes(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var schemes = doc.Raw["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).ToHashSet();
        var global = doc.Raw["security"]!.AsArray();

        Assert.NotEmpty(global);
        Assert.All(global, requirement => Assert.All(requirement!.AsObject(), r => Assert.Contains(r.Key, schemes)));
        Assert.All(Operations(doc.Raw), o => Assert.Null(o.Operation["security"]));
        Assert.All(doc.Raw["components"]!["securitySchemes"]!.AsObject(), s => Assert.Equal("http", (string?)s.Value!["type"]));
    }

    /// <summary>
    /// The generator names component schemas by PascalCasing their keys and inline schemas
    /// <c>{Owner}{Property}</c>: no two of those names may collide inside one spec.
    /// </summary>
    [Theory]
    [MemberData(nameof(ParsingTests.Specs), MemberType = typeof(ParsingTests))]
    public async Task Generated_type_names_do_not_collide(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var names = new List<(string Name, string Origin)>();

        foreach (var (key, schema) in doc.Raw["components"]!["schemas"]!.AsObject())
        {
            var owner = Pascal(key);
            names.Add((owner, key));
            foreach (var (property, value) in (schema!["properties"] as JsonObject) ?? new JsonObject())
            {
                var inline = value!["enum"] is not null || value["properties"] is not null || value["allOf"] is not null;
                if (inline)
                {
                    names.Add((owner + Pascal(property), $"{key}.{property}"));
                }
            }
        }

        var clashes = names.GroupBy(n => n.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(n => n.Origin))}")
            .ToList();

        Assert.Empty(clashes);
        Assert.All(names, n => Assert.Matches("^[A-Z][A-Za-z0-9]*$", n.Name));
    }

    [Fact]
    public void Pascal_case_follows_the_contract_examples()
    {
        Assert.Equal("ApiV1EntitiesService", Pascal("Api_V1_Entities_Service"));
        Assert.Equal("ServiceType", Pascal("service_type"));
        Assert.Equal("MinTotalMemoryGb", Pascal("minTotalMemoryGb"));
        Assert.Equal("PostApiV1AppsUuidAddons", Pascal("postApiV1AppsUuidAddons"));
        Assert.Equal("ClickhouseCloud", Pascal("clickhouse-cloud"));
    }

    private static string Pascal(string name)
    {
        var builder = new StringBuilder();
        foreach (var part in Regex.Split(name, "[^A-Za-z0-9]+").Where(p => p.Length > 0))
        {
            builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Path, JsonObject Item, string Method, JsonObject Operation)> Operations(JsonNode root)
    {
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is JsonObject operation)
                {
                    yield return (path, item.AsObject(), method, operation);
                }
            }
        }
    }

    private static JsonNode? Deref(JsonNode root, JsonNode? node) =>
        node?["$ref"] is JsonValue reference && JsonPointer.TryResolve(root, reference.GetValue<string>(), out var target)
            ? target
            : node;

    private static IEnumerable<(string Pointer, JsonNode? Node)> Walk(JsonNode? node, string pointer)
    {
        yield return (pointer, node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var item in Walk(child, pointer + "/" + JsonPointer.Escape(key)))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var item in Walk(array[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture)))
                    {
                        yield return item;
                    }
                }

                break;
        }
    }

    private static bool IsOfType(JsonNode? value, string type) => (type, value?.GetValueKind()) switch
    {
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => Number(value) is { } n && n == decimal.Truncate(n),
        _ => false,
    };

    private static IEnumerable<string> Violations(JsonObject schema, JsonNode? value)
    {
        var type = (string)schema["type"]!;
        if (!IsOfType(value, type))
        {
            yield return $"{value?.ToJsonString()} is not a {type}";
            yield break;
        }

        if (schema["enum"] is JsonArray values && values.All(v => v?.ToJsonString() != value!.ToJsonString()))
        {
            yield return $"{value!.ToJsonString()} is not in the enum";
        }

        if (Number(value) is { } n)
        {
            if (Number(schema["minimum"]) is { } min && n < min)
            {
                yield return $"{n} < minimum {min}";
            }

            if (Number(schema["maximum"]) is { } max && n > max)
            {
                yield return $"{n} > maximum {max}";
            }

            if (Number(schema["multipleOf"]) is { } step && n % step != 0)
            {
                yield return $"{n} is not a multiple of {step}";
            }
        }

        if (value!.GetValueKind() == JsonValueKind.String && schema["minLength"] is { } minLength
            && value.GetValue<string>().Length < (int)Number(minLength)!.Value)
        {
            yield return "shorter than minLength";
        }
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
}
