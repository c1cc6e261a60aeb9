using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractFirst.Analyzers.CodeFixes;
using ContractFirst.Analyzers.Tests.Fixtures;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ContractFirst.Analyzers.Tests.Infrastructure;

/// <summary>
/// Applies <see cref="ContractConstraintCodeFixProvider"/> in an <see cref="AdhocWorkspace"/> (so that the code
/// action's simplification and formatting run as in the IDE): one fix, chosen by equivalence key, or Fix All in the
/// document through the provider's <see cref="FixAllProvider"/>.
/// </summary>
public static class CodeFixVerifier
{
    /// <summary>
    /// Checks the diagnostics marked in <paramref name="markup"/>, applies the fix with
    /// <paramref name="equivalenceKey"/> to the first of them, and compares the result with <paramref name="expected"/>.
    /// </summary>
    public static async Task VerifyFixAsync(string markup, string expected, string equivalenceKey, int diagnosticIndex = 0, TestProject? project = null)
    {
        var (document, diagnostics) = await PrepareAsync(markup, project);
        var diagnostic = diagnostics[diagnosticIndex];
        var actions = await GetFixesAsync(document, diagnostic);
        var action = actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey);
        Assert.True(action is not null, $"No fix '{equivalenceKey}' for {diagnostic}; offered: {string.Join(", ", actions.Select(a => $"{a.EquivalenceKey} ({a.Title})"))}");
        await AssertAppliedAsync(document, action!, expected);
    }

    /// <summary>Asserts that the marked diagnostics get no fix at all (e.g. the value is a const reference).</summary>
    public static async Task VerifyNoFixAsync(string markup)
    {
        var (document, diagnostics) = await PrepareAsync(markup);
        foreach (var diagnostic in diagnostics)
        {
            var actions = await GetFixesAsync(document, diagnostic);
            Assert.True(actions.Count == 0, $"Unexpected fixes for {diagnostic}: {string.Join(", ", actions.Select(a => a.Title))}");
        }
    }

    /// <summary>Returns the titles of the fixes offered for the diagnostic at <paramref name="diagnosticIndex"/>.</summary>
    public static async Task<IReadOnlyList<string>> GetFixTitlesAsync(string markup, int diagnosticIndex = 0)
    {
        var (document, diagnostics) = await PrepareAsync(markup);
        var actions = await GetFixesAsync(document, diagnostics[diagnosticIndex]);
        return actions.Select(a => a.Title).ToList();
    }

    /// <summary>Runs Fix All in the document for <paramref name="equivalenceKey"/>.</summary>
    public static async Task VerifyFixAllAsync(string markup, string expected, string equivalenceKey, TestProject? project = null)
    {
        var (document, diagnostics) = await PrepareAsync(markup, project);
        var provider = new ContractConstraintCodeFixProvider();
        var fixAll = provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            equivalenceKey,
            provider.FixableDiagnosticIds,
            new FixedDiagnosticProvider(diagnostics),
            CancellationToken.None);
        var action = await fixAll!.GetFixAsync(context);
        Assert.NotNull(action);
        await AssertAppliedAsync(document, action!, expected);
    }

    /// <summary>
    /// The document under test in a workspace project, beside the contracts it uses: the hand-written fixtures, or,
    /// when <paramref name="project"/> lists specs, the real generator's output for them.
    /// </summary>
    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> PrepareAsync(string markup, TestProject? project = null)
    {
        // The diagnostics themselves are checked by the analyzer verifier, so a fix test also pins what it fixes.
        await AnalyzerVerifier.VerifyAsync(markup, project ?? new TestProject());

        var (source, _) = TestMarkup.Parse(markup);
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "TestProject",
                "TestProject",
                LanguageNames.CSharp,
                compilationOptions: TestCompilation.CompilationOptions(),
                parseOptions: TestCompilation.ParseOptions,
                metadataReferences: TestCompilation.References));
        foreach (var (path, text) in Contracts(project))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: AnalyzerVerifier.TestPath);
        var document = solution.GetDocument(documentId)!;

        var compilation = await document.Project.GetCompilationAsync();
        var diagnostics = (await AnalyzerVerifier.GetDiagnosticsAsync(compilation!))
            .Where(d => d.Location.SourceTree?.FilePath == AnalyzerVerifier.TestPath && d.Id.StartsWith("CF", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        return (document, diagnostics);
    }

    private static IEnumerable<(string Path, string Text)> Contracts(TestProject? project)
    {
        if (project is not { Specs.Count: > 0 })
        {
            return new[] { (TestProject.FixturePath, GeneratedContracts.Source) };
        }

        var empty = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Contracts", references: TestCompilation.References, options: TestCompilation.CompilationOptions());
        return TestCompilation.RunGenerator(empty, project.Specs).SyntaxTrees.Select(tree => (tree.FilePath, tree.ToString())).ToList();
    }

    private static async Task<List<CodeAction>> GetFixesAsync(Document document, Diagnostic diagnostic)
    {
        var provider = new ContractConstraintCodeFixProvider();
        var actions = new List<CodeAction>();
        if (!provider.FixableDiagnosticIds.Contains(diagnostic.Id))
        {
            return actions;
        }

        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task AssertAppliedAsync(Document document, CodeAction action, string expected)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        var changed = apply.ChangedSolution.GetDocument(document.Id)!;
        var text = (await changed.GetTextAsync()).ToString();
        Assert.Equal(expected.ReplaceLineEndings(), text.ReplaceLineEndings());

        var compilation = await changed.Project.GetCompilationAsync();
        var errors = compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The fixed code does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    private sealed class FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);
    }
}
