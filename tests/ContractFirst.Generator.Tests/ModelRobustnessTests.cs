using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

public class ModelRobustnessTests(ITestOutputHelper output)
{
    private GeneratorHarness.Result Run(string yaml, string generate = "Models;Client;Server")
    {
        var result = GeneratorHarness.Run(new[] { new SpecFile("/specs/robust.yaml", yaml, Namespace: "Robust", ClientName: "RobustClient", Generate: generate) });
        foreach (var d in result.GeneratorDiagnostics.Concat(result.CompileErrors).Concat(result.CompileWarnings).Take(30)) output.WriteLine(d.ToString());
        return result;
    }

    private const string Header = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:

        """;

    [Theory]
    [InlineData("case", """
            CustomHostname: {type: object, properties: {a: {type: string}}}
            Customhostname: {type: object, properties: {b: {type: string}}}
        """)]
    [InlineData("selfunion", """
            U:
              oneOf:
                - $ref: '#/components/schemas/U'
                - type: string
        """)]
    [InlineData("selfallof", """
            A:
              allOf:
                - $ref: '#/components/schemas/A'
                - type: object
                  properties: {a: {type: string}}
        """)]
    [InlineData("cycleallof", """
            A:
              allOf:
                - $ref: '#/components/schemas/B'
                - type: object
                  properties: {a: {type: string}}
            B:
              allOf:
                - $ref: '#/components/schemas/A'
                - type: object
                  properties: {b: {type: string}}
        """)]
    [InlineData("conflict", """
            B: {type: object, properties: {x: {type: string}, o: {type: object, properties: {p: {type: string}}}}}
            C: {type: object, properties: {x: {type: integer}, o: {type: object, properties: {q: {type: integer}}}}}
            A:
              allOf:
                - $ref: '#/components/schemas/B'
                - $ref: '#/components/schemas/C'
            D:
              allOf:
                - $ref: '#/components/schemas/B'
                - type: object
                  properties: {x: {type: integer}, o: {type: object, properties: {q: {type: integer}}}}
        """)]
    [InlineData("twounions", """
            Cat: {type: object, properties: {kind: {type: string}, meow: {type: string}}}
            Dog: {type: object, properties: {kind: {type: string}, bark: {type: string}}}
            Bird: {type: object, properties: {kind: {type: string}, tweet: {type: string}}}
            Pet:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
              discriminator: {propertyName: kind}
            Animal:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Bird'}]
              discriminator: {propertyName: kind}
            Base:
              type: object
              properties: {kind: {type: string}}
              discriminator:
                propertyName: kind
                mapping: {cat: '#/components/schemas/Cat', bird: '#/components/schemas/Bird'}
        """)]
    [InlineData("emptyswitch", """
            U:
              oneOf: [{type: object, properties: {kind: {type: string}}}, {type: object, properties: {kind: {type: string}, b: {type: integer}}}]
              discriminator: {propertyName: kind}
        """)]
    [InlineData("order", """
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
        """)]
    [InlineData("unioncycle", """
            U:
              oneOf: [{$ref: '#/components/schemas/V'}, {type: string}]
            V:
              oneOf: [{$ref: '#/components/schemas/U'}, {type: integer}]
        """)]
    public void Repro(string name, string schemas)
    {
        var result = Run(Header + schemas);
        output.WriteLine(name);
        foreach (var s in result.Sources) { output.WriteLine("== " + s.HintName); }
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CF0007");
        Assert.Empty(result.CompileErrors);
        Assert.Empty(result.CompileWarnings);
    }
}
