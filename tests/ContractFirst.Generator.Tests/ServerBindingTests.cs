using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// Typed binding of form/multipart bodies, object query parameters and label/matrix paths: the generated binders compile
/// without warnings for the awkward shapes (inherited, read-only, deprecated, nullable, byte and binary arrays, maps,
/// nested objects), and bodies that cannot be bound property by property keep the raw IFormCollection.
/// </summary>
public class ServerBindingTests(ITestOutputHelper output)
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: binding, version: '1'}
        paths:
          /inherited:
            post:
              operationId: inherited
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema: {$ref: '#/components/schemas/Child'}
              responses: {'204': {description: ok}}
          /polymorphic:
            post:
              operationId: polymorphic
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: {$ref: '#/components/schemas/Pet'}
              responses: {'204': {description: ok}}
          /map:
            post:
              operationId: map
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: {type: object, additionalProperties: {type: string}}
              responses: {'204': {description: ok}}
          /query/{code}/{tags}:
            get:
              operationId: query
              parameters:
                - {name: code, in: path, required: true, style: matrix, schema: {type: string, format: uuid}}
                - {name: tags, in: path, required: true, style: label, explode: true, schema: {type: array, items: {type: string, enum: [a, b]}}}
                - {name: deep, in: query, required: true, style: deepObject, explode: true, schema: {$ref: '#/components/schemas/Base'}}
                - {name: flat, in: query, required: true, style: form, explode: false, schema: {$ref: '#/components/schemas/Base'}}
                - {name: json, in: query, content: {application/json: {schema: {$ref: '#/components/schemas/Base'}}}}
              responses: {'204': {description: ok}}
        components:
          schemas:
            Base:
              type: object
              required: [id, version]
              properties:
                id: {type: string, format: uuid}
                version: {type: integer, format: int64, nullable: true}
                created: {type: string, format: date-time, readOnly: true}
            Child:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  required: [old, files]
                  properties:
                    old: {type: string, deprecated: true}
                    files: {type: array, items: {type: string, format: binary}}
                    digest: {type: string, format: byte}
                    meta: {type: object, additionalProperties: {type: integer}}
                    parent: {$ref: '#/components/schemas/Base'}
                    when: {type: string, format: date}
                    ratio: {type: number, format: float, exclusiveMinimum: true, minimum: 0}
            Pet:
              type: object
              required: [kind]
              discriminator: {propertyName: kind}
              properties:
                kind: {type: string}
        """;

    [Fact]
    public void Binders_compile_without_warnings_and_fall_back_where_they_must()
    {
        var result = GeneratorHarness.Run(new[] { new SpecFile("/specs/binding.yaml", Spec, Namespace: "Binding", ClientName: "BindingClient", Generate: "Models;Client;Server") });
        foreach (var d in result.GeneratorDiagnostics.Concat(result.CompileErrors).Concat(result.CompileWarnings)) output.WriteLine(d.ToString());
        Assert.Empty(result.CompileErrors);
        Assert.Empty(result.CompileWarnings);
        var server = result.Sources.Single(s => s.HintName.EndsWith("BindingServerExtensions.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        var api = result.Sources.Single(s => s.HintName.EndsWith("IBindingServer.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("BindChildFields(", server);
        Assert.Contains("BindBaseFields(", server);
        Assert.DoesNotContain("BindPetFields(", server);
        Assert.Contains("InheritedAsync([global::Microsoft.AspNetCore.Mvc.FromForm] global::Binding.Child body", api);
        Assert.Contains("PolymorphicAsync([global::Microsoft.AspNetCore.Mvc.FromForm] global::Microsoft.AspNetCore.Http.IFormCollection? body", api);
        Assert.Contains("MapAsync([global::Microsoft.AspNetCore.Mvc.FromForm] global::Microsoft.AspNetCore.Http.IFormCollection? body", api);
        Assert.Contains("PathStyle(ref raw, \";code=\", null)", server);
        Assert.Contains("PathStyle(ref raw, \".\", \".\")", server);
        Assert.Contains("ServerParsers.Json(global::Binding.BindingClientJson.TypeInfo<global::Binding.Base>())", server); // content: JSON
    }
}
