using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using ContractFirst.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Conformance.Tests.Infrastructure;

/// <summary>
/// Runs the generator in-process over OpenAPI documents held in memory (CSharpCompilation plus GeneratorDriver, no
/// dotnet build), as tests/ContractFirst.Generator.Tests/GeneratorHarness.cs does, and loads what compiles into a
/// collectible context.
/// </summary>
public static class Harness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator);
        var refs = tpa.Where(p =>
            {
                var name = System.IO.Path.GetFileName(p);
                return name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"
                    || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Net.Http.Headers", StringComparison.Ordinal);
            })
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(ContractFirst.ApiException).Assembly.Location));
        refs.Add(MetadataReference.CreateFromFile(typeof(ContractFirst.AspNetCore.ServerRequest).Assembly.Location));
        return refs.ToImmutableArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Runs the generator over <paramref name="specs"/> (path, text, namespace, client name), Generate="Models;Server" unless <paramref name="generate"/> says otherwise.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Generate(IEnumerable<(string Path, string Text, string Namespace, string ClientName)> specs, CancellationToken cancellationToken = default, string generate = "Models;Server")
    {
        var list = specs.ToList();
        var compilation = CSharpCompilation.Create(
            "Conformance" + Guid.NewGuid().ToString("N"),
            Array.Empty<SyntaxTree>(),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // As the SDK does (NoWarn 1701;1702): the Microsoft.Extensions references were built against an older framework.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            list.Select(s => (AdditionalText)new MemoryText(s.Path, s.Text)),
            ParseOptions,
            new Options(list.ToDictionary(s => s.Path, s => (s.Namespace, s.ClientName)), generate));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, cancellationToken);
        return (output, diagnostics);
    }

    /// <summary>Emits <paramref name="compilation"/>; the assembly (in a collectible context of its own) or the errors.</summary>
    public static (Assembly? Assembly, IReadOnlyList<Diagnostic> Errors) Emit(Compilation compilation, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream, cancellationToken: cancellationToken);
        if (!emit.Success) return (null, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
        stream.Position = 0;
        var context = new System.Runtime.Loader.AssemblyLoadContext("conformance-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return (context.LoadFromStream(stream), Array.Empty<Diagnostic>());
    }

    private sealed class MemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The OpenApiSpec item metadata as MSBuild's CompilerVisibleItemMetadata gives it.</summary>
    private sealed class Options(IReadOnlyDictionary<string, (string Namespace, string ClientName)> specs, string generate) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Conformance" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            if (!specs.TryGetValue(textFile.Path, out var spec)) return DictionaryOptions.Empty;
            return new DictionaryOptions(new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.ContractFirstSpec"] = "true",
                ["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace,
                ["build_metadata.AdditionalFiles.ClientName"] = spec.ClientName,
                ["build_metadata.AdditionalFiles.Generate"] = generate,
            });
        }

        private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static DictionaryOptions Empty { get; } = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
