using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Benchmarks;

/// <summary>Paths of the repository and of ../shared/corpus, found by walking up from the binaries.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = Find(d => File.Exists(Path.Combine(d, "Toolkit.sln")))
        ?? throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);

    public static string Specs => Path.Combine(RepoRoot, "specs");

    /// <summary>../shared/corpus relative to the repository root; null when absent.</summary>
    public static string? Corpus { get; } = Directory.Exists(Path.Combine(RepoRoot, "..", "shared", "corpus"))
        ? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"))
        : null;

    private static string? Find(Func<string, bool> match)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (match(dir.FullName)) return dir.FullName;
        }

        return null;
    }
}

/// <summary>A spec as the build hands it to the generator: path, text and OpenApiSpec item metadata.</summary>
public sealed record SpecInput(string Path, string Text, string? Namespace, string? ClientName, string? Generate);

/// <summary>The in-process equivalent of a build: compilation, AdditionalFiles and analyzer-config options.</summary>
public static class Roslyn
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa.Where(p =>
            {
                var name = Path.GetFileName(p);
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

    public static ImmutableArray<MetadataReference> MetadataReferences => References.Value;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions CompilationOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    public static SpecInput RepoSpec(string file, string ns, string clientName, string generate = "Models,Client,Server")
    {
        var path = Path.Combine(Paths.Specs, file);
        return new SpecInput(path, File.ReadAllText(path), ns, clientName, generate);
    }

    public static IReadOnlyList<SpecInput> ThreeSpecs() => new[]
    {
        RepoSpec("miget.yaml", "Miget", "MigetClient"),
        RepoSpec("clickhouse-cloud.yaml", "ClickHouse.Cloud", "ClickHouseCloudClient"),
        RepoSpec("bridgeport.yaml", "Bridgeport", "BridgeportClient"),
    };

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, string name = "Consumer")
        => CSharpCompilation.Create(name, trees, MetadataReferences, CompilationOptions);

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), ParseOptions, path);

    public static GeneratorDriver CreateDriver(IEnumerable<SpecInput> specs, bool track = false)
    {
        var list = specs.ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new ContractFirst.Generator.OpenApiGenerator().AsSourceGenerator() },
            list.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray(),
            ParseOptions,
            new SpecOptionsProvider(list.ToDictionary(s => s.Path), "Consumer"),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
    }
}

public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Analyzer config options as MSBuild's CompilerVisibleItemMetadata gives them.</summary>
public sealed class SpecOptionsProvider(IReadOnlyDictionary<string, SpecInput> specs, string rootNamespace) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

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
