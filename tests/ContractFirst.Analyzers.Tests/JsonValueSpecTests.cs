using System;
using System.Linq;
using System.Threading.Tasks;
using ContractFirst.Analyzers.Tests.Infrastructure;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>
/// End to end through the real generator: <c>const</c>, enums of numbers and booleans, and constraints on
/// <c>items</c> and <c>additionalProperties</c> in an OpenAPI 3.1 document reach the analyzer through the attributes
/// on models and on client parameters.
/// </summary>
public sealed class JsonValueSpecTests
{
    private const string Spec31 = """
        openapi: 3.1.0
        info: { title: Gadgets, version: "1" }
        paths:
          /gadgets:
            get:
              operationId: listGadgets
              parameters:
                - name: tags
                  in: query
                  schema:
                    type: array
                    maxItems: 3
                    items: { type: string, maxLength: 8 }
                - name: ratio
                  in: query
                  schema: { type: number, enum: [1.5, 2] }
                - name: version
                  in: query
                  schema: { type: string, const: v1 }
              responses:
                "204": { description: done }
        components:
          schemas:
            Envelope:
              type: object
              properties:
                kind: { type: string, const: A }
                version: { type: integer, const: 2 }
                enabled: { type: boolean, const: true }
                label: { type: string, const: "1" }
                ratio: { type: number, enum: [1.5, 2] }
                flag: { type: [boolean, "null"], enum: [true, null] }
                tags:
                  type: array
                  maxItems: 4
                  items: { type: string, maxLength: 8, pattern: "^[a-z]+$" }
                scores:
                  type: array
                  items: { type: number, minimum: 0, maximum: 10, multipleOf: 0.5 }
                levels:
                  type: array
                  items: { type: number, enum: [0.5, 1] }
                limits:
                  type: object
                  additionalProperties: { type: integer, format: int64, maximum: 100 }
                matrix:
                  type: array
                  items: { type: array, maxItems: 2, items: { type: integer, maximum: 9 } }
                colors:
                  type: array
                  items: { type: string, enum: [red, green], const: red }
        """;

    private static TestProject Project(string text, string file = "/specs/gadgets.yaml") => new()
    {
        IncludeFixtures = false,
        Specs = { new SpecFile(file, text, "Gadgets", "GadgetsClient") },
    };

    [GeneratorFact]
    public async Task Const_enum_and_item_constraints_come_from_the_spec()
    {
        var diagnostics = await VerifyAsync("""
            using System.Collections.Generic;
            using Gadgets;
            class C
            {
                void M(Envelope e, bool flag)
                {
                    e.Kind = flag ? "A" : {|CF1010:"Z"|};
                    e.Version = {|CF1010:3|};
                    e.Version = 2;
                    e.Enabled = {|CF1010:false|};
                    e.Label = "1";
                    e.Label = {|CF1010:"01"|};
                    e.Ratio = {|CF1002:1.7|};
                    e.Ratio = 2.0;
                    e.Flag = {|CF1002:false|};
                    e.Flag = null;
                    e.Tags = ["ok", {|CF1005:"toolongtag"|}, {|CF1004:"Bad"|}];
                    e.Scores = [0, 9.5, {|CF1001:0.7|}, {|CF1003:11|}];
                    e.Levels = [1.0, 0.5, {|CF1002:2|}];
                    e.Limits = new Dictionary<string, long> { ["a"] = 100, ["b"] = {|CF1003:101|} };
                    e.Matrix = [[1, {|CF1003:10|}], {|CF1006:[1, 2, 3]|}];
                    e.Colors = ["red", {|CF1010:"green"|}, {|CF1002:{|CF1010:"blue"|}|}, EnvelopeColorsItem.Red];
                }
            }
            """, Project(Spec31));

        Assert.Equal("'Z' is not the value that the spec requires for 'Kind' ('A')", diagnostics[0].GetMessage());
        Assert.Equal("'01' is not the value that the spec requires for 'Label' ('1')", diagnostics[3].GetMessage());
        Assert.Equal("1.7 is not one of the values that the spec allows for 'Ratio' (1.5, 2) (nearest allowed value: 1.5)", diagnostics[4].GetMessage());
    }

    [GeneratorFact]
    public async Task Client_parameters_carry_const_enum_and_item_constraints() => await VerifyAsync("""
        using Gadgets;
        class C
        {
            void M(GadgetsClient client, bool flag)
            {
                _ = client.ListGadgetsAsync(tags: ["abc", {|CF1005:"toolongtag"|}], ratio: {|CF1002:3|}, version: flag ? "v1" : {|CF1010:"v2"|});
                _ = client.ListGadgetsAsync(tags: {|CF1006:["a", "b", "c", "d"]|});
                _ = client.ListGadgetsAsync(tags: ["abc"], ratio: 1.5, version: "v1");
            }
        }
        """, Project(Spec31));

    [GeneratorFact]
    public void The_generated_attributes_say_it_in_json_and_item_depths()
    {
        var compilation = TestCompilation.Create(Project(Spec31));
        var generated = string.Join(Environment.NewLine, compilation.SyntaxTrees.Select(tree => tree.ToString()));
        const string C = "Cf."; // model files write ContractFirst.Constraints through this alias (issue #13)
        Assert.Contains("using Cf = global::ContractFirst.Constraints;", generated, StringComparison.Ordinal);
        Assert.Contains($"[{C}Const(\"\\\"A\\\"\")]", generated, StringComparison.Ordinal);
        Assert.Contains($"[{C}Const(\"\\\"1\\\"\")]", generated, StringComparison.Ordinal);
        Assert.Contains($"[{C}Const(\"2\")]", generated, StringComparison.Ordinal);
        Assert.Contains($"[{C}Const(\"true\")]", generated, StringComparison.Ordinal);
        Assert.Contains($"[{C}AllowedJsonValues(\"true\", \"null\")]", generated, StringComparison.Ordinal);
        Assert.Contains($"[{C}AllowedJsonValues(\"0.5\", \"1\", ItemDepth = 1)]", generated, StringComparison.Ordinal);
        Assert.Contains($"[{C}MaxLength(8, ItemDepth = 1)]", generated, StringComparison.Ordinal);
        Assert.Contains($"[{C}MaxItems(2, ItemDepth = 1)]", generated, StringComparison.Ordinal);
        Assert.Contains($"[{C}Maximum(\"9\", ItemDepth = 2)]", generated, StringComparison.Ordinal);
    }

    [GeneratorFact]
    public async Task Const_is_not_a_keyword_of_openapi_3_0()
    {
        // OpenAPI 3.0 schemas follow JSON Schema draft 4/5, which has no const: the server ignores it, so must the analyzer.
        var diagnostics = await VerifyAsync("""
            using Gadgets;
            class C
            {
                void M(Envelope e)
                {
                    e.Kind = "Z";
                    e.Ratio = {|CF1002:1.7|};
                }
            }
            """, Project(Spec31.Replace("openapi: 3.1.0", "openapi: 3.0.3", StringComparison.Ordinal)
                .Replace("type: [boolean, \"null\"]", "type: boolean, nullable: true", StringComparison.Ordinal)));

        Assert.Single(diagnostics);
    }
}
