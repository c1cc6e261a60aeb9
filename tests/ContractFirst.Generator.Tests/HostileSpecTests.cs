using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// Nothing in a spec can inject code (compare GHSA-3fhm-p725-h3g3 in a peer generator): names, descriptions, defaults,
/// patterns, enum values and examples are escaped or sanitised, and odd names still give compiling code.
/// </summary>
public class HostileSpecTests(ITestOutputHelper output)
{
    private const string Payload = "\"; } } public static class Injected { public static void Run() { System.Environment.Exit(66); } } /*";

    private static readonly string HostileSpec = """
        openapi: 3.0.3
        info:
          title: 'Hostile */ #error boom'
          version: '1'
          description: "</summary><script>alert(1)</script>\n#error injected\n*/ class Injected {}"
        paths:
          '/items/{id"}':
            get:
              operationId: 'get"Items(); Injected.Run(); //'
              summary: "*/ public class Injected {} /*"
              parameters:
                - name: 'id"}'
                  in: path
                  required: true
                  schema: {type: string, pattern: 'PAYLOAD'}
                - name: "x\" + Injected.Run() + \""
                  in: query
                  schema: {type: string, default: 'PAYLOAD'}
              responses:
                '200':
                  description: "\u2028#error line separator"
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Evil"Name'}
        components:
          schemas:
            'Evil"Name':
              type: object
              description: "\u2029 */ } class Injected { } /* \r\n #pragma warning disable"
              required: ['"; Injected.Run(); "']
              properties:
                '"; Injected.Run(); "':
                  type: string
                  default: "\\\"; Injected.Run(); //"
                  example: "*/ Injected.Run(); /*"
                '$special[model.name]': {type: string, pattern: '^\d+"$'}
                '1stPlace': {type: integer}
                class: {type: string}
                '名前': {type: string}
                '': {type: string}
                kind:
                  type: string
                  enum: ['"; Injected.Run(); "', 'a\nb', '*/', '\u2028', '']
            '123Start': {type: object, properties: {a: {type: string}}}
            'string': {type: object, properties: {value: {type: string}}}
        """.Replace("PAYLOAD", Payload.Replace("'", "''"));

    [Fact]
    public void A_hostile_spec_generates_code_that_compiles_and_declares_nothing_it_should_not()
    {
        var result = GeneratorHarness.Run(new[] { new SpecFile("/specs/hostile.yaml", HostileSpec, Namespace: "Hostile", ClientName: "HostileClient", Generate: "Models;Client;Server") });
        foreach (var d in result.GeneratorDiagnostics.Concat(result.CompileErrors).Concat(result.CompileWarnings).Take(20)) output.WriteLine(d.ToString());

        Assert.Empty(result.CompileErrors);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CF0007");
        Assert.NotEmpty(result.Sources);

        foreach (var source in result.Sources)
        {
            var tree = CSharpSyntaxTree.ParseText(source.SourceText, GeneratorHarness.ParseOptions);
            var root = tree.GetRoot();
            Assert.Empty(tree.GetDiagnostics());
            // No type, directive or member that the payloads try to smuggle in.
            Assert.DoesNotContain(root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>(), t => t.Identifier.ValueText == "Injected");
            Assert.DoesNotContain(root.DescendantTrivia(descendIntoTrivia: true), t => t.IsKind(SyntaxKind.ErrorDirectiveTrivia));
            // The payloads survive only as string literals: never as a name that code refers to.
            Assert.DoesNotContain(root.DescendantNodes().OfType<IdentifierNameSyntax>(), n => n.Identifier.ValueText is "Injected" or "Exit" or "alert");
        }

        var names = result.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).Select(t => t.Name).ToList();
        Assert.Contains("EvilName", names);
        Assert.Contains("_123Start", names);
        Assert.Contains("String", names); // "string" is a keyword only in lower case
    }
}
