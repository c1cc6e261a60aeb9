using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/ContractFirst.Benchmarks -- compile-time [specs...] [--reps N] [--no-kiota]
/// [--variant A,B] [--analyzers [--suppress ID]] [--emit-only] [--bodies-only KIND]</c> (issue #13): where the C# compiler's time goes on
/// the generated code, in-process and repeatable.
/// <para>
/// The generator runs once per spec (<c>Generate="Models;Client"</c>, as in <c>size</c>); then, on the generated trees
/// only, each repetition times: <b>parse</b> (all trees), <b>declare</b> (a fresh compilation's declaration diagnostics:
/// symbols, members, attributes, the members the compiler synthesizes for records), <b>bodies</b> (each tree's method
/// body diagnostics: binding and flow analysis, summed per kind of file: records (object and union models), enums (open
/// enums), json, validation, client; Kiota's Models/ count as records) and <b>emit</b> (a second fresh compilation
/// emitted to memory, which is what a build does: declarations, binding, lowering, IL and metadata). The compilation is
/// single-threaded (<c>concurrentBuild: false</c>) and optimized, with the preprocessor symbols and the documentation
/// mode of a net10.0 Release build without a documentation file; the times are the compiling thread's CPU seconds, which
/// depend less than wall-clock time on what else runs on the machine. The first repetition warms up and is dropped; the
/// median of the others is printed, with the emit's wall-clock time and what it allocated on the compiling thread.
/// </para>
/// <para>
/// Kiota's output for the same document (its CLI in benchmarks/kiota/tools, as for <c>size</c>) is timed alike, against
/// the Kiota 2.1.6 libraries in the NuGet cache (restored by <c>build-time</c>); its errors are counted, since an output
/// that does not compile (jira-platform.json) still binds. <c>--analyzers</c> also runs the SDK's C# NetAnalyzers (those
/// enabled by default, as a net10.0 build runs them) over each side and prints their execution times.
/// </para>
/// <para>
/// <c>--variant</c> applies a text edit to our output first, to measure an idea before building it into the generator
/// (a comma-separated list, one row each; <c>none</c> is the output as generated; <c>a+b</c> applies both). The edits
/// are in <see cref="Variants"/>; docs/benchmarks.md section 7 says what each measured. Most are bounds, not changes
/// that keep the contract (<c>class</c>: records as classes; <c>alldisable</c>: no nullable annotations anywhere;
/// <c>noschemas</c>: an empty schema table), and those about presence bits measure the output of before the fourth stop,
/// when every optional property had one. <c>--suppress ID</c> (with <c>--analyzers</c>) sets a diagnostic to <c>none</c>
/// for every generated tree.
/// <c>--emit-only</c> and <c>--bodies-only KIND</c> run only that stage, for a
/// profiler (<c>dotnet-trace collect</c>).
/// </para>
/// </summary>
public static class CompileTime
{
    private static readonly string[] Kinds = { "records", "enums", "json", "validation", "client" };

    /// <summary>Only the emit is run and timed (for a profiler: <c>--emit-only</c>).</summary>
    private static bool EmitOnly;

    /// <summary>Only the method bodies of one kind of file are bound, and nothing is emitted (for a profiler: <c>--bodies-only json</c>).</summary>
    private static string? BodiesOnly;

    /// <summary>Also time the analyzers of the .NET SDK (the NetAnalyzers a net10.0 build runs) on the generated code: <c>--analyzers</c>.</summary>
    private static bool Analyzers;

    /// <summary>Diagnostic ids set to <c>none</c> for every generated tree (as an .editorconfig section would), for <c>--analyzers</c>: <c>--suppress CA2252</c>.</summary>
    private static readonly List<string> Suppressed = new();

    private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None)
        .WithPreprocessorSymbols(PreprocessorSymbols());

    private static IEnumerable<string> PreprocessorSymbols()
    {
        // What the SDK defines for net10.0 in Release.
        var symbols = new List<string> { "TRACE", "RELEASE", "NET", "NET10_0", "NETCOREAPP" };
        for (var v = 5; v <= 10; v++) symbols.Add($"NET{v}_0_OR_GREATER");
        symbols.AddRange(new[] { "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER", "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER" });
        return symbols;
    }

    private static readonly CSharpCompilationOptions Options = Roslyn.CompilationOptions
        .WithConcurrentBuild(false)
        .WithOptimizationLevel(OptimizationLevel.Release);

    public static int Run(string[] args)
    {
        var reps = 5;
        var kiota = true;
        string? variant = null;
        var specs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--reps": reps = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-kiota": kiota = false; break;
                case "--emit-only": EmitOnly = true; break;
                case "--bodies-only": BodiesOnly = args[++i]; break;
                case "--analyzers": Analyzers = true; break;
                case "--suppress": Suppressed.Add(args[++i]); break;
                case "--variant": variant = args[++i]; break;
                default: specs.Add(args[i]); break;
            }
        }

        if (specs.Count == 0) specs.AddRange(new[] { "clickhouse-cloud.yaml", "box-openapi.json", "jira-platform.json" });
        foreach (var s in specs)
        {
            var path = Resolve(s);
            if (path is null)
            {
                Console.WriteLine($"// SKIPPED {s}: not found (../shared/corpus absent?)");
                continue;
            }

            var file = Path.GetFileName(path);
            Console.WriteLine();
            Console.WriteLine($"## {file}: compile time of the generated code (median of {reps} after a warm-up; CPU seconds of the one compiling thread)");
            Console.WriteLine();
            Console.WriteLine("| code | bytes | errors | parse | declare | bodies | of which records / enums / json / validation / client | emit (fresh) | emit, wall clock | emit, MB allocated |");
            Console.WriteLine("|---|--:|--:|--:|--:|--:|---|--:|--:|--:|");
            foreach (var v in (variant ?? "none").Split(','))
            {
                var ours = Generate(path, v == "none" ? null : v);
                Report(v == "none" ? "ContractFirst" : "ContractFirst, variant " + v, ours, Roslyn.MetadataReferences, reps);
            }

            if (kiota && KiotaOutput(path) is { } k) Report("Kiota 1.38.0", k, KiotaReferences(), reps);
        }

        return 0;
    }

    private static string? Resolve(string spec)
    {
        foreach (var candidate in new[] { spec, Path.Combine(Paths.Corpus ?? Paths.Specs, spec), Path.Combine(Paths.Specs, spec) })
        {
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }

        return null;
    }

    /// <summary>One source file to compile, with its kind.</summary>
    private sealed record Source(string Name, string Kind, string Text);

    private static List<Source> Generate(string path, string? variant)
    {
        var text = File.ReadAllText(path);
        const string ns = "Consumer.Api", client = "ApiClient";
        Dictionary<string, string> RunGenerator(string generate)
        {
            var driver = Roslyn.CreateDriver(new[] { new SpecInput(path, text, ns, client, generate) }).RunGenerators(Roslyn.Compilation(Array.Empty<SyntaxTree>()));
            return driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        }

        var models = RunGenerator("Models");
        var all = RunGenerator("Models;Client");
        // For the variant "sealed": the records that no other record derives from.
        var bases = new HashSet<string>(all.Values.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"partial record \w+ : ([A-Za-z_]\w*)\r?$", System.Text.RegularExpressions.RegexOptions.Multiline))
            .Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        return all.Select(p =>
            {
                var kind = !models.ContainsKey(p.Key) ? "client"
                    : p.Key.EndsWith("." + client + "Json.g.cs", StringComparison.Ordinal) ? "json"
                    : p.Key.EndsWith("." + client + "Schemas.g.cs", StringComparison.Ordinal) ? "validation"
                    : p.Value.Contains(" readonly partial struct ", StringComparison.Ordinal) ? "enums"
                    : "records";
                return new Source(p.Key, kind, Apply(variant, kind, p.Value, bases));
            })
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Applies <paramref name="variant"/> (<c>none</c>, one name, or names joined by <c>+</c>, applied in order) to one file of <paramref name="kind"/>.</summary>
    private static string Apply(string? variant, string kind, string text, HashSet<string> bases)
    {
        if (variant is null or "none") return text;
        foreach (var name in variant.Split('+'))
        {
            if (!Variants.TryGetValue(name, out var v)) throw new ArgumentException("unknown variant " + name);
            if (v.Kind is null || v.Kind == kind) text = v.Edit(text, bases);
        }

        return text;
    }

    private static string Replace(string text, string pattern, string replacement) => System.Text.RegularExpressions.Regex.Replace(text, pattern, replacement);

    private static string DropLines(string text, string pattern) =>
        string.Join('\n', text.Split('\n').Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, pattern)));

    /// <summary>Each variant: the kind of file it edits (null: every file), and the edit.</summary>
    private static readonly Dictionary<string, (string? Kind, Func<string, HashSet<string>, string> Edit)> Variants = new(StringComparer.Ordinal)
    {
        ["sealed"] = ("records", (t, bases) =>
        {
            var sealedText = System.Text.RegularExpressions.Regex.Replace(t, @"public partial record (\w+)", m => bases.Contains(m.Groups[1].Value) ? m.Value : "public sealed partial record " + m.Groups[1].Value);
            return sealedText.Contains("public sealed partial record", StringComparison.Ordinal) ? sealedText.Replace("public virtual void Validate(", "public void Validate(", StringComparison.Ordinal) : sealedText;
        }),
        ["class"] = ("records", (t, _) => t.Replace(" partial record ", " partial class ", StringComparison.Ordinal)),
        ["annotations"] = (null, (t, _) => t.Replace("#nullable enable\n", "#nullable enable annotations\n", StringComparison.Ordinal)),
        ["alldisable"] = (null, (t, _) => t.Replace("#nullable enable\n", "#nullable disable\n", StringComparison.Ordinal)),
        ["jsondisable"] = ("json", (t, _) => t.Replace("#nullable enable\n", "#nullable disable\n", StringComparison.Ordinal)),
        ["jsonannotations"] = ("json", (t, _) => t.Replace("#nullable enable\n", "#nullable enable annotations\n", StringComparison.Ordinal)),
        ["nodocs"] = (null, (t, _) => DropLines(t, @"^\s*///")),
        ["noresolver"] = ("json", (t, _) => DropLines(t, @"^            if \(type == typeof\(")),
        ["noattrs"] = (null, (t, _) => Replace(t, @"\[Cf\.\w+(\([^\n]*?\))?\] ?(?=[\n p])", "")),
        ["typeargs"] = ("json", (t, _) => ExplicitTypeArguments(t)),
        ["noreads"] = ("json", (t, _) => DropLines(t, @"^\s+case \d+: value\.")),
        ["nowrites"] = ("json", (t, _) => DropLines(t, @"^\s+(if \(\(value\.__\w+ & [^)]*\) != 0\) )?Put(Some)?V?\(writer, ")),
        ["nomaskcheck"] = ("json", (t, _) => Replace(t, @"if \(\(value\.__\w+ & 1UL << \d+\) != 0\) ", "")),
        ["masks"] = (null, (t, _) => System.Text.RegularExpressions.Regex.Replace(t, @"\b1UL << (\d+)\b", m => "0x" + (1UL << int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString("X", CultureInfo.InvariantCulture) + "UL")),
        ["enumfields"] = ("enums", (t, _) => Replace(t, @"public static (\w+) (\w+) \{ get; \} = new\(", "public static readonly $1 $2 = new(")),
        ["autoprops"] = ("records", (t, _) => Replace(Replace(t, @"\{ get => __\w+; set \{ __\w+ = value; [^}]*\} \}", "{ get; set; }"), @"\n    private [^\n]* __\w+;(?=\n)", "")),
        ["fieldkw"] = ("records", (t, _) => Replace(Replace(t, @"\{ get => __\w+; set \{ __\w+ = value; ([^}]*)\} \}", "{ get; set { field = value; $1} }"), @"\n    private [^\n]* __\w+;(?=\n)", "")),
        ["noprint"] = ("records", (t, _) => System.Text.RegularExpressions.Regex.Replace(t, @"(public partial record \w+ : )(\w+)?([^\n]*\n\{\n)", m =>
            m.Value + (m.Groups[2].Success && !m.Groups[2].Value.StartsWith("global", StringComparison.Ordinal) ? "    protected override" : "    protected virtual")
            + " bool PrintMembers(global::System.Text.StringBuilder builder) => false;\n")),
        ["noschemas"] = ("validation", (t, _) => Replace(t, @"(internal static readonly \S+ N\d+) = [^\n]*;", "$1 = null;")),
        ["chunks"] = ("validation", (t, _) => ChunkNodes(t, 256)),
        ["clientbodies"] = ("client", (t, _) => Replace(Replace(t, @"(?m)^    \{$", "#nullable disable\n    {"), @"(?m)^    \}$", "    }\n#nullable restore")),
    };

    private static readonly Dictionary<string, string> PrimitiveConverters = new(StringComparer.Ordinal)
    {
        ["String"] = "string", ["Boolean"] = "bool", ["Int32"] = "int", ["Int64"] = "long", ["Single"] = "float", ["Double"] = "double",
        ["Decimal"] = "decimal", ["Guid"] = "global::System.Guid", ["DateTimeOffset"] = "global::System.DateTimeOffset",
        ["DateOnly"] = "global::System.DateOnly", ["TimeSpan"] = "global::System.TimeSpan", ["Uri"] = "global::System.Uri",
        ["Bytes"] = "byte[]", ["Element"] = "Stj.JsonElement",
    };

    /// <summary>The variant <c>chunks</c>: the schema table's fields in classes of <paramref name="size"/>, each with its own static constructor.</summary>
    private static string ChunkNodes(string text, int size)
    {
        var chunkOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"internal static readonly \S+ (N\d+) = "))
        {
            chunkOf[m.Groups[1].Value] = count++ / size;
        }

        var lines = text.Split('\n').ToList();
        var output = new System.Text.StringBuilder();
        var seen = 0;
        foreach (var line in lines)
        {
            var l = System.Text.RegularExpressions.Regex.Replace(line, @"\bNodes\.(N\d+)\b", m => chunkOf.TryGetValue(m.Groups[1].Value, out var c) ? $"Nodes{c}.{m.Groups[1].Value}" : m.Value);
            if (l.TrimStart().StartsWith("private static class Nodes", StringComparison.Ordinal)) l = l.Replace("class Nodes", "class Nodes0", StringComparison.Ordinal);
            if (l.TrimStart().StartsWith("internal static readonly ", StringComparison.Ordinal))
            {
                if (seen > 0 && seen % size == 0) output.Append("    }\n\n    private static class Nodes" + (seen / size) + "\n    {\n");
                seen++;
            }

            output.Append(l).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>The variant <c>typeargs</c>: the converters' helper calls on primitives name their type argument (no inference).</summary>
    private static string ExplicitTypeArguments(string text)
    {
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\b(Opt|OptV|Req|Any)\(ref reader, (\w+), options\)",
            m => PrimitiveConverters.TryGetValue(m.Groups[2].Value, out var t) ? $"{m.Groups[1].Value}<{t}>(ref reader, {m.Groups[2].Value}, options)" : m.Value);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\b(Put|PutV|PutSome|PutSomeV)\(writer, (\d+), ([^,]+), (\w+), options\)",
            m => PrimitiveConverters.TryGetValue(m.Groups[4].Value, out var t) ? $"{m.Groups[1].Value}<{t}>(writer, {m.Groups[2].Value}, {m.Groups[3].Value}, {m.Groups[4].Value}, options)" : m.Value);
    }

    private static List<Source>? KiotaOutput(string path)
    {
        var tool = Path.Combine(Paths.RepoRoot, "benchmarks", "kiota", "tools", OperatingSystem.IsWindows() ? "kiota.exe" : "kiota");
        if (!File.Exists(tool))
        {
            Console.WriteLine("| Kiota | not installed (benchmarks/kiota/tools) | | | | | | | |");
            return null;
        }

        var output = Path.Combine(Paths.RepoRoot, "benchmarks", "kiota", "out", Path.GetFileNameWithoutExtension(path));
        var (code, log) = SizeReport.Exec(tool, new[] { "generate", "-l", "CSharp", "-d", path, "-o", output, "-n", "Consumer.Api", "-c", "ApiClient", "--clean-output" },
            ("KIOTA_TUTORIAL_ENABLED", "false"), ("KIOTA_OFFLINE_ENABLED", "true"));
        if (code == 0) KiotaFixups.Apply(output);
        var files = Directory.Exists(output) ? Directory.GetFiles(output, "*.cs", SearchOption.AllDirectories) : Array.Empty<string>();
        if (code != 0 || files.Length == 0)
        {
            Console.WriteLine($"| Kiota | fails: {log.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim()} | | | | | | | |");
            return null;
        }

        return files.OrderBy(f => f, StringComparer.Ordinal).Select(f =>
            {
                var relative = Path.GetRelativePath(output, f).Replace('\\', '/');
                return new Source(relative, relative.StartsWith("Models/", StringComparison.Ordinal) ? "records" : "client", File.ReadAllText(f));
            })
            .ToList();
    }

    private static IReadOnlyList<MetadataReference> KiotaReferences()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var refs = Roslyn.MetadataReferences.ToList();
        foreach (var (id, version) in new[]
                 {
                     ("Microsoft.Kiota.Abstractions", "2.1.6"), ("Microsoft.Kiota.Http.HttpClientLibrary", "2.1.6"), ("Microsoft.Kiota.Serialization.Json", "2.1.6"),
                     ("Microsoft.Kiota.Serialization.Text", "2.1.6"), ("Microsoft.Kiota.Serialization.Form", "2.1.6"), ("Microsoft.Kiota.Serialization.Multipart", "2.1.6"),
                     ("Std.UriTemplate", "2.0.12"),
                 })
        {
            var lib = Path.Combine(packages, id.ToLowerInvariant(), version, "lib");
            var dll = new[] { "net10.0", "net8.0", "netstandard2.1", "netstandard2.0" }.Select(tfm => Path.Combine(lib, tfm, id + ".dll")).FirstOrDefault(File.Exists);
            if (dll is null) Console.WriteLine($"// {id} {version} is not in the NuGet cache: run build-time once (it restores Kiota's packages)");
            else refs.Add(MetadataReference.CreateFromFile(dll));
        }

        return refs;
    }

    private static void Report(string name, List<Source> sources, IReadOnlyList<MetadataReference> references, int reps)
    {
        var parse = new List<double>();
        var declare = new List<double>();
        var bodies = new List<double>();
        var emit = new List<double>();
        var emitWall = new List<double>();
        var emitAlloc = new List<double>();
        var perKind = Kinds.ToDictionary(k => k, _ => new List<double>());
        var errors = 0;
        for (var rep = 0; rep <= reps; rep++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var sw = ThreadClock.StartNew();
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), Parse, s.Name)).ToList();
            var tParse = sw.Elapsed.TotalSeconds;

            var compilation = CSharpCompilation.Create("Consumer", trees, references, Options);
            sw.Restart();
            var declarationErrors = EmitOnly ? 0 : compilation.GetDeclarationDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var tDeclare = sw.Elapsed.TotalSeconds;
            var kindTimes = Kinds.ToDictionary(k => k, _ => 0.0);
            var bodyErrors = 0;
            for (var i = 0; !EmitOnly && i < trees.Count; i++)
            {
                if (BodiesOnly is not null && sources[i].Kind != BodiesOnly) continue;
                sw.Restart();
                bodyErrors += compilation.GetSemanticModel(trees[i]).GetMethodBodyDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                kindTimes[sources[i].Kind] += sw.Elapsed.TotalSeconds;
            }

            compilation = null;
            if (BodiesOnly is not null) continue;
            GC.Collect();
            var fresh = CSharpCompilation.Create("Consumer", trees, references, Options);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var wall = Stopwatch.StartNew();
            sw.Restart();
            using var stream = new MemoryStream();
            var result = fresh.Emit(stream);
            var tEmit = sw.Elapsed.TotalSeconds;
            var tEmitWall = wall.Elapsed.TotalSeconds;
            var emitMegabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6;
            errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            if (rep == 0)
            {
                if (errors > 0)
                {
                    var first = result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
                    Console.WriteLine($"// {name}: {errors} errors ({declarationErrors} in declarations, {bodyErrors} in bodies), e.g. {first.Id}: {first.GetMessage(CultureInfo.InvariantCulture)}");
                }

                continue;
            }

            parse.Add(tParse);
            declare.Add(tDeclare);
            bodies.Add(kindTimes.Values.Sum());
            foreach (var k in Kinds) perKind[k].Add(kindTimes[k]);
            emit.Add(tEmit);
            emitWall.Add(tEmitWall);
            emitAlloc.Add(emitMegabytes);
        }

        if (Analyzers) AnalyzerTimes(name, sources, references);
        var bytes = sources.Sum(s => (long)Encoding.UTF8.GetByteCount(s.Text));
        var split = string.Join(" / ", Kinds.Select(k => sources.Any(s => s.Kind == k) ? F(Median(perKind[k])) : "–"));
        Console.WriteLine($"| {name} | {bytes:N0} | {errors} | {F(Median(parse))} | {F(Median(declare))} | {F(Median(bodies))} | {split} | **{F(Median(emit))}** | {F(Median(emitWall))} | {Median(emitAlloc):N0} |");
    }

    /// <summary>
    /// The CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID on Linux; wall clock elsewhere): the compilation runs
    /// on one thread, so time spent waiting for a core while other builds run is not counted.
    /// </summary>
    private sealed class ThreadClock
    {
        private double _start;

        public static ThreadClock StartNew() => new() { _start = Now() };

        public void Restart() => _start = Now();

        public TimeSpan Elapsed => TimeSpan.FromSeconds(Now() - _start);

        private static double Now()
        {
            if (OperatingSystem.IsLinux() && clock_gettime(3, out var ts) == 0) return ts.Seconds + ts.Nanoseconds / 1e9;
            return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        }

        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int clock_gettime(int clock, out TimeSpec time);
    }

    /// <summary>
    /// The SDK's C# NetAnalyzers (those that the build's default analysis level enables by default), run on a fresh
    /// compilation of the trees without concurrency: each one's execution time as the compiler's
    /// <c>-p:ReportAnalyzer=true</c> would print it, for the analyzers that take more than 10 ms.
    /// </summary>
    private static void AnalyzerTimes(string name, List<Source> sources, IReadOnlyList<MetadataReference> references)
    {
        var sdk = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(sdk, "..", "..", ".."));
        var sdkDir = Directory.Exists(Path.Combine(root, "sdk")) ? Directory.GetDirectories(Path.Combine(root, "sdk")).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault() : null;
        var dll = sdkDir is null ? null : Path.Combine(sdkDir, "Sdks", "Microsoft.NET.Sdk", "analyzers", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll");
        if (dll is null || !File.Exists(dll))
        {
            Console.WriteLine("// the SDK's NetAnalyzers were not found next to the runtime");
            return;
        }

        var loader = new SdkAnalyzerLoader();
        var analyzers = new[] { dll, Path.Combine(Path.GetDirectoryName(dll)!, "Microsoft.CodeAnalysis.NetAnalyzers.dll") }
            .SelectMany(d => new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(d, loader).GetAnalyzers(LanguageNames.CSharp))
            .Where(a => a.SupportedDiagnostics.Any(d => d.IsEnabledByDefault && d.DefaultSeverity >= DiagnosticSeverity.Warning))
            .ToList();
        // ContractFirst's own analyzers, as a package consumer runs them (built with the benchmarks in Release).
        var ours = Path.Combine(Paths.RepoRoot, "src", "Analyzers", "bin", "Release", "netstandard2.0", "ContractFirst.Analyzers.dll");
        if (File.Exists(ours)) analyzers.AddRange(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(ours, loader).GetAnalyzers(LanguageNames.CSharp));
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), Parse, s.Name)).ToList();
        var compilation = CSharpCompilation.Create("Consumer", trees, references, Suppressed.Count == 0 ? Options : Options.WithSyntaxTreeOptionsProvider(new PerTreeSeverities(Suppressed)));
        var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzers(compilation, analyzers.ToImmutableArray(), options);
        var sw = ThreadClock.StartNew();
        var wall = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// {name}: {analyzers.Count} analyzers (the SDK's and ContractFirst's), {diagnostics.Length} diagnostics, {F(wall.Elapsed.TotalSeconds)} s wall clock (binding included)");
        foreach (var analyzer in analyzers)
        {
            var time = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime.TotalSeconds;
            if (time >= 0.01) Console.WriteLine($"//   {analyzer.GetType().Name} ({string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct())}): {F(time)} s");
        }
    }

    /// <summary>Per-tree severities, as an .editorconfig section for the generated files gives them.</summary>
    private sealed class PerTreeSeverities(List<string> suppressed) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Suppress;
            return suppressed.Contains(diagnosticId);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }

    private sealed class SdkAnalyzerLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }

    private static string F(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
