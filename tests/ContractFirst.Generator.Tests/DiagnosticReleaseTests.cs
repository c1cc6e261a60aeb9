using System.Reflection;
using ContractFirst.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// The generator's CF0xxx are release-tracked like the analyzers' CF1xxx: src/Generator/AnalyzerReleases.Shipped.md and
/// AnalyzerReleases.Unshipped.md list each ID once, with its category and severity (RS2000-RS2008 check the same at
/// build time), and every descriptor is in <see cref="DiagnosticDescriptors.ById"/> with its help page.
/// </summary>
public class DiagnosticReleaseTests
{
    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("repository root (Toolkit.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    private static IReadOnlyList<DiagnosticDescriptor> Declared =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    /// <summary>The rows of the "New Rules" tables: ID, category, severity.</summary>
    private static List<(string Id, string Category, string Severity)> Tracked()
    {
        var rows = new List<(string, string, string)>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(RepoRoot, "src", "Generator", file)))
            {
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length >= 3 && cells[0].StartsWith("CF", StringComparison.Ordinal)) rows.Add((cells[0], cells[1], cells[2]));
            }
        }

        return rows;
    }

    [Fact]
    public void Every_descriptor_is_listed_in_ById()
    {
        Assert.NotEmpty(Declared);
        Assert.Equal(Declared.Select(d => d.Id).OrderBy(id => id), DiagnosticDescriptors.ById.Keys.OrderBy(id => id));
        Assert.All(Declared, d => Assert.Same(d, DiagnosticDescriptors.ById[d.Id]));
    }

    [Fact]
    public void Every_descriptor_is_release_tracked_once_with_its_category_and_severity()
    {
        var tracked = Tracked();
        Assert.Equal(tracked.Count, tracked.Select(t => t.Id).Distinct().Count());
        Assert.Equal(Declared.Select(d => d.Id).OrderBy(id => id), tracked.Select(t => t.Id).OrderBy(id => id));
        foreach (var d in Declared)
        {
            var row = tracked.Single(t => t.Id == d.Id);
            Assert.Equal(d.Category, row.Category);
            Assert.Equal(d.DefaultSeverity.ToString(), row.Severity);
        }
    }

    [Fact]
    public void Every_descriptor_is_a_spec_diagnostic_with_its_help_page()
    {
        foreach (var d in Declared)
        {
            Assert.Matches("^CF0[0-9]{3}$", d.Id);
            Assert.Equal("ContractFirst.Spec", d.Category);
            Assert.True(d.IsEnabledByDefault, d.Id);
            Assert.Equal($"https://github.com/contractfirst/contractfirst/blob/main/docs/diagnostics/{d.Id}.md", d.HelpLinkUri);
            var page = File.ReadAllText(Path.Combine(RepoRoot, "docs", "diagnostics", d.Id + ".md"));
            Assert.StartsWith($"# {d.Id}: ", page, StringComparison.Ordinal);
            Assert.Contains($"| Default severity | {d.DefaultSeverity} |", page, StringComparison.Ordinal);
            Assert.Contains("## What it means", page, StringComparison.Ordinal);
            Assert.Contains("## How to fix it", page, StringComparison.Ordinal);
        }
    }
}
