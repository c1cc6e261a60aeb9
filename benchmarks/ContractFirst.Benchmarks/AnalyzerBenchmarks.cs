using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ContractFirst.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContractFirst.Benchmarks;

/// <summary>
/// The constraint analyzer on a 500-file project that uses the three specs' generated models (object initializers,
/// `with`, assignments and arguments with constants, const fields). Each run builds a fresh compilation from the
/// same parsed trees (the generated code included). Compared: Emit (a plain compile), GetDiagnostics (the binding
/// part of a compile), and GetAllDiagnostics through CompilationWithAnalyzers with ContractConstraintAnalyzer; the
/// analyzer's own execution time (AnalysisResult.AnalyzerTelemetryInfo) is printed after the measured runs.
/// </summary>
[BenchmarkCategory("Analyzer")]
public class AnalyzerBenchmarks
{
    public const int Files = 500;

    private static readonly CompilationWithAnalyzersOptions Options = new(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);

    private ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ContractConstraintAnalyzer());

    [GlobalSetup]
    public void Setup()
    {
        var user = Enumerable.Range(0, Files).Select(i => Roslyn.Parse(UserFile(i), $"Usage/Usage{i}.cs")).ToArray();
        var specs = Roslyn.ThreeSpecs().Select(s => s with { Generate = "Models,Client" }).ToList();
        Roslyn.CreateDriver(specs).RunGeneratorsAndUpdateCompilation(Roslyn.Compilation(user), out var output, out _);
        _trees = output.SyntaxTrees.ToImmutableArray();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("The analyzer project does not compile:\n" + string.Join("\n", errors.Take(10)));
        var lines = _trees.Sum(t => t.GetText().Lines.Count);
        Console.WriteLine($"// Analyzer project: {Files} user files + {_trees.Length - Files} generated files, {lines} lines");
    }

    /// <summary>
    /// After the measured runs (outside them): the analyzer's own execution time from Roslyn's telemetry, median of 3
    /// fresh analyses. AnalysisResult.AnalyzerTelemetryInfo is used because GetAnalyzerTelemetryInfoAsync reports zero
    /// after GetAllDiagnosticsAsync (Roslyn 4.14), and calling GetAnalysisResultAsync inside the measured method would
    /// time a second analysis pass.
    /// </summary>
    [GlobalCleanup(Target = nameof(GetDiagnostics_WithAnalyzer))]
    public void ReportAnalyzerTelemetry()
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var withAnalyzers = Roslyn.Compilation(_trees).WithAnalyzers(_analyzers, Options);
            var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            times.Add(result.AnalyzerTelemetryInfo[_analyzers[0]].ExecutionTime);
            if (i == 0) Console.WriteLine($"// ContractConstraintAnalyzer diagnostics: {result.GetAllDiagnostics().Length}");
        }

        times.Sort();
        Console.WriteLine($"// ContractConstraintAnalyzer execution time (telemetry, summed over threads), 3 runs: median {times[1].TotalMilliseconds:F1} ms, min {times[0].TotalMilliseconds:F1} ms, max {times[2].TotalMilliseconds:F1} ms");
    }

    [Benchmark(Baseline = true)]
    public bool Emit_Plain()
    {
        using var stream = new MemoryStream();
        return Roslyn.Compilation(_trees).Emit(stream).Success;
    }

    [Benchmark]
    public int GetDiagnostics_Plain() => Roslyn.Compilation(_trees).GetDiagnostics().Length;

    [Benchmark]
    public int GetDiagnostics_WithAnalyzer()
    {
        var withAnalyzers = Roslyn.Compilation(_trees).WithAnalyzers(_analyzers, Options);
        return withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }

    // Constants reach constrained properties in every way the analyzer looks at; one file in 25 has a violation.
    private static string UserFile(int i)
    {
        var bad = i % 25 == 0;
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            namespace Consumer.Usage;

            public static class Usage{{i}}
            {
                private const double Memory = {{(bad ? 50 : 48)}};
                private const int Port = 5432;

                public static ClickHouse.Cloud.ServicePostRequest Service() => new()
                {
                    Name = "svc-{{i}}",
                    Provider = "aws",
                    Region = "us-east-1",
                    Tier = "{{(bad ? "produciton" : "production")}}",
                    MinTotalMemoryGb = Memory,
                    MaxTotalMemoryGb = 360,
                    IdleTimeoutMinutes = 10,
                    IpAccessList = new List<ClickHouse.Cloud.IpAccessListEntry> { new() { Source = "203.0.113.{{i % 250}}", Description = "office" } },
                };

                public static Bridgeport.CreateDatabaseRequest Database()
                {
                    const int level = {{i % 10}};
                    var request = new Bridgeport.CreateDatabaseRequest { Name = "db{{i}}", Type = "postgres", Port = Port, BackupCompressionLevel = level, BackupFormat = "custom" };
                    request.PgDumpTimeoutMs = 600000;
                    request.BackupCompression = "gzip";
                    return request with { Host = "db.internal", UseSsl = true };
                }

                public static Miget.PostApiV1AppsUuidAddons Addon() => new() { Type = "postgres", Name = "addon{{i}}", Label = "Addon {{i}}", RamSize = 1, CpuSize = 1, DiskSize = 10, PublicAccess = "0" };

                public static async Task<int> CallAsync(ClickHouse.Cloud.ClickHouseCloudClient client, Guid org)
                {
                    var created = await client.CreateServiceAsync(org, Service() with { MaxTotalMemoryGb = {{(bad ? 1000 : 720)}} });
                    var total = 0;
                    foreach (var endpoint in created.Result.Service?.Endpoints ?? new List<ClickHouse.Cloud.ServiceEndpoint>())
                    {
                        total += endpoint.Port ?? 0;
                    }

                    return total + {{i}};
                }
            }
            """;
    }
}
