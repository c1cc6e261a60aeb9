using Xunit;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// Snapshot tests of the code emitted for the three specs in specs/. To accept a change on purpose, run the tests with
/// CF_UPDATE_BASELINES=1 and review the diff of tests/ContractFirst.Generator.Tests/Baselines.
/// </summary>
public class BaselineTests
{
    /// <summary>
    /// The hint name under which the server glue used to be emitted as source. It is the compiled library
    /// ContractFirst.AspNetCore now (src/AspNetCore): the test checks that no glue is emitted.
    /// </summary>
    private const string SharedHintName = "ContractFirst.Generated.Server.g.cs";

    private static string BaselineRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "ContractFirst.Generator.Tests.csproj");
                if (File.Exists(candidate)) return Path.Combine(dir.FullName, "Baselines");
            }

            throw new InvalidOperationException("test project folder not found");
        }
    }

    /// <summary>
    /// The product version in <c>[GeneratedCode("ContractFirst", "...")]</c>: it changes with every release, so the
    /// comparison leaves it out (a baseline keeps the version it was made with). VersionTests checks what it is.
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex GeneratedCodeVersion = new("GeneratedCode\\(\"ContractFirst\", \"[^\"]*\"\\)");

    private static string WithoutVersion(string text) => GeneratedCodeVersion.Replace(text, "GeneratedCode(\"ContractFirst\", \"(version)\")");

    [Theory]
    [MemberData(nameof(ThreeSpecsTests.Specs), MemberType = typeof(ThreeSpecsTests))]
    public void Emitted_code_matches_the_baseline(string file)
    {
        var result = GeneratorHarness.Run(new[] { SpecFile.FromRepo(file, generate: "Models;Client;Server") });
        var folder = Path.Combine(BaselineRoot, Path.GetFileNameWithoutExtension(file));
        var update = Environment.GetEnvironmentVariable("CF_UPDATE_BASELINES") == "1";
        if (update)
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
        }

        Assert.DoesNotContain(result.Sources, s => s.HintName == SharedHintName);

        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in result.Sources.Where(s => s.HintName != SharedHintName))
        {
            var path = Path.Combine(folder, source.HintName);
            var text = source.SourceText.ToString().ReplaceLineEndings("\n");
            produced.Add(source.HintName);
            if (update)
            {
                File.WriteAllText(path, text);
                continue;
            }

            Assert.True(File.Exists(path), $"No baseline for {source.HintName}; run with CF_UPDATE_BASELINES=1 to create it.");
            var expected = WithoutVersion(File.ReadAllText(path).ReplaceLineEndings("\n"));
            text = WithoutVersion(text);
            if (expected != text)
            {
                var expectedLines = expected.Split('\n');
                var actualLines = text.Split('\n');
                var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
                Assert.Fail($"{source.HintName} differs from its baseline at line {line + 1}:\n  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n  actual:   {(line < actualLines.Length ? actualLines[line] : "<end>")}\nRun with CF_UPDATE_BASELINES=1 to accept the change, and review the diff.");
            }
        }

        var stale = Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => !produced.Contains(f!)).ToList();
        Assert.Empty(stale);
    }
}
