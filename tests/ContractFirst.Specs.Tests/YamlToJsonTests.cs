using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Specs.Tests.Infrastructure;
using Xunit;

namespace ContractFirst.Specs.Tests;

/// <summary>The YAML-to-JSON conversion follows the YAML 1.2 core schema, so the readers see the spec's real types.</summary>
public sealed class YamlToJsonTests
{
    [Theory]
    [InlineData("v: '0'", "\"0\"")]
    [InlineData("v: \"1\"", "\"1\"")]
    [InlineData("v: 0", "0")]
    [InlineData("v: -12", "-12")]
    [InlineData("v: 0.1", "0.1")]
    [InlineData("v: 3600000", "3600000")]
    [InlineData("v: 1e3", "1000")]
    [InlineData("v: 0x1A", "26")]
    [InlineData("v: 0o17", "15")]
    [InlineData("v: true", "true")]
    [InlineData("v: False", "false")]
    [InlineData("v: 'true'", "\"true\"")]
    [InlineData("v: yes", "\"yes\"")]
    [InlineData("v: ~", "null")]
    [InlineData("v: null", "null")]
    [InlineData("v:", "null")]
    [InlineData("v: 'null'", "\"null\"")]
    [InlineData("v: 2023-11-07T05:31:56Z", "\"2023-11-07T05:31:56Z\"")]
    [InlineData("v: 1.0.0", "\"1.0.0\"")]
    [InlineData("v: v1", "\"v1\"")]
    [InlineData("v: !!str 12", "\"12\"")]
    [InlineData("v: !!int '12'", "12")]
    [InlineData("v: '#/components/schemas/X'", "\"#/components/schemas/X\"")]
    [InlineData("v: req_01H0…", "\"req_01H0\\u2026\"")]
    public void Scalars_keep_their_YAML_type(string yaml, string json)
    {
        var node = YamlToJson.Convert(yaml)!["v"];

        Assert.Equal(json, node?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Keys_are_strings_even_when_they_look_like_numbers()
    {
        var node = YamlToJson.Convert("responses:\n  201: a\n  '404': b\n")!;

        Assert.Equal("{\"responses\":{\"201\":\"a\",\"404\":\"b\"}}", node.ToJsonString());
    }

    [Fact]
    public void Block_scalars_are_strings_and_folding_joins_lines_with_spaces()
    {
        var node = YamlToJson.Convert("a: >-\n  one\n  two\nb: |\n  12\n")!;

        Assert.Equal("one two", node["a"]!.GetValue<string>());
        Assert.Equal("12\n", node["b"]!.GetValue<string>());
    }

    [Fact]
    public void Sequences_and_flow_collections_become_arrays_and_objects()
    {
        var node = YamlToJson.Convert("enum: [RWO, RWX]\nitems: {type: string}\nlist:\n  - 1\n  - '1'\n")!;

        Assert.Equal("[\"RWO\",\"RWX\"]", node["enum"]!.ToJsonString());
        Assert.Equal("{\"type\":\"string\"}", node["items"]!.ToJsonString());
        Assert.Equal(JsonValueKind.Number, node["list"]![0]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, node["list"]![1]!.GetValueKind());
    }

    [Fact]
    public void Aliases_are_expanded()
    {
        var node = YamlToJson.Convert("a: &x {type: string}\nb: *x\n")!;

        Assert.Equal(node["a"]!.ToJsonString(), node["b"]!.ToJsonString());
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        Assert.ThrowsAny<Exception>(() => YamlToJson.Convert("a: 1\na: 2\n"));
    }

    [Theory]
    [InlineData("v: .inf")]
    [InlineData("v: .nan")]
    public void Values_without_a_JSON_form_are_rejected(string yaml)
    {
        Assert.Throws<FormatException>(() => YamlToJson.Convert(yaml));
    }

    [Fact]
    public void Exactly_one_document_is_required()
    {
        Assert.Throws<FormatException>(() => YamlToJson.Convert("a: 1\n---\nb: 2\n"));
    }
}
