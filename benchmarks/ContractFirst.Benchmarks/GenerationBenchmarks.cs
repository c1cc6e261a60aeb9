using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ContractFirst.Benchmarks;

/// <summary>
/// The generator through CSharpGeneratorDriver, in-process. "Cold" = a new driver per run (no incremental state; the JIT
/// is warm, as in a long-lived compiler server). "CachedAfterUnrelatedEdit" = a driver that has already run, re-run
/// after one user syntax tree changed (what the IDE does on every keystroke).
/// </summary>
[BenchmarkCategory("Generation")]
public class GenerationBenchmarks
{
    public const string ThreeSpecs = "specs/ (3 specs, 64 KB)";

    private IReadOnlyList<SpecInput> _specs = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _cached = null!;

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = ThreeSpecs;

    public static IEnumerable<string> Inputs()
    {
        yield return ThreeSpecs;
        foreach (var file in new[] { "jira-platform.json", "asana.yaml" })
        {
            if (Paths.Corpus is not null && File.Exists(Path.Combine(Paths.Corpus, file))) yield return file;
            else Console.WriteLine($"// SKIPPED {file}: ../shared/corpus/{file} is not beside the checkout.");
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _specs = Input == ThreeSpecs
            ? Roslyn.ThreeSpecs()
            : new[] { new SpecInput(Path.Combine(Paths.Corpus!, Input), File.ReadAllText(Path.Combine(Paths.Corpus!, Input)), null, null, null) };

        // A small user project: 20 files. The edit changes a method body in one of them.
        var trees = Enumerable.Range(0, 20).Select(i => Roslyn.Parse(UserFile(i, "1"), $"User{i}.cs")).ToArray();
        _compilation = Roslyn.Compilation(trees);
        _edited = _compilation.ReplaceSyntaxTree(trees[7], Roslyn.Parse(UserFile(7, "2"), "User7.cs"));
        _cached = Roslyn.CreateDriver(_specs).RunGenerators(_compilation);

        var result = _cached.GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources).ToList();
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        Console.WriteLine($"// {Input}: {_specs.Sum(s => s.Text.Length) / 1024} KB of spec -> {sources.Count} files, {sources.Sum(s => s.SourceText.Length) / 1024} KB of C#, {errors} generator errors");

        // Proof that the re-run is incremental: every output step of the re-run is Cached/Unchanged.
        var tracked = Roslyn.CreateDriver(_specs, track: true).RunGenerators(_compilation).RunGenerators(_edited);
        var reasons = tracked.GetRunResult().Results
            .SelectMany(r => r.TrackedOutputSteps.Values.SelectMany(steps => steps))
            .SelectMany(step => step.Outputs)
            .GroupBy(o => o.Reason)
            .Select(g => $"{g.Key}={g.Count()}");
        Console.WriteLine($"// {Input}: re-run after an unrelated edit, output steps: {string.Join(", ", reasons)}");
    }

    [Benchmark]
    public GeneratorDriver Cold() => Roslyn.CreateDriver(_specs).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver CachedAfterUnrelatedEdit() => _cached.RunGenerators(_edited);

    private static string UserFile(int i, string value) => $$"""
        namespace Consumer.User;

        public static class Helper{{i}}
        {
            public static int Compute(int x) => x * {{value}} + {{i}};
        }
        """;
}
