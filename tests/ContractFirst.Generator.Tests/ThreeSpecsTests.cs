using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

public class ThreeSpecsTests(ITestOutputHelper output)
{
    public static TheoryData<string> Specs => new() { "miget.yaml", "clickhouse-cloud.yaml", "bridgeport.yaml" };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_generates_code_that_compiles_without_errors_or_warnings(string file)
    {
        var result = GeneratorHarness.Run(new[] { SpecFile.FromRepo(file, generate: "Models;Client;Server") });
        foreach (var d in result.GeneratorDiagnostics) output.WriteLine(d.ToString());
        foreach (var d in result.CompileErrors.Concat(result.CompileWarnings).Take(30)) output.WriteLine(d.ToString());

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);
        Assert.Empty(result.CompileWarnings);
        Assert.NotEmpty(result.Sources);
    }
}
