using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using ContractFirst.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ContractFirst.Generator.Tests;

/// <summary>A spec as the build hands it to the generator: path, text and OpenApiSpec item metadata.</summary>
public sealed record SpecFile(string Path, string Text, string? Namespace = null, string? ClientName = null, string? Generate = null)
{
    public static SpecFile FromRepo(string fileName, string? ns = null, string? clientName = null, string? generate = null)
        => new(System.IO.Path.Combine(TestPaths.Specs, fileName), File.ReadAllText(System.IO.Path.Combine(TestPaths.Specs, fileName)), ns, clientName, generate);
}

public static class TestPaths
{
    public static string Specs => Path.Combine(AppContext.BaseDirectory, "specs");

    /// <summary>../shared/corpus beside the checkout, found by walking up from the test binaries; null when absent.</summary>
    public static string? Corpus { get; } = FindCorpus();

    private static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (File.Exists(Path.Combine(candidate, "MANIFEST.tsv"))) return candidate;
        }

        return null;
    }
}

/// <summary>An xUnit theory that is skipped, visibly, when ../shared/corpus is not beside the checkout.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (TestPaths.Corpus is null) Skip = "../shared/corpus is not beside the checkout: corpus tests skipped.";
    }
}

/// <summary>Runs the generator in-process: CSharpCompilation plus GeneratorDriver, no dotnet build.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa.Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" || Path.GetFileName(p).StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("Microsoft.Net.Http.Headers", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(ContractFirst.ApiException).Assembly.Location));
        refs.Add(MetadataReference.CreateFromFile(typeof(ContractFirst.AspNetCore.ServerRequest).Assembly.Location)); // what generated servers call
        return refs.ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> MetadataReferences => References.Value;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"User{i}.cs")),
            MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // As the SDK does (NoWarn 1701;1702): the Microsoft.Extensions references were built against an older framework.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, string? rootNamespace = "Consumer", bool track = true, IEnumerable<AdditionalText>? otherFiles = null)
        => CreateDriver(specs, specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).Concat(otherFiles ?? Array.Empty<AdditionalText>()), rootNamespace, track);

    /// <summary>A driver over the given AdditionalTexts; <paramref name="specs"/> supplies the item metadata by path.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, IEnumerable<AdditionalText> additionalTexts, string? rootNamespace = "Consumer", bool track = true)
    {
        var texts = additionalTexts.ToImmutableArray();
        var options = new TestOptionsProvider(specs.ToDictionary(s => s.Path), rootNamespace);
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
    }

    public sealed record Result(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult RunResult, GeneratorDriver Driver)
    {
        public IEnumerable<Diagnostic> CompileErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

        public IEnumerable<Diagnostic> CompileWarnings => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning);

        public string Source(string hintNameEnd) => RunResult.Results.SelectMany(r => r.GeneratedSources).First(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();

        public IEnumerable<GeneratedSourceResult> Sources => RunResult.Results.SelectMany(r => r.GeneratedSources);
    }

    public static Result Run(IEnumerable<SpecFile> specs, params string[] userSources)
    {
        var compilation = CreateCompilation(userSources);
        var driver = CreateDriver(specs.ToList());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new Result(output, diagnostics, driver.GetRunResult(), driver);
    }

    /// <summary>
    /// Emits the compilation and loads it into a context of its own (so that several "Consumer" assemblies can live side
    /// by side); ContractFirst.Runtime and the framework resolve from the default context, shared with the tests.
    /// </summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("Compilation failed:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        stream.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(stream);
    }
}

public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Analyzer config options as MSBuild's CompilerVisibleItemMetadata would give them.</summary>
public sealed class TestOptionsProvider(IReadOnlyDictionary<string, SpecFile> specs, string? rootNamespace) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(rootNamespace is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        if (!specs.TryGetValue(textFile.Path, out var spec)) return DictionaryOptions.Empty;
        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ContractFirstSpec"] = "true" };
        if (spec.Namespace is not null) values["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace;
        if (spec.ClientName is not null) values["build_metadata.AdditionalFiles.ClientName"] = spec.ClientName;
        if (spec.Generate is not null) values["build_metadata.AdditionalFiles.Generate"] = spec.Generate;
        return new DictionaryOptions(values);
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static DictionaryOptions Empty { get; } = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
