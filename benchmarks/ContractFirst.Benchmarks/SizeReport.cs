using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/ContractFirst.Benchmarks -- size [specs...]</c> (issue #13): the C# that
/// ContractFirst generates for each spec, in bytes and lines per kind (models, JSON, validation schemas, client, server;
/// docs = the <c>///</c> lines among them), next to what Kiota and NSwag generate for the same document when their tools
/// are installed in the gitignored folders (<c>benchmarks/kiota/tools</c>, <c>benchmarks/nswag/.tools/dotnet</c>, see
/// docs/benchmarks.md). The generator runs in-process, as in <see cref="GenerationBenchmarks"/>.
/// Without arguments: the three specs of <c>specs/</c>, then jira-platform.json, asana.yaml and box-openapi.json from
/// ../shared/corpus.
/// </summary>
public static class SizeReport
{
    private static readonly string[] Kinds = { "models", "json", "validation", "client", "server" };

    public static int Run(string[] args)
    {
        var specs = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i] != "--write")).ToList();
        var peers = !args.Contains("--no-peers");
        var writeIndex = Array.IndexOf(args, "--write");
        var writeTo = writeIndex > 0 && writeIndex + 1 < args.Length ? args[writeIndex + 1] : null;
        if (specs.Count == 0)
        {
            specs.AddRange(new[] { "miget.yaml", "clickhouse-cloud.yaml", "bridgeport.yaml" }.Select(f => Path.Combine(Paths.Specs, f)));
            if (Paths.Corpus is { } corpus)
            {
                specs.AddRange(new[] { "jira-platform.json", "asana.yaml", "box-openapi.json" }.Select(f => Path.Combine(corpus, f)));
            }
            else
            {
                Console.WriteLine("// SKIPPED the corpus documents: ../shared/corpus is not beside the checkout.");
            }
        }

        var summary = new List<string>();
        foreach (var spec in specs)
        {
            var path = Path.GetFullPath(spec);
            if (!File.Exists(path))
            {
                Console.WriteLine($"// SKIPPED {spec}: not found");
                continue;
            }

            var file = Path.GetFileName(path);
            var (ns, client) = Names(file);
            var ours = Measure(path, ns, client, writeTo is null ? null : Path.Combine(writeTo, Path.GetFileNameWithoutExtension(path)));
            var kiota = peers ? Kiota(path, ns, client) : null;
            var nswag = peers ? NSwag(path, ns, client) : null;

            Console.WriteLine();
            Console.WriteLine($"## {file} ({new FileInfo(path).Length / 1024} KB)");
            Console.WriteLine();
            Console.WriteLine("| generator | kind | files | bytes | lines | of which `///` lines |");
            Console.WriteLine("|---|---|--:|--:|--:|--:|");
            foreach (var kind in Kinds)
            {
                if (ours.TryGetValue(kind, out var c)) Console.WriteLine($"| ContractFirst | {kind} | {c.Files} | {c.Bytes:N0} | {c.Lines:N0} | {c.DocLines:N0} |");
            }

            var modelsClient = Sum(ours.Where(p => p.Key != "server").Select(p => p.Value));
            Console.WriteLine($"| **ContractFirst** | **Models;Client** | {modelsClient.Files} | **{modelsClient.Bytes:N0}** | {modelsClient.Lines:N0} | {modelsClient.DocLines:N0} |");
            var kiotaText = "not installed";
            if (kiota is { } k)
            {
                if (k.Error is not null)
                {
                    Console.WriteLine($"| Kiota 1.38.0 | failed | | | | {k.Error} |");
                    kiotaText = "failed";
                }
                else
                {
                    foreach (var (kind, c) in k.Kinds) Console.WriteLine($"| Kiota 1.38.0 | {kind} | {c.Files} | {c.Bytes:N0} | {c.Lines:N0} | {c.DocLines:N0} |");
                    var total = Sum(k.Kinds.Values);
                    Console.WriteLine($"| **Kiota 1.38.0** | **all** | {total.Files} | **{total.Bytes:N0}** | {total.Lines:N0} | {total.DocLines:N0} |");
                    kiotaText = $"{total.Bytes:N0} ({(double)modelsClient.Bytes / total.Bytes:0.00}x)";
                }
            }

            var nswagText = "not installed";
            if (nswag is { } n)
            {
                if (n.Error is not null)
                {
                    Console.WriteLine($"| NSwag 14.7.1 | failed | | | | {n.Error} |");
                    nswagText = "failed";
                }
                else
                {
                    var total = Sum(n.Kinds.Values);
                    Console.WriteLine($"| **NSwag 14.7.1** | **all** | {total.Files} | **{total.Bytes:N0}** | {total.Lines:N0} | {total.DocLines:N0} |");
                    nswagText = $"{total.Bytes:N0} ({(double)modelsClient.Bytes / total.Bytes:0.00}x)";
                }
            }

            summary.Add($"| {file} | {modelsClient.Bytes:N0} | {kiotaText} | {nswagText} |");
        }

        Console.WriteLine();
        Console.WriteLine("## Summary: C# bytes, Models;Client (ContractFirst / peer in parentheses)");
        Console.WriteLine();
        Console.WriteLine("| spec | ContractFirst | Kiota 1.38.0 | NSwag 14.7.1 |");
        Console.WriteLine("|---|--:|--:|--:|");
        foreach (var line in summary) Console.WriteLine(line);
        return 0;
    }

    /// <summary>The namespace and client name of the repository's specs as the projects use them; a default otherwise.</summary>
    private static (string Namespace, string Client) Names(string file) => file switch
    {
        "miget.yaml" => ("Miget", "MigetClient"),
        "clickhouse-cloud.yaml" => ("ClickHouse.Cloud", "ClickHouseCloudClient"),
        "bridgeport.yaml" => ("Bridgeport", "BridgeportClient"),
        _ => ("Generated.Api", "ApiClient"),
    };

    public readonly record struct Count(int Files, long Bytes, long Lines, long DocLines);

    private static Count Sum(IEnumerable<Count> counts) =>
        counts.Aggregate(default(Count), (a, c) => new Count(a.Files + c.Files, a.Bytes + c.Bytes, a.Lines + c.Lines, a.DocLines + c.DocLines));

    private static Count CountText(string text)
    {
        long lines = 0, docs = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 && lines > 0) continue;
            lines++;
            if (line.TrimStart().StartsWith("///", StringComparison.Ordinal)) docs++;
        }

        return new Count(1, System.Text.Encoding.UTF8.GetByteCount(text), lines, docs);
    }

    /// <summary>
    /// Runs the generator three times (Models, Models;Client, Models;Client;Server): the client and the server are what
    /// each run adds; among the Models outputs, {Client}Json is the JSON and {Client}Schemas the validation schemas.
    /// </summary>
    public static Dictionary<string, Count> Measure(string path, string ns, string client, string? writeTo = null)
    {
        var text = File.ReadAllText(path);
        Dictionary<string, string> Run(string generate)
        {
            var driver = Roslyn.CreateDriver(new[] { new SpecInput(path, text, ns, client, generate) }).RunGenerators(Roslyn.Compilation(Array.Empty<SyntaxTree>()));
            return driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)
                .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        }

        var models = Run("Models");
        var withClient = Run("Models;Client");
        var all = Run("Models;Client;Server");
        var result = new Dictionary<string, Count>();
        void Add(string kind, string source)
        {
            var c = CountText(source);
            result[kind] = result.TryGetValue(kind, out var existing) ? Sum(new[] { existing, c }) : c;
        }

        foreach (var (hint, source) in all)
        {
            string kind;
            if (!withClient.ContainsKey(hint)) kind = "server";
            else if (!models.ContainsKey(hint)) kind = "client";
            else if (hint.EndsWith("." + client + "Json.g.cs", StringComparison.Ordinal)) kind = "json";
            else if (hint.EndsWith("." + client + "Schemas.g.cs", StringComparison.Ordinal)) kind = "validation";
            else kind = "models";
            Add(kind, source);
            if (writeTo is not null)
            {
                Directory.CreateDirectory(Path.Combine(writeTo, kind));
                File.WriteAllText(Path.Combine(writeTo, kind, hint), source);
            }
        }

        return result;
    }

    private sealed record PeerResult(Dictionary<string, Count> Kinds, string? Error);

    private static PeerResult? Kiota(string path, string ns, string client)
    {
        var tool = Path.Combine(Paths.RepoRoot, "benchmarks", "kiota", "tools", OperatingSystem.IsWindows() ? "kiota.exe" : "kiota");
        if (!File.Exists(tool)) return null;
        var output = Path.Combine(Paths.RepoRoot, "benchmarks", "kiota", "out", Path.GetFileNameWithoutExtension(path));
        var (code, log) = Exec(tool, new[] { "generate", "-l", "CSharp", "-d", path, "-o", output, "-n", ns, "-c", client, "--clean-output" },
            ("KIOTA_TUTORIAL_ENABLED", "false"), ("KIOTA_OFFLINE_ENABLED", "true"));
        var files = Directory.Exists(output) ? Directory.GetFiles(output, "*.cs", SearchOption.AllDirectories) : Array.Empty<string>();
        if (code != 0 || files.Length == 0) return new PeerResult(new(), LastLine(log));
        var kinds = new Dictionary<string, Count>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(output, file).Replace('\\', '/');
            var kind = relative.StartsWith("Models/", StringComparison.Ordinal) ? "models" : "client";
            var c = CountText(File.ReadAllText(file));
            kinds[kind] = kinds.TryGetValue(kind, out var e) ? Sum(new[] { e, c }) : c;
        }

        return new PeerResult(kinds, null);
    }

    private static PeerResult? NSwag(string path, string ns, string client)
    {
        var tool = Path.Combine(Paths.RepoRoot, "benchmarks", "nswag", ".tools", "dotnet", OperatingSystem.IsWindows() ? "nswag.exe" : "nswag");
        if (!File.Exists(tool)) return null;
        var output = Path.Combine(Paths.RepoRoot, "benchmarks", "nswag", ".tools", "out", Path.GetFileNameWithoutExtension(path) + ".cs");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        if (File.Exists(output)) File.Delete(output);
        var (code, log) = Exec(tool, new[]
            {
                "openapi2csclient", "/input:" + path, "/output:" + output, "/namespace:" + ns, "/className:" + client, "/jsonLibrary:SystemTextJson",
                "/generateClientInterfaces:false", "/injectHttpClient:true", "/disposeHttpClient:false",
                "/generateOptionalPropertiesAsNullable:true", "/generateNullableReferenceTypes:true",
            },
            ("DOTNET_ROLL_FORWARD", "Major"));
        if (code != 0 || !File.Exists(output)) return new PeerResult(new(), LastLine(log));
        return new PeerResult(new() { ["all"] = CountText(File.ReadAllText(output)) }, null);
    }

    public static (int Code, string Log) Exec(string file, IEnumerable<string> arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string LastLine(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.LastOrDefault() ?? "no output";
        return error.Length > 120 ? error.Substring(0, 120) + "…" : error;
    }

    internal static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
