using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// The $ref layer (issue 14): path items and operations that are external refs, JSON pointers to anything in a
/// document (not only components/schemas/X), ref-only and allOf cycles, and dangling refs located at the ref and
/// reported once per distinct target.
/// </summary>
public class RefResolutionTests(ITestOutputHelper output)
{
    private GeneratorHarness.Result Run(params SpecFile[] specs)
    {
        var result = GeneratorHarness.Run(specs);
        foreach (var d in result.GeneratorDiagnostics.Concat(result.CompileErrors).Take(40)) output.WriteLine(d.ToString());
        foreach (var s in result.Sources) output.WriteLine("generated: " + s.HintName);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CF0007");
        Assert.Empty(result.CompileErrors);
        return result;
    }

    private static SpecFile Root(string yaml, string path = "/specs/api.yaml") => new(path, yaml, Namespace: "Refs", ClientName: "RefsClient", Generate: "Models;Client");

    private static SpecFile Listed(string path, string yaml) => new(path, yaml, Generate: "None");

    private static INamedTypeSymbol Type(GeneratorHarness.Result result, string name)
        => result.Output.GetTypeByMetadataName("Refs." + name) ?? throw new Xunit.Sdk.XunitException("no type Refs." + name);

    private static string PropertyType(GeneratorHarness.Result result, string type, string property)
        => Type(result, type).GetMembers(property).OfType<IPropertySymbol>().Single().Type.ToDisplayString();

    private static IMethodSymbol Method(GeneratorHarness.Result result, string name)
        => Type(result, "RefsClient").GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault()
           ?? throw new Xunit.Sdk.XunitException("no method " + name + "; the client has " + string.Join(", ", Type(result, "RefsClient").GetMembers().Select(m => m.Name)));

    private const string Info = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

    [Fact]
    public void A_path_item_that_is_a_ref_into_another_file_keeps_its_operations()
    {
        var result = Run(
            Root(Info + """
                paths:
                  /endpoint:
                    $ref: 'endpoints.yaml#/components/endpoints/~1endpoint'
                """),
            Listed("/specs/endpoints.yaml", """
                components:
                  endpoints:
                    /endpoint:
                      get:
                        operationId: getEndpoint
                        parameters:
                          - {name: limit, in: query, schema: {type: integer, format: int32}}
                        responses:
                          '200':
                            description: ok
                            content:
                              application/json:
                                schema: {$ref: '#/components/schemas/Thing'}
                  schemas:
                    Thing: {type: object, properties: {name: {type: string}}}
                """));

        Assert.Empty(result.GeneratorDiagnostics);
        var method = Method(result, "GetEndpointAsync");
        Assert.Contains("Refs.Thing", method.ReturnType.ToDisplayString());
        Assert.Equal("limit", method.Parameters[0].Name);
        Assert.Equal("string?", PropertyType(result, "Thing", "Name"));
    }

    [Fact]
    public void A_split_spec_whose_operations_are_refs_to_files_generates_every_operation()
    {
        var result = Run(
            Root(Info + """
                paths:
                  /things:
                    get: {$ref: 'resources/things/things_list.yml'}
                    post: {$ref: 'resources/things/things_create.yml'}
                  /things/{id}:
                    $ref: 'resources/things/thing.yml'
                """, "/specs/openapi.yaml"),
            Listed("/specs/resources/things/things_list.yml", """
                operationId: listThings
                parameters:
                  - $ref: '../../parameters/limit.yml'
                responses:
                  '200':
                    description: ok
                    content:
                      application/json:
                        schema:
                          type: array
                          items: {$ref: '../../models/thing.yml'}
                """),
            Listed("/specs/resources/things/things_create.yml", """
                operationId: createThing
                requestBody:
                  required: true
                  content:
                    application/json:
                      schema: {$ref: '../../models/thing.yml'}
                responses:
                  '201':
                    description: created
                    content:
                      application/json:
                        schema: {$ref: '../../models/thing.yml'}
                """),
            Listed("/specs/resources/things/thing.yml", """
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '../../models/thing.yml'}
                """),
            Listed("/specs/parameters/limit.yml", "name: limit\nin: query\nschema: {type: integer, format: int32, maximum: 100}\n"),
            Listed("/specs/models/thing.yml", "type: object\nrequired: [id]\nproperties:\n  id: {type: string}\n  parent: {$ref: 'thing.yml'}\n"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("Refs.Thing", Method(result, "ListThingsAsync").ReturnType.ToDisplayString());
        Assert.Equal("int?", Method(result, "ListThingsAsync").Parameters[0].Type.ToDisplayString());
        Assert.Equal("Refs.Thing", Method(result, "CreateThingAsync").Parameters[0].Type.ToDisplayString());
        Assert.Equal("id", Method(result, "GetThingAsync").Parameters[0].Name);
        // The model file refers to itself: recursion, one type.
        Assert.Equal("Refs.Thing?", PropertyType(result, "Thing", "Parent"));
    }

    [Fact]
    public void A_pointer_into_a_responses_oneOf_keeps_the_type()
    {
        var result = Run(Root(Info + """
            paths: {}
            components:
              responses:
                Result:
                  description: ok
                  content:
                    application/json:
                      schema:
                        oneOf:
                          - type: object
                            properties: {count: {type: integer, format: int32}}
                          - {type: string}
              schemas:
                Holder:
                  type: object
                  properties:
                    first: {$ref: '#/components/responses/Result/content/application~1json/schema/oneOf/0'}
                    again: {$ref: '#/components/responses/Result/content/application~1json/schema/oneOf/0'}
            """));

        Assert.Empty(result.GeneratorDiagnostics);
        var first = PropertyType(result, "Holder", "First");
        Assert.NotEqual("System.Text.Json.JsonElement?", first);
        Assert.Equal(first, PropertyType(result, "Holder", "Again"));
        var hoisted = Type(result, first.TrimEnd('?').Substring("Refs.".Length));
        Assert.Equal("int?", hoisted.GetMembers("Count").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
    }

    [Fact]
    public void A_pointer_through_an_empty_name_follows_rfc_6901()
    {
        // "/x-defs//inner" is three tokens, the middle one the key "" (RFC 6901); skipping it would miss the target.
        var result = Run(Root(Info + """
            paths: {}
            x-defs:
              '':
                inner: {type: integer, format: int32, maximum: 5}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    n: {$ref: '#/x-defs//inner'}
            """));

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CF0006");
        Assert.Equal("int?", PropertyType(result, "Holder", "N"));
    }

    [Fact]
    public void A_pointer_into_a_parameters_schema_keeps_the_enum()
    {
        var result = Run(Root(Info + """
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - $ref: '#/components/parameters/Sort'
                    - {name: limit, in: query, schema: {type: integer, format: int32, maximum: 50}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Query'}
            components:
              parameters:
                Sort:
                  name: sort
                  in: query
                  schema: {type: string, enum: [asc, desc]}
              schemas:
                Query:
                  type: object
                  properties:
                    sort: {$ref: '#/components/parameters/Sort/schema'}
                    limit: {$ref: '#/paths/~1items/get/parameters/1/schema'}
            """));

        Assert.Empty(result.GeneratorDiagnostics);
        var sort = PropertyType(result, "Query", "Sort");
        Assert.NotEqual("System.Text.Json.JsonElement?", sort);
        Assert.True(Type(result, sort.TrimEnd('?').Substring("Refs.".Length)).IsValueType, sort + " should be an open enum");
        // The parameter itself uses the same type as the property that points at its schema.
        Assert.Equal(sort, Method(result, "ListItemsAsync").Parameters[0].Type.ToDisplayString());
        Assert.Equal("int?", PropertyType(result, "Query", "Limit"));
        Assert.Equal("int?", Method(result, "ListItemsAsync").Parameters[1].Type.ToDisplayString());
    }

    [Fact]
    public void A_schema_that_is_only_a_ref_to_itself_is_located_and_the_rest_generates()
    {
        var yaml = Info + """
            paths: {}
            components:
              schemas:
                Loop: {$ref: '#/components/schemas/Loop'}
                Ping: {$ref: '#/components/schemas/Pong'}
                Pong: {$ref: '#/components/schemas/Ping'}
                Holder:
                  type: object
                  properties:
                    loop: {$ref: '#/components/schemas/Loop'}
                    ping: {$ref: '#/components/schemas/Ping'}
                    name: {type: string}
            """;
        var result = Run(Root(yaml));

        Assert.Equal("string?", PropertyType(result, "Holder", "Name"));
        Assert.Equal("System.Text.Json.JsonElement?", PropertyType(result, "Holder", "Loop"));
        var warnings = result.GeneratorDiagnostics.Where(d => d.Id != "CF0007").ToList();
        Assert.Equal(2, warnings.Count); // one per cycle
        Assert.All(warnings, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        var lines = yaml.Split('\n');
        Assert.Contains(warnings, d => lines[d.Location.GetLineSpan().StartLinePosition.Line].Contains("Loop: {$ref"));
        Assert.Contains(warnings, d => lines[d.Location.GetLineSpan().StartLinePosition.Line].Contains("Ping: {$ref") || lines[d.Location.GetLineSpan().StartLinePosition.Line].Contains("Pong: {$ref"));
    }

    [Fact]
    public void A_cycle_through_allOf_or_oneOf_is_cut_with_a_warning_not_an_error()
    {
        var result = Run(Root(Info + """
            paths: {}
            components:
              schemas:
                Node:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      properties:
                        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                Base:
                  allOf:
                    - $ref: '#/components/schemas/Node'
                    - type: object
                      required: [id]
                      properties:
                        id: {type: string}
                Self:
                  allOf:
                    - $ref: '#/components/schemas/Self'
                    - type: object
                      properties:
                        name: {type: string}
                    - type: object
                      properties:
                        tag: {type: string}
                Union:
                  oneOf:
                    - $ref: '#/components/schemas/Union'
                    - {type: object, properties: {a: {type: string}}}
                    - {type: object, properties: {b: {type: integer}}}
            """));

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("string?", PropertyType(result, "Self", "Name"));
        Assert.Equal("string?", PropertyType(result, "Self", "Tag"));
        var node = Type(result, "Node");
        Assert.Contains("Children", node.GetMembers().Concat(node.BaseType!.GetMembers()).Select(m => m.Name));
        Assert.Equal(3, result.GeneratorDiagnostics.Count(d => d.Id == "CF0002")); // one per cycle, at the ref that closes it
        Assert.Contains(result.GeneratorDiagnostics, d => d.GetMessage().Contains("'Union' include itself through oneOf"));
    }

    [Fact]
    public void Dangling_refs_are_located_at_the_ref_and_reported_once_per_target()
    {
        var properties = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"        p{i}: {{$ref: '#/components/schemas/Missing'}}"));
        var yaml = Info + """
            paths: {}
            x-internal:
              anything: {$ref: '#/components/schemas/NotThereEither'}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    deep: {$ref: '#/components/parameters/Nope/schema'}

            """ + properties + "\n" + """
                Other:
                  type: object
                  properties:
                    again: {$ref: '#/components/schemas/Missing'}
                    far: {$ref: 'other.yaml#/Far'}
                    farAgain: {$ref: 'other.yaml#/Far'}
            """;
        var result = Run(Root(yaml));

        var lines = yaml.Split('\n');
        var diagnostics = result.GeneratorDiagnostics;
        Assert.All(diagnostics, d =>
        {
            var span = d.Location.GetLineSpan();
            Assert.Equal("/specs/api.yaml", span.Path);
            Assert.Contains("$ref", lines[span.StartLinePosition.Line]);
        });
        Assert.Single(diagnostics, d => d.GetMessage().Contains("#/components/schemas/Missing"));
        Assert.Contains("p0:", lines[diagnostics.Single(d => d.GetMessage().Contains("#/components/schemas/Missing")).Location.GetLineSpan().StartLinePosition.Line]);
        Assert.Single(diagnostics, d => d.GetMessage().Contains("Nope"));
        Assert.Single(diagnostics, d => d.Id == "CF0003" && d.GetMessage().Contains("other.yaml"));
        Assert.DoesNotContain(diagnostics, d => d.GetMessage().Contains("NotThereEither"));
        Assert.Equal(3, diagnostics.Length);
        Assert.Equal("System.Text.Json.JsonElement?", PropertyType(result, "Holder", "P39"));
    }

    [Fact]
    public void A_dangling_ref_inside_a_listed_file_is_located_in_that_file()
    {
        var other = "Pet:\n  type: object\n  properties:\n    owner: {$ref: '#/Owner'}\n";
        var result = Run(
            Root(Info + "paths: {}\ncomponents:\n  schemas:\n    Holder: {type: object, properties: {pet: {$ref: 'common/pet.yaml#/Pet'}}}\n"),
            Listed("/specs/common/pet.yaml", other));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/common/pet.yaml", span.Path);
        Assert.Equal(3, span.StartLinePosition.Line);
    }

    [Fact]
    public void Files_are_found_by_quoted_refs_with_spaces_and_json_escapes()
    {
        const string json = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
             "components": {"schemas": {"Holder": {"type": "object", "properties": {
               "pet": {"$ref": "common\/my pet.json#/Pet"},
               "owner": {"$ref" : "common/owner.json"}}}}}}
            """;
        var result = Run(
            Root(json, "/specs/api.json"),
            Listed("/specs/common/my pet.json", """{"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}"""),
            Listed("/specs/common/owner.json", """{"type": "object", "properties": {"id": {"type": "integer", "format": "int64"}}}"""));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal("Refs.Pet?", PropertyType(result, "Holder", "Pet"));
        Assert.Equal("Refs.Owner?", PropertyType(result, "Holder", "Owner"));
    }
}
