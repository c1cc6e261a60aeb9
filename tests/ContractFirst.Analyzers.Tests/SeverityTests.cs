using System.Linq;
using System.Threading.Tasks;
using ContractFirst.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContractFirst.Analyzers.Tests;

/// <summary>Severities configured in <c>.editorconfig</c> are honoured.</summary>
public sealed class SeverityTests
{
    private const string Source = """
        using ClickHouse.Cloud;
        class C
        {
            ServicePostRequest M() => new() { Name = "svc", MinTotalMemoryGb = {|CF1001:30|}, IdleTimeoutMinutes = {|CF1003:3|} };
        }
        """;

    [Fact]
    public async Task Warnings_by_default()
    {
        var diagnostics = await AnalyzerVerifier.VerifyAsync(Source);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Error_severity_is_honoured()
    {
        var diagnostics = await AnalyzerVerifier.VerifyAsync(Source, new TestProject
        {
            EditorConfig = """
                root = true

                [*.cs]
                dotnet_diagnostic.CF1001.severity = error
                """,
        });

        Assert.Equal(DiagnosticSeverity.Error, diagnostics.Single(d => d.Id == "CF1001").Severity);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics.Single(d => d.Id == "CF1003").Severity);
    }

    [Fact]
    public async Task None_severity_suppresses_the_diagnostic()
    {
        var diagnostics = await AnalyzerVerifier.VerifyAsync(
            Source.Replace("{|CF1001:30|}", "30", System.StringComparison.Ordinal),
            new TestProject
            {
                EditorConfig = """
                    root = true

                    [*.cs]
                    dotnet_diagnostic.CF1001.severity = none
                    """,
            });

        Assert.Equal("CF1003", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task Category_wide_severity_is_honoured()
    {
        var diagnostics = await AnalyzerVerifier.VerifyAsync(Source, new TestProject
        {
            EditorConfig = """
                root = true

                [*.cs]
                dotnet_analyzer_diagnostic.category-ContractFirst.Contract.severity = suggestion
                """,
        });

        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }
}
