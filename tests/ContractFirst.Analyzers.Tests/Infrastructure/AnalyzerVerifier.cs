using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ContractFirst.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="ContractConstraintAnalyzer"/> over a marked-up test source and asserts that the CF diagnostics
/// in that source are exactly the marked ones (ID and span), that the compilation has no errors, and that the
/// analyzer did not throw. CF diagnostics that the compiler reports itself (CF1009, through [Obsolete]) count too.
/// </summary>
public static class AnalyzerVerifier
{
    public const string TestPath = "/src/Test0.cs";

    /// <summary>Verifies the markup and returns the diagnostics found, for assertions on messages and properties.</summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup) => VerifyAsync(markup, new TestProject());

    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, TestProject project)
    {
        var (source, expected) = TestMarkup.Parse(markup);
        project.Sources.Insert(0, (TestPath, source));
        var compilation = TestCompilation.Create(project);
        var diagnostics = await GetDiagnosticsAsync(compilation, TestCompilation.CreateAnalyzerOptions(project));

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("CF", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "The test compilation has errors:" + Environment.NewLine + Describe(errors, source));

        var actual = diagnostics
            .Where(d => d.Id.StartsWith("CF", StringComparison.Ordinal) && d.Location.SourceTree?.FilePath == TestPath)
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var actualKeys = actual.Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceSpan)).ToList();
        var expectedKeys = expected.OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        Assert.True(
            expectedKeys.SequenceEqual(actualKeys),
            "Expected:" + Environment.NewLine + Describe(expectedKeys, source) + Environment.NewLine
            + "Actual:" + Environment.NewLine + Describe(actual, source));

        return actual;
    }

    /// <summary>All diagnostics of the compilation and of the analyzer; an analyzer exception fails the test.</summary>
    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Compilation compilation, AnalyzerOptions? options = null)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ContractConstraintAnalyzer()),
            new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, "The analyzer threw:" + Environment.NewLine + string.Join(Environment.NewLine, exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static string Describe(IEnumerable<ExpectedDiagnostic> diagnostics, string source) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => $"  {d.Id} at {d.Span}: '{source.Substring(d.Span.Start, d.Span.Length)}'"));

    private static string Describe(IEnumerable<Diagnostic> diagnostics, string source) =>
        string.Join(Environment.NewLine, diagnostics.Select(d =>
            d.Location.SourceTree?.FilePath == TestPath
                ? $"  {d.Id} at {d.Location.SourceSpan}: '{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}' — {d.GetMessage()}"
                : $"  {d}"));
}
