using System.Reflection;
using System.Text;
using System.Text.Json;
using ContractFirst.Generator.Emit;
using ContractFirst.Generator.Model;
using ContractFirst.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// Issue 14, model and emit: whatever the schemas, nothing escapes the generator, a broken part costs only itself with a
/// located diagnostic, and what is generated compiles with zero warnings. One small spec per class of problem.
/// </summary>
public class ModelRobustnessTests(ITestOutputHelper output)
{
    private const string Path = "/specs/robust.yaml";

    private const string Header = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:

        """;

    private GeneratorHarness.Result Run(string schemas, string generate = "Models;Client;Server")
    {
        var result = GeneratorHarness.Run(new[] { new SpecFile(Path, Header + schemas, Namespace: "Robust", ClientName: "RobustClient", Generate: generate) });
        foreach (var d in result.GeneratorDiagnostics.Concat(result.CompileErrors).Concat(result.CompileWarnings).Take(30)) output.WriteLine(d.ToString());
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CF0007");
        Assert.Empty(result.CompileErrors);
        Assert.Empty(result.CompileWarnings);
        return result;
    }

    /// <summary>The one diagnostic with <paramref name="id"/> whose message contains <paramref name="text"/>, located on the line of <paramref name="lineText"/>.</summary>
    private static Diagnostic AssertLocated(GeneratorHarness.Result result, string schemas, string id, string text, string lineText)
    {
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == id && d.GetMessage().Contains(text, StringComparison.Ordinal));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Path, span.Path);
        var lines = (Header + schemas).Split('\n');
        Assert.Contains(lineText, lines[span.StartLinePosition.Line]);
        return diagnostic;
    }

    private static object Read(Assembly assembly, string typeName, string json)
    {
        var options = (JsonSerializerOptions)assembly.GetType("Robust.RobustClientJson")!.GetProperty("Options")!.GetValue(null)!;
        return JsonSerializer.Deserialize(json, assembly.GetType("Robust." + typeName)!, options)!;
    }

    private static object? Get(object value, string property) => value.GetType().GetProperty(property)!.GetValue(value);

    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Schema_names_that_differ_only_in_case_get_types_and_files_that_differ_ignoring_case()
    {
        const string schemas = """
                CustomHostname: {type: object, properties: {a: {type: string}}}
                Customhostname: {type: object, properties: {b: {type: string}}}
                OrderCreateResponse: {type: object, properties: {c: {type: string}}}
                OrderCreateresponse: {type: object, properties: {d: {type: string}}}
                robustclient: {type: object, properties: {e: {type: string}}}
            """;
        var result = Run(schemas);

        var hints = result.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("Robust.CustomHostname.g.cs", hints);
        Assert.Contains("Robust.Customhostname2.g.cs", hints);
        Assert.Contains("Robust.OrderCreateResponse.g.cs", hints);
        Assert.Contains("Robust.OrderCreateresponse2.g.cs", hints);
        Assert.Contains("Robust.Robustclient2.g.cs", hints); // not the client's RobustClient
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("public string? B", result.Source("Robust.Customhostname2.g.cs"));
    }

    [Fact]
    public void Two_items_with_the_same_namespace_and_names_get_a_diagnostic_naming_both_and_the_second_skips_its_copies()
    {
        var text = Header + "    Pet: {type: object, properties: {name: {type: string}}}\n";
        var result = GeneratorHarness.Run(new[]
        {
            new SpecFile("/specs/b/pets.yaml", text, Namespace: "Shared", ClientName: "PetsClient", Generate: "Models;Client;Server"),
            new SpecFile("/specs/a/pets.yaml", text, Namespace: "Shared", ClientName: "PetsClient", Generate: "Models;Client;Server"),
        });
        foreach (var d in result.GeneratorDiagnostics.Concat(result.CompileErrors).Take(20)) output.WriteLine(d.ToString());

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CF0007");
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CF0009", diagnostic.Id);
        Assert.Contains("/specs/a/pets.yaml", diagnostic.GetMessage()); // the item that keeps them (first by path)
        Assert.Contains("/specs/b/pets.yaml", diagnostic.GetMessage()); // the item that skips them
        Assert.Contains("'Pet'", diagnostic.GetMessage());
        Assert.Equal("/specs/b/pets.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Single(result.Sources, s => s.HintName == "Shared.Pet.g.cs");
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void Two_items_whose_namespaces_differ_only_in_case_both_generate_with_distinct_file_names()
    {
        var text = Header + "    Pet: {type: object, properties: {name: {type: string}}}\n";
        var result = GeneratorHarness.Run(new[]
        {
            new SpecFile("/specs/a.yaml", text, Namespace: "Shared", ClientName: "PetsClient"),
            new SpecFile("/specs/b.yaml", text, Namespace: "shared", ClientName: "PetsClient"),
        });

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains(result.Sources, s => s.HintName == "Shared.Pet.g.cs");
        Assert.Contains(result.Sources, s => s.HintName == "shared.Pet_2.g.cs");
        Assert.Empty(result.CompileErrors);
        Assert.NotNull(result.Output.GetTypeByMetadataName("shared.Pet"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Shared.Pet"));
    }

    [Fact]
    public void A_union_that_contains_itself_compiles_and_reads_without_looping()
    {
        const string schemas = """
                U:
                  oneOf:
                    - $ref: '#/components/schemas/U'
                    - type: string
                Node:
                  type: object
                  properties:
                    next: {$ref: '#/components/schemas/Node'}
                    value: {$ref: '#/components/schemas/U'}
                  required: [value]
            """;
        var result = Run(schemas);
        // The reader breaks the cycle before the model sees it (RefCycles), once, located at the $ref that closes it.
        AssertLocated(result, schemas, "CF0002", "makes 'U' include itself through oneOf", "- $ref: '#/components/schemas/U'");
        Assert.DoesNotContain(result.Sources, s => s.SourceText.ToString().Contains("implicit operator U(U ", StringComparison.Ordinal));

        // What is left of U is a string (its one other branch): the node reads it, and nothing loops.
        var assembly = GeneratorHarness.Load(result.Output);
        var node = Read(assembly, "Node", """{"value": "a", "next": {"value": "b"}}""");
        Assert.NotNull(Get(Get(node, "Next")!, "Value"));
    }

    [Fact]
    public void Unions_that_are_branches_of_each_other_drop_the_branch_that_closes_the_loop()
    {
        const string schemas = """
                U:
                  oneOf: [{$ref: '#/components/schemas/V'}, {type: string}]
                V:
                  oneOf: [{$ref: '#/components/schemas/U'}, {type: integer, format: int64}]
            """;
        var result = Run(schemas);
        Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CF0002" && d.GetMessage().Contains("include itself through oneOf (U → V → U)"));

        // A value that matches no branch ends (V, a union, keeps it as Unmatched) instead of overflowing the stack.
        var assembly = GeneratorHarness.Load(result.Output);
        var u = Read(assembly, "U", "true");
        Assert.NotNull(Get(Get(u, "V")!, "Unmatched"));
        Assert.Equal(5L, Get(Get(Read(assembly, "U", "5"), "V")!, "Int64"));
    }

    [Fact]
    public void An_allOf_that_refers_to_itself_compiles_with_its_own_properties()
    {
        const string schemas = """
                A:
                  allOf:
                    - $ref: '#/components/schemas/A'
                    - type: object
                      properties: {name: {type: string}}
            """;
        var result = Run(schemas);
        AssertLocated(result, schemas, "CF0002", "makes 'A' include itself through allOf (A → A)", "- $ref: '#/components/schemas/A'");

        // What is left is an allOf of one inline object, which generates no type of its own for A: nothing derives from itself.
        Assert.DoesNotContain(result.Output.GetSymbolsWithName("A", SymbolFilter.Type).OfType<INamedTypeSymbol>(), t => t.BaseType?.Name == "A");
    }

    [Fact]
    public void Two_schemas_that_derive_from_each_other_become_one_base_with_every_property()
    {
        const string schemas = """
                A:
                  allOf:
                    - $ref: '#/components/schemas/B'
                    - type: object
                      properties: {pa: {type: string}}
                B:
                  allOf:
                    - $ref: '#/components/schemas/A'
                    - type: object
                      properties: {pb: {type: integer}}
            """;
        var result = Run(schemas);
        AssertLocated(result, schemas, "CF0002", "makes 'B' include itself through allOf (A → B → A)", "- $ref: '#/components/schemas/A'");

        var a = result.Output.GetTypeByMetadataName("Robust.A")!;
        var b = result.Output.GetTypeByMetadataName("Robust.B")!;
        // B's entry that closes the loop is left out: B is an allOf of one object, which A takes in whole, with its own.
        Assert.Equal("Object", a.BaseType!.Name);
        Assert.Equal(new[] { "Pa", "Pb" }, a.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).Where(n => n.StartsWith('P')).OrderBy(n => n));
        _ = b;

        var assembly = GeneratorHarness.Load(result.Output);
        var value = Read(assembly, "A", """{"pa": "x", "pb": 2}""");
        Assert.Equal("x", Get(value, "Pa"));
        Assert.Equal(2L, Convert.ToInt64(Get(value, "Pb")));
    }

    [Fact]
    public void AllOf_parts_that_give_a_property_different_types_compile_and_the_conflict_is_reported_once_where_it_is()
    {
        const string schemas = """
                B: {type: object, properties: {x: {type: string}, o: {type: object, properties: {p: {type: string}}}}}
                C: {type: object, properties: {x: {type: integer}, o: {type: object, properties: {q: {type: integer}}}}}
                Flat:
                  allOf:
                    - $ref: '#/components/schemas/B'
                    - $ref: '#/components/schemas/C'
                Base:
                  type: object
                  properties:
                    child: {$ref: '#/components/schemas/Derived'}
                    x: {type: string}
                    o: {type: object, properties: {p: {type: string}}}
                Derived:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      properties: {x: {type: integer}, o: {type: object, properties: {q: {type: integer}}}}
            """;
        var result = Run(schemas);

        // Flattened: the first part's type is kept. Inherited: the base's, even though Derived was built while Base was
        // half built (Base refers to Derived before it names x).
        AssertLocated(result, schemas, "CF0010", "property 'x' of 'Flat' is number here but string", "- $ref: '#/components/schemas/C'");
        AssertLocated(result, schemas, "CF0010", "property 'x' of 'Derived' is number here but string", "properties: {x: {type: integer}");
        Assert.Equal(2, result.GeneratorDiagnostics.Count(d => d.Id == "CF0010"));

        Assert.Equal("string", ((IPropertySymbol)result.Output.GetTypeByMetadataName("Robust.Flat")!.GetMembers("X").Single()).Type.ToDisplayString().TrimEnd('?'));
        var derived = result.Output.GetTypeByMetadataName("Robust.Derived")!;
        Assert.Empty(derived.GetMembers("X"));
        Assert.Empty(derived.GetMembers("O"));

        var assembly = GeneratorHarness.Load(result.Output);
        var value = Read(assembly, "Derived", """{"x": "s", "o": {"p": "q"}}""");
        Assert.Equal("s", Get(value, "X"));
    }

    [Fact]
    public void A_schema_in_two_discriminated_unions_compiles_and_both_read_it()
    {
        const string schemas = """
                Cat: {type: object, required: [kind], properties: {kind: {type: string}, meow: {type: string}}}
                Dog: {type: object, required: [kind], properties: {kind: {type: string}, bark: {type: string}}}
                Bird: {type: object, required: [kind], properties: {kind: {type: string}, tweet: {type: string}}}
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                  discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog'}}
                Animal:
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Bird'}]
                  discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat', bird: '#/components/schemas/Bird'}}
                Creature:
                  type: object
                  required: [kind]
                  properties: {kind: {type: string}}
                  discriminator:
                    propertyName: kind
                    mapping: {cat: '#/components/schemas/Cat'}
                Swimmer: {type: object, required: [kind], properties: {kind: {type: string}}}
                Fish:
                  allOf: [{$ref: '#/components/schemas/Swimmer'}, {type: object, properties: {fins: {type: integer}}}]
                Sea:
                  oneOf: [{$ref: '#/components/schemas/Fish'}, {$ref: '#/components/schemas/Bird'}]
                  discriminator: {propertyName: kind}
            """;
        var result = Run(schemas);

        // Sea is a union record too (Fish extends Swimmer), as documented: that is no conflict.
        Assert.Equal(2, result.GeneratorDiagnostics.Count(d => d.Id == "CF0010"));
        AssertLocated(result, schemas, "CF0010", "'Cat' already derives from 'Pet'", "oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Bird'}]");
        AssertLocated(result, schemas, "CF0010", "maps 'cat' to 'Cat', which does not derive from 'Creature'", "mapping: {cat: '#/components/schemas/Cat'}");

        var assembly = GeneratorHarness.Load(result.Output);
        Assert.Equal("Cat", Read(assembly, "Pet", """{"kind": "cat", "meow": "m"}""").GetType().Name);
        var animal = Read(assembly, "Animal", """{"kind": "cat", "meow": "m"}""");
        Assert.Equal("m", Get(Get(animal, "Cat")!, "Meow"));
        Assert.Equal("t", Get(Get(Read(assembly, "Animal", """{"kind": "bird", "tweet": "t"}"""), "Bird")!, "Tweet"));
        Assert.NotNull(Get(Read(assembly, "Sea", """{"kind": "Fish", "fins": 2}"""), "Fish"));
    }

    [Fact]
    public void A_discriminated_union_with_no_case_to_dispatch_has_no_empty_switch()
    {
        const string schemas = """
                U:
                  oneOf:
                    - {type: object, properties: {kind: {type: string}, a: {type: string}}}
                    - {type: object, properties: {kind: {type: string}, b: {type: integer}}}
                  discriminator: {propertyName: kind}
            """;
        var result = Run(schemas); // zero warnings: no CS1522
        var json = result.Source("Robust.RobustClientJson.g.cs");
        var converter = json.Substring(json.IndexOf("class UConverter", StringComparison.Ordinal));
        Assert.DoesNotContain("DiscriminatorOf(", converter.Substring(0, converter.IndexOf("public override void Write", StringComparison.Ordinal)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Depth: the reader caps nesting, but the model builder bounds its own recursion too (a document built in memory).

    private static (SpecModel Model, List<DiagnosticInfo> Diagnostics) BuildOnSmallStack(string text, Action<OpenApiDocument>? edit = null)
    {
        SpecModel? model = null;
        Exception? error = null;
        var diagnostics = new List<DiagnosticInfo>();
        // 1 MB, the smallest stack a generator may get (a thread pool thread on Windows): a recursion that is not bounded
        // by the builder itself overflows it and the test host dies, which fails the run.
        var thread = new Thread(() =>
        {
            try
            {
                var loader = new SpecLoader("/specs/deep.json", text, new Dictionary<string, string>(), diagnostics);
                var document = loader.Load()!;
                edit?.Invoke(document);
                model = new ModelBuilder(document, loader, "deep.json").Build("Deep", "DeepClient", GenerateKinds.Models);
            }
            catch (Exception ex)
            {
                error = ex;
            }
        }, maxStackSize: 1 << 20);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromMinutes(2)), "the model builder did not finish");
        Assert.Null(error);
        return (model!, diagnostics);
    }

    [Fact]
    public void Nesting_a_thousand_levels_deep_built_directly_into_the_model_builder_is_bounded_and_compiles()
    {
        const int Levels = 1000;
        const string text = """{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {"Seed": {"type": "object", "properties": {"a": {"type": "string"}}}}}}""";
        var (model, diagnostics) = BuildOnSmallStack(text, document =>
        {
            IOpenApiSchema properties = new OpenApiSchema { Type = JsonSchemaType.String };
            IOpenApiSchema items = new OpenApiSchema { Type = JsonSchemaType.String };
            IOpenApiSchema allOf = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["last"] = new OpenApiSchema { Type = JsonSchemaType.String } } };
            IOpenApiSchema oneOf = new OpenApiSchema { Type = JsonSchemaType.String };
            for (var i = 0; i < Levels; i++)
            {
                properties = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["c"] = properties } };
                items = new OpenApiSchema { Type = JsonSchemaType.Array, Items = items };
                allOf = new OpenApiSchema { AllOf = new List<IOpenApiSchema> { allOf, new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["p" + i] = new OpenApiSchema { Type = JsonSchemaType.Integer } } } } };
                oneOf = new OpenApiSchema { OneOf = new List<IOpenApiSchema> { oneOf, new OpenApiSchema { Type = JsonSchemaType.Boolean } } };
            }

            var schemas = document.Components!.Schemas!;
            schemas["Properties"] = properties;
            schemas["Items"] = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["items"] = items } };
            schemas["AllOf"] = allOf;
            schemas["OneOf"] = oneOf;
        });

        // Each nesting is cut at the bound, once per place (allOf and oneOf have two parts there), with a located CF0005;
        // the rest of the spec is there.
        var deep = diagnostics.Where(d => d.Id == "CF0005").ToList();
        Assert.All(new[] { "Properties", "Items", "AllOf", "OneOf" }, name => Assert.Contains(deep, d => d.Arguments[0].StartsWith("#/components/schemas/" + name + "/", StringComparison.Ordinal)));
        Assert.InRange(deep.Count, 4, 8);
        Assert.All(deep, d => Assert.Contains("deeper than " + ModelBuilder.MaxDepth, d.Arguments[1]));
        Assert.All(deep, d => Assert.Equal("/specs/deep.json", d.FilePath));
        Assert.Contains(model.Types, t => t.Name == "Seed");
        Assert.Contains(model.Types, t => t.Name == "Properties");
        Assert.InRange(model.Types.Count, 4, 4 * ModelBuilder.MaxDepth);

        var sources = model.Types.Select(t => ModelEmitter.Emit(model, t)).Append(new JsonEmitter(model).Emit()).Append(SchemaEmitter.Emit(model)).ToArray();
        var compilation = GeneratorHarness.CreateCompilation(sources);
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(10).ToList();
        foreach (var d in problems) output.WriteLine(d.ToString());
        Assert.Empty(problems);
    }

    [Fact]
    public void Chains_of_a_thousand_references_and_bases_are_built_whole_without_deep_recursion()
    {
        const int Length = 1000;
        var text = new StringBuilder("""{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {""");
        for (var i = 0; i < Length; i++)
        {
            // C0 -> C1 -> ... by a property; A0 : A1 : ... by allOf.
            var next = i + 1 < Length ? "{\"$ref\": \"#/components/schemas/C" + (i + 1) + "\"}" : "{\"type\": \"string\"}";
            text.Append("\"C" + i + "\": {\"type\": \"object\", \"properties\": {\"next\": " + next + "}},");
            var own = "{\"type\": \"object\", \"properties\": {\"a" + i + "\": {\"type\": \"string\"}}}";
            text.Append(i + 1 < Length
                ? "\"A" + i + "\": {\"allOf\": [{\"$ref\": \"#/components/schemas/A" + (i + 1) + "\"}, " + own + "]},"
                : "\"A" + i + "\": " + own + ",");
        }

        text.Length--;
        text.Append("}}}");
        var (model, diagnostics) = BuildOnSmallStack(text.ToString());

        Assert.Empty(diagnostics);
        var objects = model.Types.OfType<ObjectModel>().ToDictionary(t => t.Name);
        Assert.Equal(2 * Length, objects.Count);
        for (var i = 0; i + 1 < Length; i++)
        {
            Assert.Equal("C" + (i + 1), Assert.Single(objects["C" + i].Properties).Type.Name);
            Assert.Equal("A" + (i + 1), objects["A" + i].BaseType);
            Assert.Equal("a" + i, Assert.Single(objects["A" + i].Properties).WireName);
        }
    }
}
