using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// Every published document in ../shared/corpus (driven by MANIFEST.tsv) generates code that compiles with zero errors
/// and zero warnings; a broken document gets located diagnostics instead. Skipped, visibly, without ../shared.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    public sealed record Entry(string File, string Version, string Validation, string Notes);

    public static IReadOnlyList<Entry> Manifest()
    {
        if (TestPaths.Corpus is null) return Array.Empty<Entry>();
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Corpus, "MANIFEST.tsv"));
        var header = lines[0].Split('\t');
        int Col(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(c => new Entry(c[Col("file")], c[Col("openapi_version")], c[Col("strict_validation")], c[Col("notable_features")]))
            .ToList();
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Manifest()) data.Add(entry.File);
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void Corpus_document_generates_code_that_compiles(string file)
    {
        var root = Path.Combine(TestPaths.Corpus!, file);

        var specs = new List<SpecFile> { new(root, File.ReadAllText(root), Namespace: "Corpus.Api", ClientName: "CorpusClient", Generate: "Models;Client;Server") };

        // Multi-file documents: the sibling files are listed too, with Generate="None", as a user would.
        var folder = Path.GetDirectoryName(root)!;
        var manifestFolder = Path.Combine(TestPaths.Corpus!, file.Split('/')[0]);
        if (file.Contains('/') && Directory.Exists(manifestFolder))
        {
            foreach (var other in Directory.GetFiles(manifestFolder, "*.*", SearchOption.AllDirectories).Where(f => f != root && (f.EndsWith(".json") || f.EndsWith(".yaml") || f.EndsWith(".yml"))))
            {
                specs.Add(new SpecFile(other, File.ReadAllText(other), Generate: "None"));
            }
        }

        var result = GeneratorHarness.Run(specs);
        foreach (var d in result.GeneratorDiagnostics.Take(20)) output.WriteLine(d.ToString());
        var errors = result.CompileErrors.Take(25).ToList();
        foreach (var d in errors) output.WriteLine(d.ToString());
        var warnings = result.CompileWarnings.Take(25).ToList();
        foreach (var d in warnings) output.WriteLine(d.ToString());

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CF0007"); // never an internal failure
        Assert.Empty(errors);
        Assert.Empty(warnings);
        if (result.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // A broken document: nothing generated for it, but every diagnostic points into a file.
            Assert.All(result.GeneratorDiagnostics, d => Assert.True(d.Location.GetLineSpan().IsValid));
        }
        else
        {
            Assert.NotEmpty(result.Sources);
        }
    }
}
