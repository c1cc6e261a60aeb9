using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractFirst.Generator.Emit;
using ContractFirst.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// A seeded mutation run over specs/ and ../shared/corpus (issue 14, "robust on every input"): each iteration mutates
/// one document (or the item metadata) and runs the generator in-process on a thread with a 1 MB stack, so that
/// unbounded recursion fails here instead of passing by luck on a big stack. Every run must end within the time limit,
/// with no exception and no CF0007, with every diagnostic located in one of the files; when no error is reported, the
/// generated code must compile (checked in batches). Iteration i of seed s is reproducible on its own:
/// see docs/robustness.md for the environment variables (seed, iterations, time budget, one iteration).
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    public enum Mutation
    {
        Truncate,
        DeleteLines,
        DuplicateLines,
        SwapLines,
        RetypeScalar,
        BrokenRef,
        CircularRef,
        DeepNesting,
        AliasBomb,
        OddNames,
        Bom,
        InvalidUtf8,
        BadMetadata,
        DuplicateItems,
    }

    private static readonly Mutation[] Mutations = Enum.GetValues<Mutation>();

    /// <summary>A document to mutate: the root (path, text) and the files it reaches (listed with Generate="None").</summary>
    public sealed record Source(string Name, string Path, string Text, IReadOnlyList<SpecFile> Others)
    {
        public bool IsYaml => !Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One iteration: the items handed to the generator.</summary>
    public sealed record Case(int Iteration, Mutation Mutation, string Source, string Detail, IReadOnlyList<SpecFile> Specs, bool CompileAlone);

    private sealed record Failure(Case Case, string Problem);

    private static int Env(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    [Fact]
    public void Mutated_specs_never_crash_hang_or_generate_code_that_does_not_compile()
    {
        var seed = Env("CONTRACTFIRST_FUZZ_SEED", 14);
        var iterations = Env("CONTRACTFIRST_FUZZ_ITERATIONS", int.MaxValue);
        var budget = TimeSpan.FromSeconds(Env("CONTRACTFIRST_FUZZ_SECONDS", iterations == int.MaxValue ? 90 : int.MaxValue / 1000));
        var only = Env("CONTRACTFIRST_FUZZ_ONLY", -1);
        var limit = TimeSpan.FromSeconds(Env("CONTRACTFIRST_FUZZ_RUN_SECONDS", 30));

        var kinds = (Environment.GetEnvironmentVariable("CONTRACTFIRST_FUZZ_KINDS") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Enum.Parse<Mutation>(k, ignoreCase: true)).ToArray();
        if (kinds.Length == 0) kinds = Mutations;
        var sources = Sources(Env("CONTRACTFIRST_FUZZ_MAX_BYTES", 140_000));
        if (TestPaths.Corpus is null) output.WriteLine("SKIPPED (visibly): ../shared/corpus is not beside the checkout; fuzzing specs/ only.");
        output.WriteLine($"seed {seed}; kinds {string.Join(",", kinds)}; {sources.Count} documents: {string.Join(", ", sources.Select(s => s.Name))}");

        var failures = new List<Failure>();
        var batch = new List<(Case Case, GeneratorRunResult Result)>();
        var perMutation = kinds.ToDictionary(m => m, _ => 0);
        var clock = Stopwatch.StartNew();
        var ran = 0;
        var timings = new List<(Case Case, double Seconds)>();
        var compileTime = TimeSpan.Zero;
        List<Failure> TimedCompile(IReadOnlyList<(Case Case, GeneratorRunResult Result)> items)
        {
            var started = clock.Elapsed;
            var result = Compile(items);
            compileTime += clock.Elapsed - started;
            return result;
        }

        for (var i = only >= 0 ? only : 0; i < iterations && (only < 0 || i == only); i++)
        {
            if (only < 0 && clock.Elapsed > budget && ran >= kinds.Length) break;
            var testCase = Build(seed, i, sources, kinds);
            perMutation[testCase.Mutation]++;
            ran++;
            var runStarted = clock.Elapsed;
            var (result, problem) = RunBounded(testCase, limit);
            timings.Add((testCase, (clock.Elapsed - runStarted).TotalSeconds));
            if (problem is not null)
            {
                failures.Add(new Failure(testCase, problem));
                continue;
            }

            var problems = Check(testCase, result!);
            failures.AddRange(problems.Select(p => new Failure(testCase, p)));
            if (problems.Count > 0 || result!.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) continue;

            var generated = result.Results.Single();
            if (generated.GeneratedSources.IsEmpty) continue;
            if (testCase.CompileAlone)
            {
                failures.AddRange(TimedCompile(new[] { (testCase, generated) }));
            }
            else
            {
                batch.Add((testCase, generated));
                if (batch.Count >= 12)
                {
                    failures.AddRange(TimedCompile(batch));
                    batch.Clear();
                }
            }
        }

        failures.AddRange(TimedCompile(batch));
        output.WriteLine($"{ran} iterations in {clock.Elapsed.TotalSeconds:F0} s ({compileTime.TotalSeconds:F0} s compiling): " + string.Join(", ", perMutation.Select(p => $"{p.Key} {p.Value}")));
        foreach (var (slow, seconds) in timings.OrderByDescending(t => t.Seconds).Take(8))
        {
            output.WriteLine($"slowest: iteration {slow.Iteration} ({slow.Mutation} of {slow.Source}) {seconds:F1} s");
        }

        foreach (var failure in failures.Take(60))
        {
            output.WriteLine($"FAIL iteration {failure.Case.Iteration} ({failure.Case.Mutation} of {failure.Case.Source}: {failure.Case.Detail}): {failure.Problem}");
        }

        if (failures.Count > 0)
        {
            output.WriteLine($"Re-run one with CONTRACTFIRST_FUZZ_SEED={seed} CONTRACTFIRST_FUZZ_ONLY=<iteration>" + (kinds.Length == Mutations.Length ? "" : $" CONTRACTFIRST_FUZZ_KINDS={string.Join(",", kinds)}") + ".");
            output.WriteLine("Failing classes: " + string.Join(", ", failures.GroupBy(f => f.Case.Mutation).Select(g => $"{g.Key} x{g.Count()}")));
        }

        Assert.True(ran >= Math.Min(kinds.Length, iterations) || only >= 0, $"only {ran} iterations ran: every mutation kind must run at least once");
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {seed}); first: iteration {failures.FirstOrDefault()?.Case.Iteration} {failures.FirstOrDefault()?.Case.Mutation}: {failures.FirstOrDefault()?.Problem}");
    }

    // -----------------------------------------------------------------------------------------------------------
    // Running and checking

    private static readonly CSharpCompilation EmptyCompilation = GeneratorHarness.CreateCompilation();

    /// <summary>
    /// The generator on a thread with a 1 MB stack, cancelled after the limit. The case being run is written to a file
    /// first, so that a stack overflow (which ends the process) still says which iteration did it.
    /// </summary>
    private static (GeneratorDriverRunResult? Result, string? Problem) RunBounded(Case testCase, TimeSpan limit)
    {
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "contractfirst-fuzz-current.txt"), $"iteration {testCase.Iteration}: {testCase.Mutation} of {testCase.Source}: {testCase.Detail}\n");
        GeneratorDriverRunResult? result = null;
        Exception? escaped = null;
        using var cancellation = new CancellationTokenSource(limit);
        var watch = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                var driver = GeneratorHarness.CreateDriver(testCase.Specs, track: false);
                result = driver.RunGenerators(EmptyCompilation, cancellation.Token).GetRunResult();
            }
            catch (Exception ex)
            {
                escaped = ex;
            }
        }, maxStackSize: 1024 * 1024) { IsBackground = true, Name = "fuzz " + testCase.Iteration };
        thread.Start();
        if (!thread.Join(limit + TimeSpan.FromSeconds(15)))
        {
            return (null, $"still running after {limit.TotalSeconds:F0} s, cancellation ignored");
        }

        if (escaped is OperationCanceledException || watch.Elapsed > limit) return (null, $"took {watch.Elapsed.TotalSeconds:F1} s (limit {limit.TotalSeconds:F0} s)");
        if (escaped is not null) return (null, "exception escaped the driver: " + escaped.GetType().Name + ": " + escaped.Message);
        return (result, null);
    }

    private static List<string> Check(Case testCase, GeneratorDriverRunResult result)
    {
        var problems = new List<string>();
        foreach (var run in result.Results)
        {
            if (run.Exception is not null) problems.Add("the generator threw " + run.Exception.GetType().Name + ": " + FirstLine(run.Exception.Message));
        }

        var texts = testCase.Specs.GroupBy(s => PathUtil.Normalize(s.Path)).ToDictionary(g => g.Key, g => g.First().Text);
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Id == "CS8785") continue; // the generator's exception, reported above
            if (diagnostic.Id == "CF0007") problems.Add("internal error: " + FirstLine(diagnostic.GetMessage()));
            var span = diagnostic.Location.GetLineSpan();
            if (!span.IsValid || !texts.TryGetValue(PathUtil.Normalize(span.Path), out var text))
            {
                problems.Add($"{diagnostic.Id} is not located in a spec file ({diagnostic.Location}): {FirstLine(diagnostic.GetMessage())}");
                continue;
            }

            var lines = text.Split('\n');
            var start = span.StartLinePosition;
            if (start.Line < 0 || start.Line >= lines.Length || start.Character < 0 || start.Character > lines[start.Line].TrimEnd('\r').Length)
            {
                problems.Add($"{diagnostic.Id} at ({start.Line + 1},{start.Character + 1}) is outside the file ({lines.Length} lines): {FirstLine(diagnostic.GetMessage())}");
            }
        }

        return problems.Distinct().Take(5).ToList();
    }

    /// <summary>Compiles the outputs of several iterations together; each iteration has its own namespace and file prefix.</summary>
    private static List<Failure> Compile(IReadOnlyList<(Case Case, GeneratorRunResult Result)> batch)
    {
        var failures = new List<Failure>();
        if (batch.Count == 0) return failures;
        var trees = new List<SyntaxTree>();
        var owners = new Dictionary<string, Case>(StringComparer.Ordinal);
        foreach (var (testCase, result) in batch)
        {
            foreach (var source in result.GeneratedSources)
            {
                var path = $"it{testCase.Iteration}/{source.HintName}";
                owners[path] = testCase;
                trees.Add(source.SyntaxTree.WithFilePath(path));
            }
        }

        var compilation = EmptyCompilation.AddSyntaxTrees(trees);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var group in errors.GroupBy(e => e.Location.SourceTree?.FilePath is { } p && owners.TryGetValue(p, out var c) ? c : null))
        {
            var first = string.Join(" | ", group.Take(3).Select(e => e.ToString()));
            if (group.Key is null)
            {
                failures.AddRange(batch.Select(b => new Failure(b.Case, "the batch does not compile: " + first)));
            }
            else
            {
                failures.Add(new Failure(group.Key, $"generated code does not compile ({group.Count()} errors): {first}"));
            }
        }

        return failures;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0];
        return line.Length > 300 ? line.Substring(0, 300) + "…" : line;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Sources

    private static readonly Dictionary<int, List<Source>> SourceCache = new();

    public static List<Source> Sources(int maxBytes)
    {
        lock (SourceCache)
        {
            if (SourceCache.TryGetValue(maxBytes, out var cached)) return cached;
            var list = new List<Source>();
            foreach (var file in Directory.GetFiles(TestPaths.Specs).Where(f => f.EndsWith(".yaml") || f.EndsWith(".json")).OrderBy(f => f, StringComparer.Ordinal))
            {
                list.Add(new Source(Path.GetFileName(file), file, File.ReadAllText(file), Array.Empty<SpecFile>()));
            }

            if (TestPaths.Corpus is { } corpus)
            {
                foreach (var entry in CorpusTests.Manifest())
                {
                    var root = Path.Combine(corpus, entry.File);
                    if (!File.Exists(root) || new FileInfo(root).Length > maxBytes) continue;
                    var others = new List<SpecFile>();
                    if (entry.File.Contains('/'))
                    {
                        var folder = Path.Combine(corpus, entry.File.Split('/')[0]);
                        foreach (var other in Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories).Where(f => f != root && (f.EndsWith(".json") || f.EndsWith(".yaml") || f.EndsWith(".yml"))).OrderBy(f => f, StringComparer.Ordinal))
                        {
                            others.Add(new SpecFile(other, File.ReadAllText(other), Generate: "None"));
                        }
                    }

                    list.Add(new Source(entry.File, root, File.ReadAllText(root), others));
                }
            }

            SourceCache[maxBytes] = list;
            return list;
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Mutations

    /// <summary>Iteration <paramref name="iteration"/> of <paramref name="seed"/>: the same case on every machine.</summary>
    public static Case Build(int seed, int iteration, IReadOnlyList<Source> sources, IReadOnlyList<Mutation> kinds)
    {
        var random = new Random(unchecked(seed * 1_000_003 + iteration));
        var mutation = kinds[iteration % kinds.Count];
        var candidates = mutation == Mutation.AliasBomb ? sources.Where(s => s.IsYaml).ToList() : sources.ToList();
        var source = candidates[random.Next(candidates.Count)];
        var ns = $"Fuzz.I{iteration}";
        SpecFile Root(string text, string? path = null) => new(path ?? source.Path, text, Namespace: ns, ClientName: "FuzzClient", Generate: "Models;Client;Server");
        IReadOnlyList<SpecFile> With(SpecFile root) => new[] { root }.Concat(source.Others).ToList();
        Case Make(string detail, IReadOnlyList<SpecFile> specs, bool alone = false) => new(iteration, mutation, source.Name, detail, specs, alone);

        var text = source.Text;
        var lines = text.Split('\n').ToList();
        switch (mutation)
        {
            case Mutation.Truncate:
            {
                var at = random.Next(text.Length);
                return Make($"cut at {at} of {text.Length}", With(Root(text.Substring(0, at))));
            }

            case Mutation.DeleteLines:
            {
                var at = random.Next(lines.Count);
                var count = Math.Min(lines.Count - at, 1 + random.Next(5));
                lines.RemoveRange(at, count);
                return Make($"lines {at + 1}..{at + count} deleted", With(Root(string.Join("\n", lines))));
            }

            case Mutation.DuplicateLines:
            {
                var at = random.Next(lines.Count);
                var count = Math.Min(lines.Count - at, 1 + random.Next(8));
                var to = random.Next(lines.Count);
                lines.InsertRange(to, lines.GetRange(at, count));
                return Make($"lines {at + 1}..{at + count} copied before line {to + 1}", With(Root(string.Join("\n", lines))));
            }

            case Mutation.SwapLines:
            {
                var a = random.Next(lines.Count);
                var b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return Make($"lines {a + 1} and {b + 1} swapped", With(Root(string.Join("\n", lines))));
            }

            case Mutation.RetypeScalar:
            {
                var scalars = source.IsYaml
                    ? new[] { "[]", "{}", "null", "~", "0", "-1", "1e400", "true", "'text'", "\"\"", "[a, 1, null]", "{a: 1}", "0x1F", ".nan", "2024-01-01" }
                    : new[] { "[]", "{}", "null", "0", "-1", "1e400", "true", "\"text\"", "\"\"", "[\"a\", 1, null]", "{\"a\": 1}", "-0.0" };
                var done = new List<string>();
                for (var n = 0; n < 1 + random.Next(4); n++)
                {
                    var candidates2 = Enumerable.Range(0, lines.Count).Where(l => lines[l].Contains(": ")).ToList();
                    if (candidates2.Count == 0) break;
                    var line = candidates2[random.Next(candidates2.Count)];
                    var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
                    var value = scalars[random.Next(scalars.Length)];
                    var comma = !source.IsYaml && lines[line].TrimEnd().EndsWith(',') ? "," : "";
                    lines[line] = lines[line].Substring(0, colon + 2) + value + comma;
                    done.Add($"line {line + 1} = {value}");
                }

                return Make(string.Join("; ", done), With(Root(string.Join("\n", lines))));
            }

            case Mutation.BrokenRef:
            {
                var refs = RefPattern.Matches(text).Cast<Match>().ToList();
                if (refs.Count == 0) return Make("no $ref: truncated instead", With(Root(text.Substring(0, random.Next(text.Length)))));
                var existing = refs.Select(m => m.Groups["target"].Value).Distinct().ToList();
                var variants = new[]
                {
                    "#/components/schemas/DoesNotExist", "#/definitions/Nope", "#", "#/", "missing.yaml#/X", "https://example.com/x.json#/A",
                    "#/components/schemas", "#/paths", "#/info/title", "#/components/responses/R/content/application~1json/schema/oneOf/7",
                    "../../../outside.json", "#/components/schemas/%ZZ", "##", "#/components/schemas/A~2B", "./", "#/paths/~1x/get",
                    existing[random.Next(existing.Count)] + "/properties/nope", existing[random.Next(existing.Count)] + "/items",
                    existing[random.Next(existing.Count)] + "/allOf/0", existing[random.Next(existing.Count)],
                };
                var builder = new StringBuilder(text);
                var changed = new List<string>();
                foreach (var match in refs.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(refs.Count, 6))).OrderByDescending(m => m.Index))
                {
                    var group = match.Groups["target"];
                    var variant = variants[random.Next(variants.Length)];
                    builder.Remove(group.Index, group.Length).Insert(group.Index, variant);
                    changed.Add(variant);
                }

                return Make("refs → " + string.Join(", ", changed), With(Root(builder.ToString())));
            }

            case Mutation.AliasBomb:
                return Make("alias bomb", With(Root(AliasBomb(random, lines))));

            case Mutation.Bom:
            {
                var variants = new[] { "\uFEFF" + text, "\uFEFF\uFEFF" + text, text.Insert(random.Next(text.Length), "\uFEFF"), "\uFFFE" + text, "\uFEFF" };
                var pick = random.Next(variants.Length);
                return Make($"BOM variant {pick}", With(Root(variants[pick])));
            }

            case Mutation.InvalidUtf8:
            {
                var bytes = Encoding.UTF8.GetBytes(text).ToList();
                var bad = new[] { new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }, new byte[] { 0x00 } };
                for (var n = 0; n < 1 + random.Next(5); n++) bytes.InsertRange(random.Next(bytes.Count), bad[random.Next(bad.Length)]);
                var decode = random.Next(3);
                var mutated = decode switch
                {
                    0 => Encoding.UTF8.GetString(bytes.ToArray()), // replacement characters, as a lenient reader gives them
                    1 => Encoding.Latin1.GetString(bytes.ToArray()), // what a fallback to a code page gives
                    _ => text.Insert(random.Next(text.Length), "\uD800").Insert(random.Next(text.Length), "\uDC00x"), // lone surrogates
                };
                return Make($"invalid UTF-8, decoding {decode}", With(Root(mutated)));
            }

            case Mutation.BadMetadata:
            {
                var namespaces = new[] { null, "", " ", "1Bad", "class", "A..B", "A.B.", "Ünï.Cödé", "global::X", "System", "A-B", new string('N', 600), "Fuzz.I" + iteration + ".@class" };
                var clients = new[] { null, "", "class", "1x", "Client Name", "Json", "Options", "String", "Object", "System", "FuzzClient" };
                var generates = new[] { null, "", ";", "models", "Models;;Client", "Server;None", "None", "All", "Models,Client", "MODELS", "Client" };
                var root = Root(text) with
                {
                    Namespace = namespaces[random.Next(namespaces.Length)],
                    ClientName = clients[random.Next(clients.Length)],
                    Generate = generates[random.Next(generates.Length)],
                };
                return Make($"Namespace={Show(root.Namespace)} ClientName={Show(root.ClientName)} Generate={Show(root.Generate)}", With(root), alone: true);
            }

            case Mutation.DuplicateItems:
            {
                var other = sources[random.Next(sources.Count)];
                var copyPath = Path.Combine(Path.GetDirectoryName(source.Path)!, "copy-" + Path.GetFileName(source.Path));
                var second = random.Next(2) == 0 ? Root(text, copyPath) : new SpecFile(other.Path == source.Path ? copyPath : other.Path, other.Text, ns, "FuzzClient", "Models;Client;Server");
                var specs = With(Root(text)).Concat(new[] { second }).Concat(other.Others.Where(o => source.Others.All(s => s.Path != o.Path))).ToList();
                return Make($"a second item {Path.GetFileName(second.Path)} with the same Namespace and ClientName", specs, alone: true);
            }

            default:
                return Structural(mutation, random, source, Make, With, Root);
        }
    }

    private static string Show(string? value) => value is null ? "(default)" : "'" + (value.Length > 20 ? value.Substring(0, 20) + "…" : value) + "'";

    private static readonly Regex RefPattern = new("""\$ref["']?\s*:\s*["']?(?<target>[^"'\s,}]+)""", RegexOptions.Compiled);

    private static string AliasBomb(Random random, List<string> lines)
    {
        var width = 8 + random.Next(5);
        var levels = 6 + random.Next(5);
        var bomb = new List<string> { "x-a0: &a0 [" + string.Join(", ", Enumerable.Repeat("lol", width)) + "]" };
        for (var level = 1; level < levels; level++)
        {
            bomb.Add($"x-a{level}: &a{level} [" + string.Join(", ", Enumerable.Repeat($"*a{level - 1}", width)) + "]");
        }

        bomb.Add($"x-m0: &m0 {{type: object, properties: {{a: {{type: string}}}}}}");
        for (var level = 1; level < levels; level++)
        {
            bomb.Add($"x-m{level}: &m{level} {{allOf: [" + string.Join(", ", Enumerable.Repeat($"*m{level - 1}", width)) + "]}");
        }

        var start = lines.FindIndex(l => l.StartsWith("openapi", StringComparison.Ordinal) || l.StartsWith("swagger", StringComparison.Ordinal));
        var result = new List<string>(lines);
        // Uses in the API: an enum of width^levels values and a schema of width^levels allOf entries.
        var stringTypes = Enumerable.Range(0, result.Count).Where(i => Regex.IsMatch(result[i], @"^\s+type: string\s*$")).ToList();
        if (stringTypes.Count > 0)
        {
            var at = stringTypes[random.Next(stringTypes.Count)];
            var indent = result[at].Substring(0, result[at].Length - result[at].TrimStart().Length);
            result.Insert(at + 1, indent + $"enum: *a{levels - 1}");
        }

        var refs = Enumerable.Range(0, result.Count).Where(i => Regex.IsMatch(result[i], @"^\s+\$ref: ")).ToList();
        if (refs.Count > 0)
        {
            var at = refs[random.Next(refs.Count)];
            var indent = result[at].Substring(0, result[at].Length - result[at].TrimStart().Length);
            result[at] = indent + $"allOf: [*m{levels - 1}]";
        }

        result.InsertRange(Math.Max(0, start + 1), bomb);
        return string.Join("\n", result);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Structural mutations: on the JSON tree, written back as JSON

    private static readonly Dictionary<string, JsonNode?> Trees = new(StringComparer.Ordinal);

    private static JsonObject? Tree(Source source)
    {
        lock (Trees)
        {
            if (!Trees.TryGetValue(source.Path, out var tree))
            {
                try
                {
                    tree = source.IsYaml ? YamlToJson.Convert(source.Text) : JsonNode.Parse(source.Text);
                }
                catch (Exception)
                {
                    tree = null;
                }

                Trees[source.Path] = tree;
            }

            return tree?.DeepClone() as JsonObject;
        }
    }

    private const string DeepPlaceholder = "__fuzz_deep__";

    private static Case Structural(Mutation mutation, Random random, Source source, Func<string, IReadOnlyList<SpecFile>, bool, Case> make, Func<SpecFile, IReadOnlyList<SpecFile>> with, Func<string, string?, SpecFile> root)
    {
        var tree = Tree(source);
        var path = Path.ChangeExtension(source.Path, ".json");
        if (tree is null) return make("not a tree: unchanged", with(root(source.Text, null)), false);
        var isSwagger2 = tree["swagger"] is not null;
        var schemas = isSwagger2 ? tree["definitions"] as JsonObject : (tree["components"] as JsonObject)?["schemas"] as JsonObject;
        var prefix = isSwagger2 ? "#/definitions/" : "#/components/schemas/";
        if (schemas is null || schemas.Count == 0)
        {
            schemas = new JsonObject { ["Seed"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = new JsonObject { ["type"] = "string" } } } };
            if (isSwagger2) tree["definitions"] = schemas;
            else if (tree["components"] is JsonObject components) components["schemas"] = schemas;
            else tree["components"] = new JsonObject { ["schemas"] = schemas };
        }

        var names = schemas.Select(p => p.Key).ToList();
        string Pick() => names[random.Next(names.Count)];
        string Ref(string name) => prefix + name.Replace("~", "~0").Replace("/", "~1");
        JsonObject RefTo(string name) => new() { ["$ref"] = Ref(name) };
        string detail;

        switch (mutation)
        {
            case Mutation.CircularRef:
            {
                var a = Pick();
                var b = Pick();
                var variant = random.Next(8);
                switch (variant)
                {
                    case 0:
                        schemas[a] = RefTo(a);
                        break;
                    case 1:
                        schemas[a] = RefTo(b);
                        schemas[b] = RefTo(a);
                        break;
                    case 2:
                        schemas[a] = new JsonObject { ["allOf"] = new JsonArray(RefTo(a), schemas[a]!.DeepClone()) };
                        break;
                    case 3:
                        schemas[a] = new JsonObject { ["allOf"] = new JsonArray(RefTo(b), schemas[a]!.DeepClone()) };
                        schemas[b] = new JsonObject { ["allOf"] = new JsonArray(RefTo(a), schemas[b]!.DeepClone()) };
                        break;
                    case 4:
                        schemas[a] = new JsonObject { ["oneOf"] = new JsonArray(RefTo(a), new JsonObject { ["type"] = "string" }) };
                        break;
                    case 5:
                        schemas[a] = new JsonObject { ["type"] = "array", ["items"] = RefTo(a) };
                        break;
                    case 6:
                        schemas[a] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["p"] = new JsonObject { ["$ref"] = Ref(a) + "/properties/p" } } };
                        break;
                    default:
                        schemas[a] = new JsonObject { ["type"] = "object", ["additionalProperties"] = RefTo(a), ["properties"] = new JsonObject { ["self"] = RefTo(a), ["list"] = new JsonObject { ["type"] = "array", ["items"] = RefTo(b) } } };
                        break;
                }

                detail = $"cycle variant {variant} through '{a}' and '{b}'";
                break;
            }

            case Mutation.DeepNesting:
            {
                var a = Pick();
                var depth = new[] { 64, 300, 2_000, 10_000 }[random.Next(4)];
                var variant = random.Next(4);
                schemas[a] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["deep"] = DeepPlaceholder } };
                detail = $"'{a}' nests {depth} levels (variant {variant})";
                var json = tree.ToJsonString(new JsonSerializerOptions { WriteIndented = true, MaxDepth = 4096 });
                var deep = variant switch
                {
                    0 => Repeat("{\"type\": \"object\", \"properties\": {\"p\": ", depth) + "{\"type\": \"string\"}" + Repeat("}}", depth),
                    1 => Repeat("{\"type\": \"array\", \"items\": ", depth) + "{}" + Repeat("}", depth),
                    2 => Repeat("{\"allOf\": [", depth) + "{}" + Repeat("]}", depth),
                    _ => "{\"type\": \"object\", \"default\": " + Repeat("[", depth) + Repeat("]", depth) + "}",
                };
                // JSON text is YAML too (flow style): a YAML source keeps its name, so that the YAML reader meets the depth.
                return make(detail, with(root(json.Replace("\"" + DeepPlaceholder + "\"", deep), source.IsYaml ? source.Path : path)), false);
            }

            case Mutation.OddNames:
            {
                var odd = new[] { "class", "namespace", "object", "string", "名前", "Ünïcödé", "emoji 😀", "", " ", "a/b", "a~b", "a.b", "\u200B", "123", new string('x', 300), "Value", "Fuzz", "System", "FuzzClient", "FuzzClientJson" };
                var a = Pick();
                var variant = random.Next(3);
                if (variant == 0)
                {
                    // A schema renamed (refs follow), and a copy whose name differs only in case.
                    var name = odd[random.Next(odd.Length)];
                    RenameSchema(tree, schemas, prefix, a, name);
                    var twin = name.ToLowerInvariant() == name ? name.ToUpperInvariant() : name.ToLowerInvariant();
                    if (twin != name && !schemas.ContainsKey(twin)) schemas[twin] = schemas[name]!.DeepClone();
                    detail = $"schema '{a}' renamed '{name}' (twin '{twin}')";
                }
                else if (variant == 1)
                {
                    // Properties with odd names, and two that differ only in case.
                    var properties = new JsonObject();
                    foreach (var name in odd.OrderBy(_ => random.Next()).Take(6)) properties[name] = new JsonObject { ["type"] = "string" };
                    properties["Name"] = new JsonObject { ["type"] = "string" };
                    properties["name"] = new JsonObject { ["type"] = "integer" };
                    properties["NAME"] = RefTo(a);
                    schemas[a] = new JsonObject { ["type"] = "object", ["required"] = new JsonArray("name", ""), ["properties"] = properties };
                    detail = $"schema '{a}' gets odd property names";
                }
                else
                {
                    // Operation ids: keywords, empty, duplicates, unicode; and a schema named as a C# keyword next to its case twin.
                    var operations = Operations(tree).ToList();
                    foreach (var operation in operations) operation["operationId"] = odd[random.Next(odd.Length)];
                    schemas["Class"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["class"] = RefTo("class") } };
                    schemas["class"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("class", "Class", "", "名前") };
                    detail = $"{operations.Count} operationIds renamed; schemas 'Class' and 'class'";
                }

                break;
            }

            default:
                detail = "unchanged";
                break;
        }

        var text = tree.ToJsonString(new JsonSerializerOptions { WriteIndented = true, MaxDepth = 4096, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return make(detail, with(root(text, path)), false);
    }

    private static string Repeat(string value, int count) => new StringBuilder(value.Length * count).Insert(0, value, count).ToString();

    private static IEnumerable<JsonObject> Operations(JsonObject tree)
    {
        if (tree["paths"] is not JsonObject paths) yield break;
        foreach (var item in paths.Select(p => p.Value).OfType<JsonObject>())
        {
            foreach (var pair in item)
            {
                if (pair.Key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace" && pair.Value is JsonObject operation) yield return operation;
            }
        }
    }

    private static void RenameSchema(JsonObject tree, JsonObject schemas, string prefix, string from, string to)
    {
        if (from == to) return;
        var value = schemas[from]!.DeepClone();
        schemas.Remove(from);
        schemas[to] = value;
        string Escape(string s) => s.Replace("~", "~0").Replace("/", "~1");
        var oldRef = prefix + Escape(from);
        var newRef = prefix + Escape(to);
        var stack = new Stack<JsonNode>();
        stack.Push(tree);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    foreach (var pair in obj.ToList())
                    {
                        if (pair.Key == "$ref" && pair.Value is JsonValue v && v.TryGetValue<string>(out var r) && (r == oldRef || r.StartsWith(oldRef + "/", StringComparison.Ordinal)))
                        {
                            obj["$ref"] = newRef + r.Substring(oldRef.Length);
                        }
                        else if (pair.Value is not null)
                        {
                            stack.Push(pair.Value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is not null) stack.Push(item);
                    }

                    break;
            }
        }
    }
}
