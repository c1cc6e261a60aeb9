using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using ContractFirst.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ContractFirst.Generator.Tests;

/// <summary>The pipeline caches: edits that do not touch a spec do no work, and an edit to one spec redoes only it.</summary>
public class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.SpecInputs, TrackingNames.AllSpecInputs, TrackingNames.ParseRequests, TrackingNames.ParseResults,
        TrackingNames.Models, TrackingNames.Diagnostics, TrackingNames.HasAspNetCore, TrackingNames.Outputs,
    };

    private static List<SpecFile> ThreeSpecs() => new()
    {
        SpecFile.FromRepo("miget.yaml"),
        SpecFile.FromRepo("clickhouse-cloud.yaml"),
        SpecFile.FromRepo("bridgeport.yaml"),
    };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(IEnumerable<SpecFile> specs, IEnumerable<AdditionalText>? otherFiles = null)
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace User; public class A { }");
        var driver = GeneratorHarness.CreateDriver(specs, otherFiles: otherFiles).RunGenerators(compilation);
        return (driver, compilation);
    }

    [Fact]
    public void An_unrelated_edit_to_user_code_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun(ThreeSpecs());
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("namespace User; public class A { public int B; }", GeneratorHarness.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(result);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void An_edit_to_a_non_spec_additional_file_leaves_every_step_cached_or_unchanged()
    {
        var other = new InMemoryAdditionalText("/repo/notes.txt", "hello");
        var (driver, compilation) = FirstRun(ThreeSpecs(), new[] { other });
        driver = driver.ReplaceAdditionalText(other, new InMemoryAdditionalText("/repo/notes.txt", "hello, world"));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(result);
    }

    [Fact]
    public void Editing_one_spec_regenerates_only_that_specs_outputs()
    {
        var specs = ThreeSpecs();
        var texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToList();
        var compilation = GeneratorHarness.CreateCompilation("namespace User; public class A { }");
        var driver = GeneratorHarness.CreateDriver(specs, texts).RunGenerators(compilation);

        var bridgeport = specs[2];
        var editedText = bridgeport.Text.Replace("Create a database in an environment", "Create a database in an environment (edited)");
        Assert.NotEqual(bridgeport.Text, editedText);
        driver = driver.ReplaceAdditionalText(texts[2], new InMemoryAdditionalText(bridgeport.Path, editedText));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var parse = result.TrackedSteps[TrackingNames.ParseResults].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(3, parse.Count);
        Assert.Equal(1, parse.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(2, parse.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        var models = result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).ToList();
        var modified = Assert.Single(models, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("bridgeport.yaml", ((Model.SpecModel)modified.Value).FileName);
        Assert.All(models.Where(o => o != modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void Pipeline_outputs_hold_no_compilation_symbol_or_syntax_node()
    {
        var (driver, _) = FirstRun(ThreeSpecs());
        var result = driver.GetRunResult().Results.Single();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var step in TrackedSteps)
        {
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (value, _) in run.Outputs) AssertNoRoslynObjects(value, step, seen);
            }
        }
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} output was {reason}");
                }
            }
        }
    }

    private static void AssertNoRoslynObjects(object? node, string step, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node)) return;
        var type = node.GetType();
        Assert.False(node is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or SemanticModel or AdditionalText,
            $"step {step} holds a {type.FullName}");
        if (node is IEnumerable enumerable)
        {
            foreach (var item in enumerable) AssertNoRoslynObjects(item, step, seen);
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer) continue;
                AssertNoRoslynObjects(field.GetValue(node), step, seen);
            }
        }
    }
}
