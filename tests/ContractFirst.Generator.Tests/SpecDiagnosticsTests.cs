using Microsoft.CodeAnalysis;
using Xunit;

namespace ContractFirst.Generator.Tests;

/// <summary>Bad input gets a clear, located diagnostic and loses nothing else; the generator never crashes.</summary>
public class SpecDiagnosticsTests
{
    private static GeneratorHarness.Result Run(params SpecFile[] specs) => GeneratorHarness.Run(specs);

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line_and_column_and_nothing_is_generated_for_it()
    {
        const string yaml = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a:\n    get: [unclosed\n";
        var result = Run(new SpecFile("/specs/broken.yaml", yaml), SpecFile.FromRepo("bridgeport.yaml"));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CF0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/broken.yaml", span.Path);
        Assert.True(span.StartLinePosition.Line >= 6, $"line {span.StartLinePosition.Line}");
        Assert.Contains("broken.yaml", diagnostic.GetMessage());
        Assert.False(string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri));

        // The other spec still generates, and the compilation has no errors.
        Assert.Contains(result.Sources, s => s.HintName.Contains("Bridgeport"));
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void Malformed_json_is_reported_at_its_line_and_column()
    {
        const string json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {,}\n}";
        var diagnostic = Assert.Single(Run(new SpecFile("/specs/broken.json", json)).GeneratorDiagnostics);
        Assert.Equal("CF0001", diagnostic.Id);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_structural_problem_is_a_located_warning_and_the_rest_is_generated()
    {
        const string yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Missing'}
            components:
              schemas:
                Fine: {type: object, properties: {a: {type: string}}}
            """;
        var result = Run(new SpecFile("/specs/dangling.yaml", yaml, Generate: "Models;Client"));
        Assert.NotEmpty(result.GeneratorDiagnostics);
        Assert.All(result.GeneratorDiagnostics, d =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal("/specs/dangling.yaml", d.Location.GetLineSpan().Path);
        });
        Assert.Contains(result.Sources, s => s.HintName.EndsWith("Fine.g.cs", StringComparison.Ordinal));
        Assert.Empty(result.CompileErrors);
    }

    [Theory]
    [InlineData("Models;Clinet", null, null, "Clinet")]
    [InlineData(null, "1Bad.Namespace", null, "1Bad.Namespace")]
    [InlineData(null, null, "class", "class")]
    public void Bad_item_metadata_gets_a_diagnostic_that_names_the_item(string? generate, string? ns, string? clientName, string mentioned)
    {
        var result = Run(SpecFile.FromRepo("miget.yaml") with { Generate = generate, Namespace = ns, ClientName = clientName });
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CF0004", diagnostic.Id);
        Assert.Contains("miget.yaml", diagnostic.GetMessage());
        Assert.Contains(mentioned, diagnostic.GetMessage());
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void An_external_ref_to_a_file_that_is_not_listed_says_how_to_list_it()
    {
        const string yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Pet: {$ref: 'common/pet.yaml#/Pet'}
                Holder: {type: object, properties: {pet: {$ref: 'common/pet.yaml#/Pet'}}}
            """;
        var result = Run(new SpecFile("/specs/root.yaml", yaml));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "CF0003" && d.GetMessage().Contains("Generate=\"None\"") && d.GetMessage().Contains("pet.yaml"));
        Assert.Empty(result.CompileErrors);

        var listed = Run(new SpecFile("/specs/root.yaml", yaml), new SpecFile("/specs/common/pet.yaml", "Pet: {type: object, properties: {name: {type: string}}}", Generate: "None"));
        Assert.DoesNotContain(listed.GeneratorDiagnostics, d => d.Id == "CF0003");
        Assert.Contains(listed.Sources, s => s.HintName.EndsWith(".Pet.g.cs", StringComparison.Ordinal));
        Assert.Empty(listed.CompileErrors);
    }

    [Fact]
    public void Server_in_a_project_without_aspnetcore_is_a_clear_diagnostic_and_models_and_client_still_generate()
    {
        var references = GeneratorHarness.MetadataReferences.Where(r => !Path.GetFileName(r.Display!).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Console", Array.Empty<Microsoft.CodeAnalysis.SyntaxTree>(), references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var spec = SpecFile.FromRepo("bridgeport.yaml") with { Generate = "Models;Client;Server" };
        GeneratorHarness.CreateDriver(new[] { spec }).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CF0008", diagnostic.Id);
        Assert.Contains("bridgeport.yaml", diagnostic.GetMessage());
        Assert.Contains("Microsoft.AspNetCore.App", diagnostic.GetMessage());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(output.GetTypeByMetadataName("Consumer.Bridgeport.BridgeportClient"));
        Assert.Null(output.GetTypeByMetadataName("Consumer.Bridgeport.IBridgeportServer"));
    }

    [Fact]
    public void Server_in_a_web_project_without_ContractFirst_AspNetCore_is_CF0008_not_broken_code()
    {
        var references = GeneratorHarness.MetadataReferences.Where(r => Path.GetFileName(r.Display!) != "ContractFirst.AspNetCore.dll");
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Web", Array.Empty<Microsoft.CodeAnalysis.SyntaxTree>(), references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        Assert.NotNull(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext"));
        var spec = SpecFile.FromRepo("bridgeport.yaml") with { Generate = "Models;Client;Server" };
        GeneratorHarness.CreateDriver(new[] { spec }).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CF0008", diagnostic.Id);
        Assert.Contains("ContractFirst.AspNetCore", diagnostic.GetMessage());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(output.GetTypeByMetadataName("Consumer.Bridgeport.BridgeportClient"));
        Assert.Null(output.GetTypeByMetadataName("Consumer.Bridgeport.IBridgeportServer"));
    }

    [Fact]
    public void Generate_none_items_produce_nothing_by_themselves()
    {
        var result = Run(SpecFile.FromRepo("miget.yaml") with { Generate = "None" });
        Assert.Empty(result.Sources);
        Assert.Empty(result.GeneratorDiagnostics);
    }
}
