using System.Reflection;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Package.Tests;

[Trait("Category", "Slow")]
public class PackageTests(PackageFixture package, ITestOutputHelper output) : IClassFixture<PackageFixture>
{
    [Fact]
    public void The_package_carries_generator_analyzers_runtime_and_build_props()
    {
        var entries = package.Entries;
        foreach (var expected in new[]
        {
            "analyzers/dotnet/cs/ContractFirst.Generator.dll",
            "analyzers/dotnet/cs/ContractFirst.Analyzers.dll",
            "analyzers/dotnet/cs/ContractFirst.Analyzers.CodeFixes.dll",
            "analyzers/dotnet/cs/Microsoft.OpenApi.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "lib/net8.0/ContractFirst.Runtime.dll",
            "lib/net10.0/ContractFirst.Runtime.dll",
            "build/ContractFirst.targets",
        })
        {
            Assert.Contains(expected, entries);
        }

        // Host-owned assemblies are never bundled, and Roslyn is never a dependency of consumers.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.Contains("System.Collections.Immutable", StringComparison.OrdinalIgnoreCase) || e.Contains("System.Memory", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Microsoft.CodeAnalysis", package.Nuspec);
    }

    [Fact]
    public void A_fresh_project_with_one_package_reference_and_one_spec_builds_runs_and_shows_analyzer_warnings()
    {
        var project = Path.Combine(package.Root, "consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ContractFirst" Version="{package.Version}" />
                <OpenApiSpec Include="clickhouse-cloud.yaml" Namespace="ClickHouse.Cloud" ClientName="ClickHouseCloudClient" />
              </ItemGroup>
            </Project>
            """);
        // A Directory.Build.props of its own keeps the repository's (if the temp folder were inside it) out.
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />");
        File.Copy(Path.Combine(RepoSpecs, "clickhouse-cloud.yaml"), Path.Combine(project, "clickhouse-cloud.yaml"));
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using System.Net;
            using System.Text;
            using ClickHouse.Cloud;

            var handler = new CannedHandler();
            var client = new ClickHouseCloudClient(new HttpClient(handler) { BaseAddress = new Uri("https://api.example.test") },
                new ClickHouseCloudClientOptions { Username = "key-id", Password = "key-secret" });
            var answer = await client.GetServiceAsync(Guid.Parse("11111111-1111-1111-1111-111111111111"), Guid.Parse("22222222-2222-2222-2222-222222222222"));
            Console.WriteLine($"service={answer.Result?.Name} tier={answer.Result?.Tier} path={handler.Path} auth={handler.Scheme}");

            // Deliberately against the spec: the package's analyzers flag these at build time.
            var scaling = new ServiceScalingPatchRequest { MinTotalMemoryGb = 30 };
            var create = new ServicePostRequest { Name = "n", Provider = "aws", Region = "us-east-1", Tier = "produciton" };
            Console.WriteLine(scaling.MinTotalMemoryGb + " " + create.Tier);

            sealed class CannedHandler : HttpMessageHandler
            {
                public string? Path { get; private set; }
                public string? Scheme { get; private set; }

                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Path = request.RequestUri!.AbsolutePath;
                    Scheme = request.Headers.Authorization?.Scheme;
                    const string json = "{\"status\":200,\"requestId\":\"5f8a3c52-6c1e-4a59-9a4e-2f8d0a8e2c11\",\"result\":{\"id\":\"22222222-2222-2222-2222-222222222222\",\"name\":\"analytics\",\"tier\":\"production\"}}";
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
                }
            }
            """);

        var build = PackageFixture.Run("dotnet", "build -c Release", project);
        output.WriteLine(build);
        Assert.Contains("warning CF1001", build);
        Assert.Contains("warning CF1002", build);
        Assert.Contains("did you mean 'production'", build);
        Assert.DoesNotContain("warning CS", build);
        Assert.DoesNotContain("CS8785", build);

        var binaries = Directory.GetFiles(Path.Combine(project, "bin"), "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("ContractFirst.Runtime.dll", binaries);
        Assert.DoesNotContain(binaries, b => b!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        var run = PackageFixture.Run("dotnet", "run -c Release --no-build", project);
        output.WriteLine(run);
        Assert.Contains("service=analytics tier=production path=/v1/organizations/11111111-1111-1111-1111-111111111111/services/22222222-2222-2222-2222-222222222222 auth=Basic", run);
    }

    private static string RepoSpecs => Path.Combine(typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!, "specs");
}
