using System.Diagnostics;
using System.Globalization;

namespace ContractFirst.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/ContractFirst.Benchmarks -- build-time [spec] [pairs]</c> (issue #13):
/// the full rebuild of a consumer project with a large spec, ContractFirst against Kiota's CLI plus the build of its
/// output (and NSwag's CLI plus build, where its output compiles), timed in alternation: A B, B A, A B... and the ratio
/// taken pair by pair, so that load from other processes hits both sides of a pair alike.
/// <para>
/// Every build is <c>dotnet build --no-restore --no-incremental -p:UseSharedCompilation=false -nodeReuse:false</c>: a
/// fresh compiler, as in CI, so the generator runs from a cold start. The ContractFirst consumer references the built
/// generator, analyzers and runtime (src/*/bin/Release) as a package consumer would: build the benchmarks project in
/// Release first. The consumers live in benchmarks/kiota/buildtime (gitignored), with empty Directory.Build files so
/// that the repository's settings do not apply. The peers' tools are found as for <c>size</c>.
/// </para>
/// </summary>
public static class BuildTime
{
    public static int Run(string[] args)
    {
        var spec = args.Length > 1 ? args[1] : Path.Combine(Paths.Corpus ?? Paths.Specs, "jira-platform.json");
        if (!File.Exists(spec) && Paths.Corpus is not null && File.Exists(Path.Combine(Paths.Corpus, spec))) spec = Path.Combine(Paths.Corpus, spec);
        if (!File.Exists(spec) && File.Exists(Path.Combine(Paths.Specs, spec))) spec = Path.Combine(Paths.Specs, spec);
        spec = Path.GetFullPath(spec);
        var pairs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        if (!File.Exists(spec))
        {
            Console.Error.WriteLine($"build-time: {spec} not found");
            return 2;
        }

        var repo = Paths.RepoRoot;
        var generator = Path.Combine(repo, "src", "Generator", "bin", "Release", "netstandard2.0", "ContractFirst.Generator.dll");
        var analyzers = Path.Combine(repo, "src", "Analyzers", "bin", "Release", "netstandard2.0", "ContractFirst.Analyzers.dll");
        var runtime = Path.Combine(repo, "src", "Runtime", "bin", "Release", "net10.0", "ContractFirst.Runtime.dll");
        if (!File.Exists(generator) || !File.Exists(runtime))
        {
            Console.Error.WriteLine("build-time: build the benchmarks project in Release first (src/*/bin/Release is used).");
            return 2;
        }

        // The generator's own dependencies travel with it in the package (analyzers/dotnet/cs): here, from the NuGet cache.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var versions = File.ReadAllText(Path.Combine(repo, "Directory.Packages.props"));
        string Dependency(string id) => Path.Combine(packages, id.ToLowerInvariant(),
            System.Text.RegularExpressions.Regex.Match(versions, $"Include=\"{System.Text.RegularExpressions.Regex.Escape(id)}\" Version=\"([^\"]+)\"").Groups[1].Value,
            "lib", "netstandard2.0", id + ".dll");
        var generatorDependencies = string.Concat(new[] { "Microsoft.OpenApi", "YamlDotNet" }.Select(id => $"<Analyzer Include=\"{Dependency(id)}\" />"));

        var name = Path.GetFileNameWithoutExtension(spec);
        var root = Path.Combine(repo, "benchmarks", "kiota", "buildtime", name);
        Directory.CreateDirectory(root);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, file), "<Project />\n");
        }

        var sides = new List<Side>();

        // ContractFirst: the generator runs inside the build.
        var cf = Path.Combine(root, "contractfirst");
        Directory.CreateDirectory(cf);
        File.WriteAllText(Path.Combine(cf, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{generator}" />
                {generatorDependencies}
                {(File.Exists(analyzers) ? $"<Analyzer Include=\"{analyzers}\" />" : "")}
                <Reference Include="{runtime}" />
                <PackageReference Include="Microsoft.Extensions.Http" Version="8.0.1" />
                <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.2" />
                <PackageReference Include="Microsoft.Extensions.Options.ConfigurationExtensions" Version="8.0.0" />
                <PackageReference Include="Polly.Core" Version="8.5.2" />
                <OpenApiSpec Include="{spec}" Namespace="Consumer.Api" ClientName="ApiClient" Generate="Models;Client" />
              </ItemGroup>
              <Import Project="{Path.Combine(repo, "src", "Generator", "build", "ContractFirst.targets")}" />
            </Project>
            """);
        sides.Add(new Side("ContractFirst (build)", null, cf));

        // Kiota: its CLI, then the build of its output.
        var kiotaTool = Path.Combine(repo, "benchmarks", "kiota", "tools", OperatingSystem.IsWindows() ? "kiota.exe" : "kiota");
        if (File.Exists(kiotaTool))
        {
            var kiota = Path.Combine(root, "kiota");
            Directory.CreateDirectory(kiota);
            File.WriteAllText(Path.Combine(kiota, "Consumer.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <NoWarn>$(NoWarn);CS1591;CS8618;CS8600;CS8601;CS8602;CS8603;CS8604;CS0108</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Kiota.Abstractions" Version="2.1.6" />
                    <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="2.1.6" />
                    <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="2.1.6" />
                    <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="2.1.6" />
                    <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="2.1.6" />
                    <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="2.1.6" />
                  </ItemGroup>
                </Project>
                """);
            var output = Path.Combine(kiota, "Generated");
            sides.Add(new Side("Kiota 1.38.0 (CLI + build)", () =>
                {
                    var result = SizeReport.Exec(kiotaTool,
                        new[] { "generate", "-l", "CSharp", "-d", spec, "-o", output, "-n", "Consumer.Api", "-c", "ApiClient", "--clean-output" },
                        ("KIOTA_TUTORIAL_ENABLED", "false"), ("KIOTA_OFFLINE_ENABLED", "true"));
                    if (result.Code == 0 && KiotaFixups.Apply(output) is > 0 and var fixes && !KiotaFixups.Reported)
                    {
                        KiotaFixups.Reported = true;
                        Console.WriteLine($"// Kiota's output: {fixes} line(s) that do not compile rewritten to compile (KiotaFixups)");
                    }

                    return result;
                }, kiota));
        }
        else
        {
            Console.WriteLine("// Kiota is not installed (benchmarks/kiota/tools): see docs/benchmarks.md, Generated size.");
        }

        // NSwag: its CLI, then the build of its output (kept only if it compiles).
        var nswagTool = Path.Combine(repo, "benchmarks", "nswag", ".tools", "dotnet", OperatingSystem.IsWindows() ? "nswag.exe" : "nswag");
        if (File.Exists(nswagTool))
        {
            var nswag = Path.Combine(root, "nswag");
            Directory.CreateDirectory(nswag);
            File.WriteAllText(Path.Combine(nswag, "Consumer.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <NoWarn>$(NoWarn);CS1591;CS8618;CS8600;CS8601;CS8602;CS8603;CS8604;CS0108;CS0114</NoWarn>
                  </PropertyGroup>
                </Project>
                """);
            var output = Path.Combine(nswag, "Client.g.cs");
            sides.Add(new Side("NSwag 14.7.1 (CLI + build)", () => SizeReport.Exec(nswagTool, new[]
                {
                    "openapi2csclient", "/input:" + spec, "/output:" + output, "/namespace:Consumer.Api", "/className:ApiClient",
                    "/jsonLibrary:SystemTextJson", "/generateClientInterfaces:false", "/injectHttpClient:true", "/disposeHttpClient:false",
                    "/generateOptionalPropertiesAsNullable:true", "/generateNullableReferenceTypes:true",
                },
                ("DOTNET_ROLL_FORWARD", "Major")), nswag));
        }

        // Restore once, and one untimed run of each side: a side that fails is left out.
        var working = new List<Side>();
        foreach (var side in sides)
        {
            var (restore, restoreLog) = SizeReport.Exec("dotnet", new[] { "restore", side.Project, "-nodeReuse:false" });
            var run = restore == 0 ? side.Measure() : null;
            if (run is null)
            {
                Console.WriteLine($"// {side.Name}: fails on {Path.GetFileName(spec)}, left out: {LastLines(restore == 0 ? side.LastLog : restoreLog)}");
                continue;
            }

            Console.WriteLine($"// {side.Name}: warm-up run {run.Value:F1} s");
            working.Add(side);
        }

        if (working.Count < 2 || working[0] != sides[0])
        {
            Console.WriteLine("// Nothing to compare.");
            return 1;
        }

        var baseline = working[0];
        foreach (var peer in working.Skip(1))
        {
            var ratios = new List<double>();
            var ours = new List<double>();
            var theirs = new List<double>();
            for (var pair = 0; pair < pairs; pair++)
            {
                double? a, b;
                if (pair % 2 == 0)
                {
                    a = baseline.Measure();
                    b = peer.Measure();
                }
                else
                {
                    b = peer.Measure();
                    a = baseline.Measure();
                }

                if (a is null || b is null)
                {
                    Console.WriteLine($"// pair {pair + 1}: a build failed; {LastLines(baseline.LastLog + peer.LastLog)}");
                    continue;
                }

                ours.Add(a.Value);
                theirs.Add(b.Value);
                ratios.Add(a.Value / b.Value);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// pair {pair + 1} ({(pair % 2 == 0 ? "A B" : "B A")}): ContractFirst {a:F1} s, {peer.Name} {b:F1} s, ratio {a / b:F2}"));
            }

            if (ratios.Count == 0) continue;
            ratios.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(spec)}: ContractFirst full rebuild ÷ {peer.Name}, per pair: median {Median(ratios):F2}× (min {ratios[0]:F2}, max {ratios[^1]:F2}; {ratios.Count} pairs; medians {Median(ours):F1} s vs {Median(theirs):F1} s)"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LastLines(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        var text = string.Join(" | ", errors.Count > 0 ? errors : lines.TakeLast(2));
        return text.Length > 300 ? text.Substring(0, 300) + "…" : text;
    }

    /// <summary>One side: an optional generation step (a CLI), then the full rebuild of its project. Null when either fails.</summary>
    private sealed class Side(string name, Func<(int Code, string Log)>? generate, string directory)
    {
        public string Name { get; } = name;

        public string Project { get; } = Path.Combine(directory, "Consumer.csproj");

        public string LastLog { get; private set; } = "";

        public double? Measure()
        {
            var stopwatch = Stopwatch.StartNew();
            if (generate is not null)
            {
                var (code, log) = generate();
                if (code != 0)
                {
                    LastLog = log;
                    return null;
                }
            }

            var (build, buildLog) = SizeReport.Exec("dotnet", new[]
            {
                "build", Project, "-c", "Release", "--no-restore", "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:WarningsAsErrors=CS8785", "-v:q", "-clp:ErrorsOnly",
            });
            LastLog = buildLog;
            return build == 0 ? stopwatch.Elapsed.TotalSeconds : null;
        }
    }
}

/// <summary>
/// Kiota 1.38.0 writes an error type's <c>Message</c> override as <c>Errors?.MessageEscaped ?? string.Empty</c> even when
/// <c>Errors</c> is a list (jira-platform.json's <c>BulkOperationErrorResponse</c>), which does not compile (CS1061). So
/// that its build can be timed, such a getter is rewritten to <c>string.Empty</c>: the same amount of code to compile,
/// one member access less. Nothing else in Kiota's output is touched.
/// </summary>
public static class KiotaFixups
{
    public static bool Reported { get; set; }

    public static int Apply(string output)
    {
        var fixes = 0;
        if (!Directory.Exists(output)) return 0;
        foreach (var file in Directory.GetFiles(output, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("?.MessageEscaped ?? string.Empty", StringComparison.Ordinal)) continue;
            var patched = System.Text.RegularExpressions.Regex.Replace(text, @"\b(\w+)\?\.MessageEscaped \?\? string\.Empty", m =>
                System.Text.RegularExpressions.Regex.IsMatch(text, @"public List<[^>]+>\?? " + m.Groups[1].Value + @" \{") ? "string.Empty" : m.Value);
            if (patched == text) continue;
            fixes += text.Split('\n').Zip(patched.Split('\n')).Count(p => p.First != p.Second);
            File.WriteAllText(file, patched);
        }

        return fixes;
    }
}
