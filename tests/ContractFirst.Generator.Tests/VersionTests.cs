using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// The product version is written once, as <c>Version</c> in Directory.Build.props: the generator compiles it in
/// (<see cref="GeneratorInfo.Version"/>), generated code names it, and the documentation's install lines agree with it.
/// </summary>
public class VersionTests
{
    private static readonly Regex GeneratedCode = new("GeneratedCode\\(\"ContractFirst\", \"([^\"]*)\"\\)");

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return dir.FullName;
            }

            throw new InvalidOperationException("repository root (Toolkit.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The version this build used: the test assembly is built with the same $(Version) as the generator.</summary>
    private static string BuildVersion
    {
        get
        {
            var informational = typeof(VersionTests).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            var plus = informational.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
    }

    [Fact]
    public void The_generator_version_is_the_build_version()
    {
        Assert.False(string.IsNullOrWhiteSpace(GeneratorInfo.Version));
        Assert.Equal(BuildVersion, GeneratorInfo.Version);
    }

    [Fact]
    public void Directory_Build_props_declares_the_version_once()
    {
        var versions = XDocument.Load(Path.Combine(RepoRoot, "Directory.Build.props")).Descendants("Version").ToList();
        var declared = Assert.Single(versions).Value;
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", declared);
    }

    [Fact]
    public void Generated_code_names_the_generator_version()
    {
        var result = GeneratorHarness.Run(new[] { SpecFile.FromRepo("bridgeport.yaml", generate: "Models;Client;Server") });
        var found = result.Sources.SelectMany(s => GeneratedCode.Matches(s.SourceText.ToString()).Select(m => (s.HintName, Version: m.Groups[1].Value))).ToList();
        Assert.NotEmpty(found);
        Assert.All(found, f => Assert.True(f.Version == GeneratorInfo.Version, $"{f.HintName} names version {f.Version}, the generator is {GeneratorInfo.Version}"));
        // Every generated model, JSON and client file says which generator made it.
        Assert.All(result.Sources.Where(s => !s.HintName.Contains("Server", StringComparison.Ordinal)), s => Assert.Contains(s.HintName, found.Select(f => f.HintName)));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/getting-started.md")]
    public void Install_lines_in_the_documentation_name_the_version(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, file));
        var references = Regex.Matches(text, "<PackageReference Include=\"ContractFirst[^\"]*\" Version=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(references);
        var declared = XDocument.Load(Path.Combine(RepoRoot, "Directory.Build.props")).Descendants("Version").Single().Value;
        Assert.All(references, v => Assert.Equal(declared, v));
    }
}
