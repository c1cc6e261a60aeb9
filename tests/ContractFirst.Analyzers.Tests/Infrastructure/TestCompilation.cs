using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using ContractFirst.Analyzers.Tests.Fixtures;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Analyzers.Tests.Infrastructure;

/// <summary>An OpenAPI document that a test hands to the generator, with the item metadata of an OpenApiSpec.</summary>
public sealed record SpecFile(string Path, string Text, string Namespace, string? ClientName = null, string Generate = "Models;Client");

/// <summary>What a test compiles: user sources, and either the hand-written fixtures or specs run through the generator.</summary>
public sealed class TestProject
{
    public const string FixturePath = "/src/Contracts.g.cs";

    public List<(string Path, string Text)> Sources { get; } = new();

    /// <summary>Adds the hand-written mirror of the generated code (<see cref="GeneratedContracts"/>).</summary>
    public bool IncludeFixtures { get; init; } = true;

    public List<SpecFile> Specs { get; } = new();

    /// <summary>An <c>.editorconfig</c> at the project root, e.g. <c>dotnet_diagnostic.CF1001.severity = error</c>.</summary>
    public string? EditorConfig { get; init; }

    /// <summary>False for a compilation that does not reference ContractFirst.Runtime at all.</summary>
    public bool ReferenceRuntime { get; init; } = true;
}

/// <summary>Builds test compilations: .NET 10 reference assemblies plus ContractFirst.Runtime, optionally the generator.</summary>
public static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(CreateReferences, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static ImmutableArray<MetadataReference> ReferencesWithoutRuntime { get; } =
        ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);

    public static CSharpCompilationOptions CompilationOptions(SyntaxTreeOptionsProvider? treeOptions = null) =>
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSyntaxTreeOptionsProvider(treeOptions);

    /// <summary>The analyzer options of the project: its <c>.editorconfig</c>, if any.</summary>
    public static AnalyzerOptions CreateAnalyzerOptions(TestProject project) =>
        project.EditorConfig is null
            ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
            : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EditorConfigAnalyzerOptions(project.EditorConfig));

    /// <summary>Compiles the project, running the generator first when it has specs.</summary>
    public static CSharpCompilation Create(TestProject project)
    {
        var trees = new List<SyntaxTree>();
        if (project.IncludeFixtures)
        {
            trees.Add(CSharpSyntaxTree.ParseText(GeneratedContracts.Source, ParseOptions, TestProject.FixturePath));
        }

        foreach (var (path, text) in project.Sources)
        {
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, path));
        }

        var treeOptions = project.EditorConfig is null ? null : new EditorConfigTreeOptions(project.EditorConfig);
        var compilation = CSharpCompilation.Create(
            "TestProject",
            trees,
            project.ReferenceRuntime ? References : ReferencesWithoutRuntime,
            CompilationOptions(treeOptions));

        return project.Specs.Count == 0 ? compilation : RunGenerator(compilation, project.Specs);
    }

    /// <summary>
    /// Runs <c>ContractFirst.Generator.OpenApiGenerator</c> over the specs, which it reads as AdditionalFiles with the
    /// metadata that build/ContractFirst.targets gives them. Generator errors fail the test.
    /// </summary>
    public static CSharpCompilation RunGenerator(CSharpCompilation compilation, IReadOnlyList<SpecFile> specs)
    {
        var generator = GeneratorAvailability.CreateGenerator()
            ?? throw new InvalidOperationException("ContractFirst.Generator.OpenApiGenerator is not available: " + GeneratorAvailability.Reason);

        var additionalTexts = specs.Select(spec => (AdditionalText)new InMemoryAdditionalText(spec.Path, spec.Text)).ToImmutableArray();
        var options = new DictionaryAnalyzerConfigOptionsProvider(
            specs.ToDictionary(
                spec => spec.Path,
                spec => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
                {
                    ["build_metadata.AdditionalFiles.ContractFirstSpec"] = "true",
                    ["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace,
                    ["build_metadata.AdditionalFiles.ClientName"] = spec.ClientName ?? string.Empty,
                    ["build_metadata.AdditionalFiles.Generate"] = spec.Generate,
                }),
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "TestProject" });

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() }, additionalTexts, ParseOptions, options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count != 0)
        {
            throw new InvalidOperationException("The generator reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return (CSharpCompilation)output;
    }

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(Basic.Reference.Assemblies.Net100.References.All);

        // ContractFirst.Runtime and what generated clients call through it (Microsoft.Extensions.*, Polly).
        var runtime = typeof(ContractFirst.Constraints.MinimumAttribute).Assembly.Location;
        builder.Add(MetadataReference.CreateFromFile(runtime));
        foreach (var path in Directory.EnumerateFiles(Path.GetDirectoryName(runtime)!, "*.dll"))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name.StartsWith("Polly", StringComparison.Ordinal))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return builder.ToImmutable();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class DictionaryAnalyzerConfigOptionsProvider(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile,
        IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new DictionaryOptions(perFile.TryGetValue(textFile.Path, out var options) ? options : Empty);
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>
/// The analyzer options of an <c>.editorconfig</c> (where the driver reads category-wide severities such as
/// <c>dotnet_analyzer_diagnostic.category-ContractFirst.Contract.severity</c>).
/// </summary>
public sealed class EditorConfigAnalyzerOptions(string editorConfig) : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, "/src/.editorconfig") });

    public override AnalyzerConfigOptions GlobalOptions => new Options(_set.GlobalConfigOptions.AnalyzerOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(_set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(_set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>
/// Diagnostic severities from an <c>.editorconfig</c> at <c>/src/.editorconfig</c>, parsed by Roslyn's own
/// <see cref="AnalyzerConfigSet"/>, as the compiler applies them to every tree under <c>/src/</c>.
/// </summary>
public sealed class EditorConfigTreeOptions : SyntaxTreeOptionsProvider
{
    private readonly AnalyzerConfigSet _set;

    public EditorConfigTreeOptions(string editorConfig) =>
        _set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, "/src/.editorconfig") });

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
