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
        var project = package.NewConsumer("consumer");
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

        // A console client never pulls in ASP.NET Core: neither the shared framework nor ContractFirst.AspNetCore.
        var assets = File.ReadAllText(Path.Combine(project, "obj", "project.assets.json"));
        Assert.DoesNotContain("Microsoft.AspNetCore", assets);
        Assert.DoesNotContain("ContractFirst.AspNetCore", assets);
        Assert.DoesNotContain(binaries, b => b!.StartsWith("ContractFirst.AspNetCore", StringComparison.Ordinal));

        var run = PackageFixture.Run("dotnet", "run -c Release --no-build", project);
        output.WriteLine(run);
        Assert.Contains("service=analytics tier=production path=/v1/organizations/11111111-1111-1111-1111-111111111111/services/22222222-2222-2222-2222-222222222222 auth=Basic", run);
    }

    [Fact]
    public void The_aspnetcore_package_carries_the_library_and_depends_on_ContractFirst_with_its_analyzers_and_build_files()
    {
        var entries = PackageFixture.EntriesOf(package.AspNetCorePackage);
        Assert.Contains("lib/net8.0/ContractFirst.AspNetCore.dll", entries);
        Assert.Contains("lib/net10.0/ContractFirst.AspNetCore.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal)); // they come with ContractFirst

        var nuspec = PackageFixture.NuspecOf(package.AspNetCorePackage);
        output.WriteLine(nuspec);
        Assert.Contains($"<dependency id=\"ContractFirst\" version=\"{package.Version}\"", nuspec);
        Assert.DoesNotContain("exclude=", nuspec); // analyzers and build targets flow to the web project
        Assert.Contains("<frameworkReference name=\"Microsoft.AspNetCore.App\"", nuspec);
    }

    [Fact]
    public void A_fresh_web_project_with_one_package_reference_serves_the_spec()
    {
        var project = package.NewConsumer("web");
        File.WriteAllText(Path.Combine(project, "Web.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ContractFirst.AspNetCore" Version="{package.Version}" />
                <OpenApiSpec Include="bridgeport.yaml" Namespace="Bridgeport" ClientName="BridgeportClient" Generate="Models;Server" />
              </ItemGroup>
            </Project>
            """);
        File.Copy(Path.Combine(RepoSpecs, "bridgeport.yaml"), Path.Combine(project, "bridgeport.yaml"));
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using System.Security.Claims;
            using System.Text;
            using System.Text.Encodings.Web;
            using Bridgeport;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Hosting.Server;
            using Microsoft.AspNetCore.Hosting.Server.Features;
            using Microsoft.Extensions.Options;

            var builder = WebApplication.CreateBuilder(args);
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, Everyone>("bearerAuth", null);
            builder.Services.AddBridgeportServer<Databases>();
            var app = builder.Build();
            app.MapBridgeport();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            foreach (var body in new[] { "{'name':'db','type':'postgres'}", "{'name':'db','type':'postgres','port':99999}" })
            {
                using var response = await http.PostAsync("/api/environments/env1/databases", new StringContent(body.Replace('\'', '"'), Encoding.UTF8, "application/json"));
                Console.WriteLine($"status={(int)response.StatusCode} body={await response.Content.ReadAsStringAsync()}");
            }

            // Deliberately against the spec: the analyzers that come with ContractFirst flag this at build time.
            var tooHigh = new CreateDatabaseRequest { Name = "db", Type = "postgres", Port = 99999 };
            Console.WriteLine(tooHigh.Port);
            await app.StopAsync();

            sealed class Databases : IBridgeportServer
            {
                public Task<IBridgeportServer.CreateDatabaseResult> CreateDatabaseAsync(string envId, CreateDatabaseRequest body, HttpContext httpContext, CancellationToken cancellationToken)
                    => Task.FromResult(IBridgeportServer.CreateDatabaseResult.Status(202));
            }

            sealed class Everyone(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
                : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
            {
                protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
                    Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("test")), Scheme.Name)));
            }
            """);

        var build = PackageFixture.Run("dotnet", "build -c Release", project);
        output.WriteLine(build);
        Assert.Contains("warning CF10", build);
        Assert.DoesNotContain("warning CS", build);
        Assert.DoesNotContain(": error ", build);
        var assets = File.ReadAllText(Path.Combine(project, "obj", "project.assets.json"));
        Assert.Contains("\"ContractFirst.AspNetCore/" + package.Version, assets);
        Assert.Contains("\"ContractFirst/" + package.Version, assets);

        var run = PackageFixture.Run("dotnet", "run -c Release --no-build", project);
        output.WriteLine(run);
        Assert.Contains("status=202 body=", run);
        Assert.Contains("status=400 body={\"code\":\"VALIDATION_ERROR\"", run);
    }

    private static string RepoSpecs => Path.Combine(typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!, "specs");
}
